import ArgumentParser
import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Ledger
import Tracker
import Upload
import WordImport

/// Where the executable talks to people: diagnostics on stderr, results on
/// stdout, the command-line wording of library problems, and the mapping from
/// `FailureKind` to the exit codes (README, "Exit codes").
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

    /// Prints one diagnostic to stderr in the `path:line:col: error: message`
    /// form, as the command line words it (`commandLine(_:)`).
    static func printToStandardError(_ diagnostic: Diagnostic) {
        printToStandardError(commandLine(diagnostic).description)
    }

    /// `diagnostic` in the executable's words. A library says what is
    /// wrong in words any program can show; where the remedy is one of
    /// imrf's options or commands, it is named here, by the problem's code
    /// (`Diagnostic.code`), and nowhere else.
    static func commandLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let code = diagnostic.code else { return diagnostic }
        var shown = diagnostic
        switch code {
        case .upload(.formFieldWithoutPOST):
            shown.message = "--form-field needs --method POST"
        case .upload(.credentialsInURL):
            shown.message += "; use --token-file or IMRF_TOKEN"
            shown.hint = nil
        case .upload(.badHeader):
            shown.message = "bad --header value: expected 'Name: value' on one line"
        case .upload(.credentialsInHeader):
            shown.message = "pass credentials with --token-file or IMRF_TOKEN, not --header"
        case .upload(.tls):
            shown.hint = "for a private CA, pass its certificate with --cacert FILE"
        case .upload(.authenticationRefused):
            shown.hint = "check the token in --token-file or IMRF_TOKEN"
        case .ledger(.olderSchema):
            shown.hint = "run 'imrf submit' or 'imrf compile' in the workspace once to upgrade it"
        case .forumTooLarge:
            shown.hint = "forum.yaml describes one forum in a few kilobytes: start again from 'imrf init'"
        case .badMoment(.statusTime):
            shown.message = "--today " + diagnostic.message
        case .badMoment(.distributionTime):
            shown.message = "--at " + diagnostic.message
        case Forum.cannotReadCode:
            shown.hint = "run imrf in a workspace made by 'imrf init', or name the workspace folder"
        case Submission.duplicateCode:
            shown.hint = "this text is already in the workspace; 'imrf compile' would refuse two copies"
        case NoteDestination.sameNoteCode, NoteDestination.samePicturesCode:
            shown.hint = "rename one of the two files, or import one of them alone with --out NOTE.md"
        case WorkspaceCreator.notEmptyCode:
            shown.message = diagnostic.message.replacingOccurrences(
                of: "; a workspace is only created in a new folder", with: "; imrf init only creates new workspaces")
        case Workspace.sessionWithoutNoteCode:
            shown.hint = diagnostic.hint.map { $0.replacingOccurrences(of: ", or compile a draft", with: ", or pass --draft") }
        default:
            break
        }
        return shown
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
