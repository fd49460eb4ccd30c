import CCurl
import CCurlShim
import Foundation
import Storage

/// Uploads one file to a document endpoint over libcurl.
///
/// The body streams from disk; `Content-Digest` (RFC 9530) and an
/// `Idempotency-Key` derived from the content and the endpoint let the
/// server recognise a retried upload, so a retry never makes a second
/// document. Retries use exponential backoff with jitter on connection
/// failures, timeouts, 408, 429 and 5xx, honouring `Retry-After`.
public struct Uploader: Sendable {
    public init() {}

    public func upload(_ request: UploadRequest) async throws(UploadError) -> UploadReceipt {
        let clock = ContinuousClock()
        let start = clock.now
        try Self.validate(endpoint: request.endpoint, withToken: request.token != nil)
        let headers = try Self.validated(headers: request.headers)
        if request.formField != nil, request.method != .post {
            throw UploadError(.formFieldWithoutPOST, "a form field needs the POST method")
        }
        let (document, digest, size) = try await withOwnThread { () throws(UploadError) in
            try Self.openDocument(request.file)
        }
        let idempotencyKey = Self.idempotencyKey(contentSHA256: digest.hex, endpoint: request.endpoint)
        var requestHeaders = headers
        requestHeaders.append("Content-Digest: sha-256=:\(digest.base64):")
        requestHeaders.append("Idempotency-Key: \(idempotencyKey)")
        requestHeaders.append("Expect:")  // no 100-continue round trip
        if request.formField == nil, !headers.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
            requestHeaders.append("Content-Type: application/octet-stream")
        }
        if let token = request.token { requestHeaders.append("Authorization: Bearer \(token.secret)") }
        let redactor = TraceRedactor(token: request.token, headers: headers, endpoint: request.endpoint)
        let endpoint = Redaction.url(request.endpoint)
        let attemptHeaders = requestHeaders

