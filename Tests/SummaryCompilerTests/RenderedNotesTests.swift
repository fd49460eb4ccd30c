import Foundation
import Testing

@testable import SummaryCompiler

/// The notes are rendered on every core with each note's first footnote
/// number planned beforehand; they must come out exactly as rendered one
/// after the other, each numbering after the last.
@Suite struct RenderedNotesTests {
    /// Footnotes cited twice, cited by other footnotes, cited only inside a
    /// picture's alt text (shown as a picture when it resolves, so not
    /// numbered there, and as its alt text when it does not), cited but
    /// never defined, and cited only by a footnote nobody cites.
    static func trickyWorkspace() throws -> CheckedNotes {
        var workspace = try SummaryTests.exampleWorkspace(adding: [
            (
                "notes/zz-1.md",
                "---\nsession: hearing\n---\nA[^a] and again[^a], then b[^b].\n\n[^a]: Cites c[^c].\n\n[^b]: Plain.\n\n[^c]: Cites a[^a] back.\n"
            ),
            (
                "notes/zz-2.md",
                "---\nsession: round-table-2\n---\n![A chart[^x]](chart.png) and ![Missing[^y]](missing.png), z[^z].\n\n[^x]: Only in an alt text.\n\n[^y]: In a missing picture's alt text.\n\n[^z]: Cited.\n"
            ),
            ("notes/zz-3.md", "---\nsession: plenary\n---\nUndefined[^nope] and defined[^d].\n\n[^d]: Last.\n"),
            ("notes/zz-4.md", "---\nsession: plenary\n---\nCited[^a].\n\n[^a]: A.\n\n[^b]: Never cited, citing[^c].\n\n[^c]: Cited only by b.\n"),
        ])
        workspace.images["chart.png"] = ImageAsset(path: "chart.png", data: Data([0x89, 0x50]), format: .png, pixelWidth: 1, pixelHeight: 1)
        return workspace
    }

    @Test(arguments: [BodyRenderer.Format.html, .markdown])
    func plannedNumberingMatchesRenderingInTurn(format: BodyRenderer.Format) throws {
        let summary = try Summary(Self.trickyWorkspace())
        let atOnce = summary.renderedNotes(format)
        let inTurn = summary.renderedNotesInTurn(format)
        #expect(atOnce.map(\.body) == inTurn.map(\.body))
        #expect(atOnce.map { $0.footnotes.map(\.number) } == inTurn.map { $0.footnotes.map(\.number) })
        #expect(atOnce.map { $0.footnotes.map(\.text) } == inTurn.map { $0.footnotes.map(\.text) })
        // Numbered across the document without a gap or a repeat.
        let numbers = atOnce.flatMap { $0.footnotes.map(\.number) }
        #expect(numbers == Array(1...numbers.count))
    }

    /// The plan counts the footnotes a note defines (cmark-gfm keeps those
    /// something cites); these notes render fewer, so the notes from the
    /// first of them on are rendered again in turn, which the test above
    /// checks gives the same numbers.
    @Test func notesThatNumberFewerThanTheyDefine() throws {
        let summary = try Summary(Self.trickyWorkspace())
        let notes = summary.noteIndicesInOrder.map { summary.checked.notes[$0] }
        let rendered = summary.renderedNotesInTurn(.html)
        let fewer = zip(notes, rendered).filter { $0.document.footnotes.count != $1.footnotes.count }.map(\.0.path)
        #expect(fewer == ["notes/zz-2.md", "notes/zz-4.md"])
    }
}

/// `FootnoteNumbering` finds a label by its position when the labels are
/// "1", "2"... (MarkdownParser's), through a dictionary otherwise; both give
/// the same numbers, and a label no footnote has gets none.
@Suite struct FootnoteNumberingTests {
    static func document(labels: [String]) -> MarkdownDocument {
        MarkdownDocument(
            blocks: [],
            footnotes: labels.map { MarkdownDocument.Footnote(label: $0, blocks: [.paragraph([.text("Note \($0).")])]) }
        )
    }

    @Test(arguments: [["1", "2", "3"], ["a", "b", "c"], ["1", "b", "3"]])
    func numbersInOrderOfFirstCitation(labels: [String]) {
        var numbering = FootnoteNumbering(Self.document(labels: labels), firstNumber: 7)
        #expect(numbering.number(of: labels[2]) == 7)
        #expect(numbering.number(of: labels[0]) == 8)
        #expect(numbering.number(of: labels[2]) == 7)
        #expect(numbering.count == 2)
        #expect(numbering.nextToRender()?.number == 7)
        #expect(numbering.nextToRender()?.blocks == [.paragraph([.text("Note \(labels[0]).")])])
        #expect(numbering.nextToRender() == nil)
        #expect(numbering.number(of: labels[1]) == 9)
    }

    @Test func labelsNoFootnoteHasGetNoNumber() {
        var numbering = FootnoteNumbering(Self.document(labels: ["1", "2"]), firstNumber: 1)
        for label in ["0", "3", "-1", "+1", "01", " 1", "", "x"] {
            #expect(numbering.number(of: label) == nil, "\(label)")
        }
        #expect(numbering.count == 0)
        var empty = FootnoteNumbering(Self.document(labels: []), firstNumber: 1)
        #expect(empty.number(of: "1") == nil)
    }
}
