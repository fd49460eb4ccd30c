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
    /// Which problem this is, for a caller that words its advice its own
    /// way: the executable names its options by it. Nil for most.
    public var code: Code?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: Code? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: Code? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: Code? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, code: code)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: Code? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, hint: hint, code: code)
    }
}

extension Diagnostic {
    /// The stable name of a problem: the module, a dot and the problem
    /// (`upload.tls`, `forum.tooLarge`). Library messages say what is wrong
    /// in words a program of any kind can show; a caller that has more to
    /// say (the executable: which of its options to use) recognises the
    /// problem by its code, never by its text.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public var description: String { rawValue }
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
