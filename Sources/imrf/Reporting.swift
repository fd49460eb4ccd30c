import ArgumentParser
import Diagnostics
import Foundation

/// Where the executable talks to people: diagnostics on stderr, results on
/// stdout, and the mapping from `FailureKind` to the exit codes of DESIGN.md.
enum Reporting {
    /// sysexits.h numbers for each kind of failure.
    static func exitCode(for kind: FailureKind) -> Int32 {
        switch kind {
        case .usage: 64
        case .badInput: 65
        case .unavailable: 69
        case .software: 70
        case .cannotCreate: 73
        case .temporary: 75
        case .permission: 77
        case .configuration: 78
        }
    }

    /// Prints one diagnostic to stderr in the `path:line:col: error: message` form.
    static func printToStandardError(_ diagnostic: Diagnostic) {
        printToStandardError(diagnostic.description)
    }

    static func printToStandardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a line of results to stdout with the unsafe characters of
    /// the text it quotes (names, titles, paths, references, a server's
    /// answer) escaped: the line a terminal shows is the line imrf wrote.
    static func printLine(_ text: String) {
        print(UntrustedText.escaped(text))
    }

    /// Runs `body`; a `DiagnosticError` is printed and turned into its exit
    /// code, so commands never print errors themselves.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DiagnosticError {
            for diagnostic in error.diagnostics { printToStandardError(diagnostic) }
            throw ExitCode(exitCode(for: error.kind))
        }
    }
}