        var attempt = 0
        var everReachedServer = false
        var lastFailure = ""
        while true {
            attempt += 1
            let result = try await withOwnThread { () throws(UploadError) in
                try Self.attempt(request, document: document, headers: attemptHeaders, size: size, redactor: redactor)
            }
            switch Self.classify(result) {
            case .success:
                let location = Redaction.url(Self.resolve(result.location, against: result.effectiveURL))
                return UploadReceipt(
                    status: result.status,
                    location: location,
                    bytes: size,
                    sha256: digest.hex,
                    attempts: attempt,
                    seconds: Self.seconds(clock.now - start),
                    idempotencyKey: idempotencyKey
                )
            case .fatal(let error):
                throw error
            case .retryable(let reason, let reachedServer):
                everReachedServer = everReachedServer || reachedServer
                lastFailure = reason
                guard attempt <= request.retries else {
                    if everReachedServer {
                        throw UploadError(
                            .retriesExhausted,
                            "upload to \(endpoint) failed after \(attempt) attempt\(attempt == 1 ? "" : "s"): \(lastFailure)",
                            hint: "try again later; the Idempotency-Key keeps a repeated upload from making a second document"
                        )
                    }
                    throw UploadError(
                        .unreachable,
                        "cannot reach \(endpoint) after \(attempt) attempt\(attempt == 1 ? "" : "s"): \(lastFailure)"
                    )
                }
                let delay = Self.backoff(attempt: attempt, retryAfter: result.retryAfter, request: request)
                request.trace?("* retrying in \(String(format: "%.2f", delay)) s after: \(reason)")
                try? await Task.sleep(for: .seconds(delay))
            }
        }
    }

    /// SHA-256 (hex) of the content's SHA-256 and the endpoint: the same
    /// file sent to the same place always carries the same key.
    public static func idempotencyKey(contentSHA256: String, endpoint: String) -> String {
        SHA256.digest(of: Array("imrf-upload\n\(contentSHA256)\n\(endpoint)".utf8)).hex
    }

    // MARK: - Blocking steps (`withOwnThread`)

    /// Loads libcurl, opens the document and hashes it.
    private static func openDocument(_ file: String) throws(UploadError) -> (DocumentFile, SHA256, Int64) {
        if let reason = imrf_curl_load() {
            throw UploadError(
                .libcurlMissing, "libcurl, which uploading needs, cannot be loaded: \(String(cString: reason))",
                hint: "install libcurl 4 (Debian and Ubuntu: apt-get install libcurl4), or set IMRF_LIBCURL to the path of libcurl.so.4"
            )
        }
        let document = try DocumentFile(path: file)
        guard let (digest, size) = SHA256.digest(ofFile: document.stream) else {
            throw UploadError(.unreadableFile, "\(file): cannot read the file")
        }
        return (document, digest, size)
    }

    private static func attempt(
        _ request: UploadRequest, document: DocumentFile, headers: [String], size: Int64, redactor: TraceRedactor
    ) throws(UploadError) -> AttemptResult {
        guard fseeko(document.stream, 0, SEEK_SET) == 0 else {
            throw UploadError(.unreadableFile, "\(request.file): cannot read the file")
        }
        let context = TransferContext(document: document, trace: request.trace, redactor: redactor, progress: request.progress)
        guard var transfer = Transfer(context: context) else {
            throw UploadError(.transfer, "libcurl could not create a handle")
        }
        transfer.set(CURLOPT_URL, request.endpoint)
        transfer.setHeaders(headers)
        if let caCertificateFile = request.caCertificateFile { transfer.set(CURLOPT_CAINFO, caCertificateFile) }
        if let timeout = request.timeout {
            let milliseconds = max(1, Int(timeout * 1000))
            transfer.set(CURLOPT_TIMEOUT_MS, milliseconds)
            transfer.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        } else {
            transfer.set(CURLOPT_CONNECTTIMEOUT_MS, 30_000)
            // Without a total limit, give up on a connection that stalls for a minute.
            transfer.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            transfer.set(CURLOPT_LOW_SPEED_TIME, 60)
        }
        switch request.method {
        case .put:
            transfer.set(CURLOPT_UPLOAD, 1)
            transfer.set(CURLOPT_INFILESIZE_LARGE, offset: size)
        case .post:
            if let field = request.formField {
                transfer.setMultipart(field: field, filename: (request.file as NSString).lastPathComponent, size: size)
            } else {
                transfer.set(CURLOPT_POST, 1)
                transfer.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: size)
            }
        }
        return transfer.perform()
    }

    private enum Outcome {
        case success
        case retryable(reason: String, reachedServer: Bool)
        case fatal(UploadError)
    }

    private static func classify(_ result: AttemptResult) -> Outcome {
        switch result.code {
        case CURLE_OK:
            break
        case CURLE_SSL_CONNECT_ERROR where NetworkPeer.answeredInPlainText(result.errorText):
            // The port answered, but not in TLS: an http:// endpoint written https://. Trying again cannot help.
            return .fatal(
                UploadError(
                    .tls, "the server does not speak TLS on that port: \(result.errorText)",
                    hint: "check the endpoint's scheme and port: is it http:// rather than https://, or another port?"))
        case CURLE_UNSUPPORTED_PROTOCOL where result.errorText.contains("HTTP/0.9"), CURLE_WEIRD_SERVER_REPLY:
            return .fatal(
                UploadError(
                    .badReply, "the server's reply is not HTTP: \(result.errorText)",
                    hint: "check the endpoint's port: another service may be listening there"))
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return .retryable(reason: result.errorText, reachedServer: false)
        case CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
            CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_SSL_CONNECT_ERROR:
            return .retryable(reason: result.errorText, reachedServer: true)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .fatal(UploadError(.badURL, "bad endpoint URL: \(result.errorText)"))
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return .fatal(
                UploadError(
                    .tls, "TLS verification failed: \(result.errorText)",
                    hint: "for a private CA, give its certificate as the CA file to trust"
                ))
        case CURLE_READ_ERROR, CURLE_ABORTED_BY_CALLBACK:
            return .fatal(UploadError(.unreadableFile, "reading the file failed: \(result.errorText)"))
        default:
            return .fatal(UploadError(.transfer, "upload failed: \(result.errorText)"))
        }
        switch result.status {
        case 200..<300:
            return .success
        case 401, 403:
            return .fatal(
                UploadError(
                    .authenticationRefused, "\(Redaction.url(result.effectiveURL)) refused the credentials (HTTP \(result.status))",
                    hint: "check the bearer token"
                ))
        case 408, 429, 500..<600:
            return .retryable(reason: "HTTP \(result.status)", reachedServer: true)
        default:
            return .fatal(UploadError(.rejected, "\(Redaction.url(result.effectiveURL)) rejected the upload (HTTP \(result.status))"))
        }
    }

    // MARK: - Helpers

    static func backoff(attempt: Int, retryAfter: Double?, request: UploadRequest) -> Double {
        if let retryAfter, retryAfter >= 0 { return min(retryAfter, max(request.maximumBackoff, 0)) }
        let base = min(request.initialBackoff * pow(2, Double(attempt - 1)), request.maximumBackoff)
        return max(0, base / 2 + Double.random(in: 0...(base / 2)))  // "equal jitter"
    }

    /// An http(s) URL without credentials; with a bearer token, https unless
    /// the host is this machine (a token over plain http is readable by
    /// anyone on the way; loopback is for tests and local proxies).
    static func validate(endpoint: String, withToken: Bool) throws(UploadError) {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw UploadError(.badURL, "bad endpoint URL '\(Redaction.url(endpoint))'", hint: "give an http:// or https:// URL")
        }
        guard url.user == nil, url.password == nil else {
            throw UploadError(.credentialsInURL, "the endpoint URL must not contain credentials", hint: "send them as the bearer token")
        }
        if withToken, url.scheme?.lowercased() == "http", !NetworkPeer.isLoopback(host: host) {
            throw UploadError(
                .tokenOverPlainHTTP, "the bearer token would be sent unencrypted to \(host) over http://",
                hint: "use the endpoint's https:// address; a token is sent over plain http only to this machine (127.0.0.1, ::1, localhost)")
        }
    }

    private static func validated(headers: [String]) throws(UploadError) -> [String] {
        try headers.map { (header: String) throws(UploadError) -> String in
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex,
                !header.contains(where: { $0.isNewline || $0 == "\0" })
            else {
                throw UploadError(.badHeader, "bad header value: expected 'Name: value' on one line")
            }
            let name = header[..<colon]
            guard !name.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw UploadError(.badHeaderName, "bad header name '\(name)'")
            }
            if name.lowercased() == "authorization" {
                throw UploadError(.credentialsInHeader, "credentials go in the bearer token, not in a header")
            }
            return header
        }
    }

    private static func resolve(_ location: String?, against effectiveURL: String) -> String {
        guard let location, !location.isEmpty else { return effectiveURL }
        return URL(string: location, relativeTo: URL(string: effectiveURL))?.absoluteString ?? location
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
