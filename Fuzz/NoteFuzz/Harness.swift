import Diagnostics
import Forum
import FuzzSupport
import SummaryCompiler

/// One fuzz input as a note file: the encoding check, the front matter
/// (Yams) and the Markdown body (cmark-gfm) into the document model.
///
/// Any input may be refused with diagnostics; what must never happen is a
/// crash, a hang, or a diagnostic that points outside the file (a user
/// could not find the problem). A broken invariant calls `fatalError`,
/// which libFuzzer records as a crash with the input that caused it.
enum NoteHarness {
    static let forum = Edition.second.forum

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let bytes = Array(bytes)
        let (note, diagnostics) = NoteParser.parse(bytes: bytes, path: "fuzz.md", forum: forum)
        // Lines as an editor counts them; one more for a diagnostic at the end of the file.
        let lines = LineCount.of(bytes) + 1
        for diagnostic in diagnostics {
            guard let location = diagnostic.location else { fatalError("diagnostic without a file: \(diagnostic)") }
            guard location.path == "fuzz.md" else { fatalError("diagnostic names another file: \(diagnostic)") }
            guard location.line <= lines else { fatalError("diagnostic past the last line \(lines): \(diagnostic)") }
            guard !diagnostic.message.isEmpty else { fatalError("empty diagnostic message") }
        }
        guard let note else { return }
        guard note.bodyLine >= 1, note.bodyLine <= lines else { fatalError("body line \(note.bodyLine) outside 1...\(lines)") }
        guard note.objectives.allSatisfy(Objective.numbers.contains) else { fatalError("objective outside 1-23 kept: \(note.objectives)") }
        if note.document.tooDeepAtLine != nil {
            guard note.document.blocks.isEmpty, diagnostics.contains(where: { $0.severity == .error }) else {
                fatalError("a note nested too deep is not refused")
            }
        }
        // The parser is a function of its input.
        let again = NoteParser.parse(bytes: bytes, path: "fuzz.md", forum: forum)
        guard again.note?.document == note.document, again.diagnostics == diagnostics else {
            fatalError("parsing the same note twice gave different results")
        }
    }
}
