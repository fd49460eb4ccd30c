/// The one message type of imrf: what is wrong, where, and how serious.
///
/// Every library reports problems with user input as `Diagnostic` values so
/// that the executable prints them the same way everywhere, in the form
/// editors and CI logs understand: `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// What the user can do about it, in one sentence; printed on its own
    /// line after the message.
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, hint: hint)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:col: error: message`, then `  hint: ...` when there is one.
    /// Paths and messages quote what users wrote: each part is shown with
    /// its unsafe characters escaped (`UntrustedText`), so a diagnostic is
    /// one or two lines of inert text.
    public var description: String {
        var text = ""
        if let location { text += "\(UntrustedText.escaped(location.description)): " }
        text += "\(severity.rawValue): \(UntrustedText.escaped(message))"
        if let hint { text += "\n  hint: \(UntrustedText.escaped(hint))" }
        return text
    }
}
