/// What to upload, where, and how hard to try.
public struct UploadRequest: Sendable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case put = "PUT"
        case post = "POST"
    }

    /// Path of the file to send; streamed from disk, never loaded whole.
    public var file: String
    /// The http or https URL of the document endpoint.
    public var endpoint: String
    public var method: Method
    /// When set, the body is `multipart/form-data` with the file in this field (POST only).
    public var formField: String?
    /// Extra request headers, each `Name: value`.
    public var headers: [String]
    public var token: BearerToken?
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caCertificateFile: String?
    /// Attempts after the first one.
    public var retries: Int
    /// Limit on one attempt, in seconds; nil for none.
    public var timeout: Double?
    /// First backoff delay in seconds; doubled each retry, plus jitter, capped at `maximumBackoff`.
    public var initialBackoff: Double
    public var maximumBackoff: Double
    /// Receives libcurl's trace with every credential redacted (`TraceRedactor`:
    /// the token, custom header values, cookies, URL query values); nil for none.
    public var trace: (@Sendable (String) -> Void)?
    /// Receives (bytes sent, bytes to send) as the body goes out, about ten
    /// times a second at most; nil for none. The command shows a progress bar
    /// with it on a terminal.
    public var progress: (@Sendable (Int64, Int64) -> Void)?

    public init(
        file: String,
        endpoint: String,
        method: Method = .put,
        formField: String? = nil,
        headers: [String] = [],
        token: BearerToken? = nil,
        caCertificateFile: String? = nil,
        retries: Int = 3,
        timeout: Double? = nil,
        initialBackoff: Double = 0.5,
        maximumBackoff: Double = 30,
        trace: (@Sendable (String) -> Void)? = nil,
        progress: (@Sendable (Int64, Int64) -> Void)? = nil
    ) {
        self.file = file
        self.endpoint = endpoint
        self.method = method
        self.formField = formField
        self.headers = headers
        self.token = token
        self.caCertificateFile = caCertificateFile
        self.retries = retries
        self.timeout = timeout
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.trace = trace
        self.progress = progress
    }
}

/// What the server said about a successful upload: a value the ledger can store.
public struct UploadReceipt: Sendable, Hashable, Codable {
    /// The final HTTP status (2xx).
    public var status: Int
    /// The document's URL: the `Location` header, resolved, or else the URL
    /// the response came from; its user part and query values redacted.
    public var location: String
    public var bytes: Int64
    /// SHA-256 of the content, lowercase hex.
    public var sha256: String
    public var attempts: Int
    /// Wall-clock time of the whole upload, backoff included.
    public var seconds: Double
    public var idempotencyKey: String

    public init(status: Int, location: String, bytes: Int64, sha256: String, attempts: Int, seconds: Double, idempotencyKey: String) {
        self.status = status
        self.location = location
        self.bytes = bytes
        self.sha256 = sha256
        self.attempts = attempts
        self.seconds = seconds
        self.idempotencyKey = idempotencyKey
    }
}
