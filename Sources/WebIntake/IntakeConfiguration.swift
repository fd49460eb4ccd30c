public import Foundation

/// How the web intake is run: over which workspace, reached at which
/// address, with what limits.
public struct IntakeConfiguration: Sendable {
    /// The workspace folder, as the CLI takes it.
    public var workspace: String
    /// The address people reach the service at (`https://imrf.example.org`):
    /// the origin unsafe requests must come from, and whether the session
    /// cookie is `Secure` (an https address).
    public var baseURL: String
    /// Checks and submissions one person may make per minute.
    public var rateLimit: Int
    /// The clock; tests set it.
    public var now: @Sendable () -> Date

    public init(workspace: String, baseURL: String, rateLimit: Int = Self.defaultRateLimit, now: @escaping @Sendable () -> Date = { Date() }) {
        self.workspace = workspace
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.rateLimit = rateLimit
        self.now = now
    }

    public static let defaultRateLimit = 30

    /// `scheme://host[:port]` of the base URL, as browsers send it in `Origin`.
    public var origin: String {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return baseURL }
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }

    /// Whether people reach the service over TLS: the cookie is then `Secure`.
    public var isSecure: Bool { baseURL.lowercased().hasPrefix("https://") }
}
