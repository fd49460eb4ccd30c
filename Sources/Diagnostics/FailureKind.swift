/// What kind of failure an error is, so that the executable can map it to an
/// exit code without the libraries knowing about processes.
///
/// The cases follow BSD `sysexits.h`, which DESIGN.md's command contract uses.
public enum FailureKind: String, Sendable, Hashable, Codable {
    /// The command was called wrongly (sysexits 64).
    case usage
    /// The user's data is wrong: a date, a note, a forum file (65).
    case badInput
    /// A service needed is not there (69).
    case unavailable
    /// Something outside imrf failed unexpectedly (70).
    case software
    /// An output file or folder cannot be created (73).
    case cannotCreate
    /// A temporary failure; trying again later may work (75).
    case temporary
    /// Permission or authentication refused (77).
    case permission
    /// A configuration problem, such as a date outside a calendar's coverage (78).
    case configuration
}

/// An error that carries its own diagnostics and kind: errors are data.
///
/// Library error types conform so the executable can print every problem in
/// the one format and choose the exit code from `kind`.
public protocol DiagnosticError: Error, Sendable {
    var kind: FailureKind { get }
    var diagnostics: [Diagnostic] { get }
}

/// A ready-made `DiagnosticError` for code that has collected diagnostics and
/// found at least one error among them.
public struct DiagnosticFailure: DiagnosticError, Hashable {
    public var kind: FailureKind
    public var diagnostics: [Diagnostic]

    public init(_ kind: FailureKind, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public init(_ kind: FailureKind, _ diagnostic: Diagnostic) {
        self.init(kind, [diagnostic])
    }
}
