public import Diagnostics

/// Why a message was not sent, as data: a `code` to switch on, the message
/// for people, and the `FailureKind` (so the exit code) it maps to.
///
/// Never holds the SMTP password: messages are built from the server's
/// address, the recipient and libcurl's or the server's words only.
public struct MailError: DiagnosticError, Hashable {
    public enum Code: String, Sendable, Hashable, Codable {
        /// `reminders.smtp` is not an smtp:// or smtps:// URL libcurl accepts.
        case badURL
        /// The server refused the user name or password.
        case authenticationRefused
        /// No user name and password were given, and the server asks for them.
        case credentialsMissing
        /// The credentials file is missing, unreadable, readable by others or malformed.
        case badCredentialsFile
        /// The server could not be verified (certificate, CA file), or does not speak TLS where it must.
        case tls
        /// The server offers no STARTTLS, and it is not on this machine.
        case noTLS
        /// The server refused this recipient (5xx to RCPT TO).
        case recipientRefused
        /// The server refused the message for good (another 5xx).
        case rejected
        /// The server could not be reached or answered with a temporary failure (4xx, timeout, dropped).
        case unavailable
        /// libcurl, which sending needs, cannot be loaded.
        case libcurlMissing
        /// An address or header that would break the message (a line break, an angle bracket).
        case badAddress
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Whether the next run may succeed without anyone changing anything:
    /// the message stays unsent and is tried again.
    public var isRetryable: Bool {
        switch code {
        case .recipientRefused, .unavailable: true
        default: false
        }
    }

    public var kind: FailureKind {
        switch code {
        case .recipientRefused, .unavailable: .temporary
        case .libcurlMissing: .unavailable
        case .badURL, .authenticationRefused, .credentialsMissing, .badCredentialsFile, .tls, .noTLS, .rejected, .badAddress: .badInput
        }
    }

    public var diagnostics: [Diagnostic] { [.error(message, hint: hint, code: .mail(code))] }
}

extension Diagnostic.Code {
    /// The code of a `MailError`'s diagnostic: `mail.` and its code (`mail.tls`).
    public static func mail(_ code: MailError.Code) -> Self { Self(rawValue: "mail." + code.rawValue) }
}
