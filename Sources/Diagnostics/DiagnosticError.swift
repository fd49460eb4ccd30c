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
