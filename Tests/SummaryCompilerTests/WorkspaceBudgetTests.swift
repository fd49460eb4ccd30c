import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// The bounds on a whole workspace's parsing: the notes' total size, checked
/// before they are read, and e-mail autolinks, whose cost in cmark-gfm grows
/// with the number of `@` in a line times the line's length (a 4 MB note
/// of addresses took seconds and gigabytes): at most 100 in a line.
@Suite struct WorkspaceBudgetTests {
    static let frontMatter = "---\nsession: plenary\n---\n"

    func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(bytes: Array(text.utf8), path: "notes/n.md", forum: Edition.second.forum)
    }

    /// A line of `length` bytes holding `count` e-mail addresses.
    static func line(length: Int, addresses count: Int) -> String {
        let address = "a@b.org "
        let filler = String(repeating: "x", count: length - count * address.utf8.count)
        return String(repeating: address, count: count) + filler
    }

    @Test(arguments: [1_000, 100_000]) func aLineOfAHundredAddressesIsAcceptedAndOneMoreIsNot(length: Int) {
        let most = MarkdownParser.maximumAddressesPerLine
        let accepted = parse(Self.frontMatter + "Intro.\n\n" + Self.line(length: length, addresses: most) + "\n")
        #expect(accepted.diagnostics.isEmpty)
        let refused = parse(Self.frontMatter + "Intro.\n\n" + Self.line(length: length, addresses: most + 1) + "\nAfter.\n")
        #expect(
            refused.diagnostics.map(\.firstLine) == [
                "notes/n.md:6:1: error: line 6 holds more than 100 e-mail addresses ('@' signs: 101)"
            ])
        #expect(refused.note?.document.blocks.isEmpty == true)
    }

    @Test func everyLineMayHoldAHundred() {
        let lines = String(repeating: Self.line(length: 2_000, addresses: 100) + "\n", count: 500)
        #expect(parse(Self.frontMatter + lines).diagnostics.isEmpty)
    }

    static func notes(_ sizes: [Int]) -> [(path: String, bytes: [UInt8])] {
        sizes.enumerated().map { index, size in
            let text = "---\nsession: plenary\n---\nNote \(index).\n"
            return ("notes/\(index).md", Array((text + String(repeating: "x", count: size - text.utf8.count)).utf8))
        }
    }

    @Test func notesUpToTheBudgetAreReadAndTheOneCrossingItIsRefused() {
        let forum = Edition.second.forum
        let within = CheckedNotes.check(noteFiles: Self.notes([400, 300, 300]), forum: forum, maximumNoteBytes: 1_000)
        #expect(within.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(within.notes.count == 3)

        let over = CheckedNotes.check(noteFiles: Self.notes([400, 300, 301, 100]), forum: forum, maximumNoteBytes: 1_000)
        #expect(
            over.diagnostics.filter { $0.severity == .error }.map(\.firstLine) == [
                "notes/2.md:1:1: error: the notes together are larger than 1,000 bytes: with this one they are 1,001 bytes"
            ])
        #expect(over.notes.count == 2)
    }

    @Test func theBudgetIsSixteenMegabytes() {
        #expect(CheckedNotes.maximumNoteBytes == 16 << 20)
    }
}
