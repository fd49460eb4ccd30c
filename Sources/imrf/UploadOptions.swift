import ArgumentParser
import Foundation
import Upload

/// How to upload, shared by `imrf upload` and `imrf compile --upload`, so both
/// take the same flags and build the same request.
struct UploadOptions: ParsableArguments {
    @Option(help: "PUT or POST.")
    var method: String = "PUT"

    @Option(name: .customLong("form-field"), help: "Send multipart/form-data with the file in this field (POST).")
    var formField: String?

    @Option(name: .customLong("header"), help: "An extra request header 'Name: value' (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("token-file"), help: "A file holding the bearer token (mode 600).")
    var tokenFile: String?

    @Option(help: "A PEM file of CA certificates to trust (a private CA).")
    var cacert: String?

    @Option(help: "Retries after the first attempt.")
    var retries: Int = 3

    @Option(help: "Limit on each attempt, in seconds.")
    var timeout: Double?

    @Flag(help: "Trace the HTTP exchange on stderr (credentials redacted).")
    var verbose = false

    func validate() throws {
        guard UploadRequest.Method(rawValue: method.uppercased()) != nil else {
            throw ValidationError("--method must be PUT or POST")
        }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be more than 0") }
    }

    /// The request for `file`; the token from --token-file or IMRF_TOKEN, a
    /// trace with --verbose, and a progress bar when stderr is a terminal.
    func request(file: String, endpoint: String) throws -> UploadRequest {
        let token: BearerToken?
        if let tokenFile {
            token = try BearerToken.read(fromFile: tokenFile)
        } else if let secret = ProcessInfo.processInfo.environment["IMRF_TOKEN"], !secret.isEmpty {
            token = try BearerToken(secret)
        } else {
            token = nil
        }
        var trace: (@Sendable (String) -> Void)?
        if verbose {
            trace = { @Sendable (line: String) in Reporting.printToStandardError(line) }
        }
        var progress: (@Sendable (Int64, Int64) -> Void)?
        if isatty(STDERR_FILENO) == 1, !verbose {
            let bar = ProgressBar()
            progress = { @Sendable sent, total in
                // Redraw in place; clear the line once the body is all sent.
                let text = sent >= total ? "\r\u{1B}[K" : "\r" + bar.line(sent: sent, total: total)
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
        return UploadRequest(
            file: file,
            endpoint: endpoint,
            method: UploadRequest.Method(rawValue: method.uppercased()) ?? .put,
            formField: formField,
            headers: headers,
            token: token,
            caCertificateFile: cacert,
            retries: retries,
            timeout: timeout,
            trace: trace,
            progress: progress
        )
    }
}

extension UploadReceipt {
    /// The one line `imrf upload` and `imrf compile --upload` print.
    func summaryLine(file: String) -> String {
        "uploaded \(file) (\(bytes) bytes, sha256 \(sha256)) to \(location): HTTP \(status) after \(attempts) attempt\(attempts == 1 ? "" : "s")"
    }
}
