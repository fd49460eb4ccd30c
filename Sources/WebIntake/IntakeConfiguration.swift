public import Foundation
import SummaryCompiler

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
    /// The templates compiles use (`imrf compile --templates`); nil: the built-in ones.
    public var templates: String?
    /// The clock; tests set it.
    public var now: @Sendable () -> Date

    public init(
        workspace: String, baseURL: String, rateLimit: Int = Self.defaultRateLimit, templates: String? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.workspace = workspace
        self.templates = templates
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

    /// The templates `imrf compile` would use run from `executable`:
    /// `IMRF_TEMPLATES`, the installed or nearest Templates folder; nil for
    /// the built-in ones.
    public static func defaultTemplates(executable: String) -> String? {
        Summary.templatesDirectory(explicit: nil, executable: executable)
    }
}
