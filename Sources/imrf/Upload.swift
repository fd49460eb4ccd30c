import ArgumentParser
import Diagnostics
import Foundation
import Upload

extension IMRF {
    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a document to the office's document endpoint.",
            discussion: """
                The token comes from --token-file (refused if its group or others can read it) \
                or the IMRF_TOKEN environment variable, and is sent as a bearer token; it is never printed. \
                Exit codes: 0 uploaded, 65 bad input, 69 endpoint unreachable, 75 retryable failure \
                after the last try, 77 credentials refused.
                """
        )

        @Argument(help: "The file to upload.")
        var file: String

        @Option(help: "The http(s) URL of the document endpoint.")
        var endpoint: String

        @Option(help: "PUT (default) or POST.")
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

        @Flag(help: "Print the receipt as one JSON object.")
        var json = false

        @Flag(help: "Trace the HTTP exchange on stderr (credentials redacted).")
        var verbose = false

        @Option(help: "The workspace whose ledger records the upload (default: the workspace the file is in, if any).")
        var workspace: String?

        func validate() throws {
            guard UploadRequest.Method(rawValue: method.uppercased()) != nil else {
                throw ValidationError("--method must be PUT or POST")
            }
            guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
            if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be more than 0") }
            try validateWorkspace()
        }

        func run() async throws {
            try await Reporting.run { try await perform() }
        }

        private func perform() async throws {
            var trace: (@Sendable (String) -> Void)?
            if verbose {
                trace = { @Sendable (line: String) in Reporting.printToStandardError(line) }
            }
            do {
                let token: BearerToken?
                if let tokenFile {
                    token = try BearerToken.read(fromFile: tokenFile)
                } else if let secret = ProcessInfo.processInfo.environment["IMRF_TOKEN"], !secret.isEmpty {
                    token = try BearerToken(secret)
                } else {
                    token = nil
                }
                let request = UploadRequest(
                    file: file,
                    endpoint: endpoint,
                    method: UploadRequest.Method(rawValue: method.uppercased()) ?? .put,
                    formField: formField,
                    headers: headers,
                    token: token,
                    caCertificateFile: cacert,
                    retries: retries,
                    timeout: timeout,
                    trace: trace
                )
                let receipt = try await Uploader().upload(request)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(receipt), as: UTF8.self))
                } else {
                    print("uploaded \(file) (\(receipt.bytes) bytes, sha256 \(receipt.sha256)) to \(receipt.location): HTTP \(receipt.status) after \(receipt.attempts) attempt\(receipt.attempts == 1 ? "" : "s")")
                }
                recordInLedger(receipt)
            }
        }
    }
}
