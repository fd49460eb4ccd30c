public import Diagnostics

/// Why an upload failed, as data: a `code` a caller can switch on, the
/// message shown to people, and the `FailureKind` that picks the exit code.
///
/// Messages never contain the bearer token: they are built from the URL
/// (its user part and query values redacted), the file path, HTTP status
/// codes and libcurl's error text only.
public struct UploadError: DiagnosticError, Hashable {
    public enum Code: String, Sendable, Hashable, Codable {
        /// The endpoint is not an http(s) URL libcurl accepts.
        case badURL
        /// The endpoint URL has a user name or password: credentials go in
        /// the bearer token, which is never shown.
        case credentialsInURL
        /// An extra header is not `Name: value` on one line.
        case badHeader
        /// An extra header's name contains white space.
        case badHeaderName
        /// An extra header sets `Authorization`: credentials go in the bearer token.
        case credentialsInHeader
        /// A form field was given for a method other than POST.
        case formFieldWithoutPOST
        /// A bearer token would go unencrypted (plain http) to another machine.
        case tokenOverPlainHTTP
        /// The file to upload is missing or unreadable.
        case unreadableFile
        /// The token file is missing, unreadable, empty or readable by others.
        case badTokenFile
        /// The server refused the credentials (401, 403).
        case authenticationRefused
        /// The server rejected the request (another 4xx); retrying will not help.
        case rejected
        /// The last attempt failed with a retryable error (timeout, 408, 429, 5xx, dropped connection).
        case retriesExhausted
        /// No attempt ever reached the server (cannot resolve or connect).
        case unreachable
        /// The TLS peer could not be verified, or the CA file is unusable.
        case tls
        /// The server's reply is not HTTP (libcurl: "Received HTTP/0.9").
        case badReply
        /// libcurl failed in a way not listed above.
        case transfer
        /// libcurl, which imrf loads only to upload, cannot be loaded.
        case libcurlMissing
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var kind: FailureKind {
        switch code {
        case .badURL, .credentialsInURL, .badHeader, .badHeaderName, .credentialsInHeader, .formFieldWithoutPOST,
            .unreadableFile, .badTokenFile, .tokenOverPlainHTTP:
            .badInput
        case .authenticationRefused: .permission
        case .retriesExhausted: .temporary
        case .unreachable, .tls, .libcurlMissing, .badReply: .unavailable
        case .rejected, .transfer: .software
        }
    }

    /// One error, with the code `.upload(code)`.
    public var diagnostics: [Diagnostic] { [.error(message, hint: hint, code: .upload(code))] }
}

extension Diagnostic.Code {
    /// The code of an `UploadError`'s diagnostic: `upload.` and the error's
    /// code (`upload.tls`).
    public static func upload(_ code: UploadError.Code) -> Self { Self(rawValue: "upload." + code.rawValue) }
}
