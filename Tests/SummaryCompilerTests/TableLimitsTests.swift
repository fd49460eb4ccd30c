import Diagnostics
import Forum
import Testing

@testable import SummaryCompiler

/// The bound on table cells: cmark-gfm pads every body row to the header's
/// column count, so a small note could make it allocate gigabytes. The cells
/// are counted before the note is parsed; the count may exceed what cmark-gfm
/// builds, never fall short of it.
@Suite struct TableLimitsTests {
    static let frontMatter = "---\nsession: plenary\n---\n"

    func parse(_ text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(bytes: Array(text.utf8), path: "notes/n.md", forum: Edition.second.forum)
    }

    /// A table of `columns` columns: its header, delimiter row and `rows` one-cell rows.
    static func table(columns: Int, rows: Int, prefix: String = "") -> String {
        prefix + "|" + String(repeating: "h|", count: columns) + "\n"
            + prefix + "|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: prefix + "|b|\n", count: rows)
    }

    @Test func anOrdinaryTableIsCountedExactly() {
        let text = "Intro.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n\nAfter.\n"
        #expect(MarkdownParser.countTableCells(text).cells == 6)
        #expect(MarkdownParser.countTableCells("a\n-:\n").cells == 1)  // one column, no pipe
        #expect(MarkdownParser.countTableCells("Text.\n\n- a\n- b\n\n---\n").cells == 0)
    }

    @Test func tablesInQuotesAndListItemsAreCounted() {
        #expect(MarkdownParser.countTableCells("> |a|b|\n> |-|-|\n> |c|\n>\n> more\n").cells == 4)
        #expect(MarkdownParser.countTableCells("- |a|b|c|\n  |-|-|-|\n  |d|\n\n  after\n").cells == 6)
        #expect(MarkdownParser.countTableCells("|a|b|\r\n|-|-|\r\n|c|\r\n").cells == 4)
    }

    @Test func aDelimiterRowInsideATableNeverLowersTheColumnCount() {
        // The second delimiter row is a row of the first table, which stays wide.
        let text = "|a|b|c|d|\n|-|-|-|-|\n|-|\n|x|\n|y|\n"
        #expect(MarkdownParser.countTableCells(text).cells >= 16)
    }

    @Test func aTableAtTheLimitIsAcceptedAndOneMoreRowIsNot() {
        let columns = 100
        let rows = MarkdownParser.maximumTableCells / columns - 1  // with the header: the limit
        let body = "Intro.\n\n" + Self.table(columns: columns, rows: rows)
        #expect(MarkdownParser.countTableCells(body).cells == MarkdownParser.maximumTableCells)
        #expect(parse(Self.frontMatter + body).diagnostics.isEmpty)

        let refused = parse(Self.frontMatter + "Intro.\n\n" + Self.table(columns: columns, rows: rows + 1))
        #expect(
            refused.diagnostics.map(\.firstLine) == [
                "notes/n.md:6:1: error: tables with more than 100,000 cells in one note (columns times rows)"
            ])
        #expect(refused.note?.document.blocks.isEmpty == true)
    }

    @Test func theCellsOfEveryTableOfANoteAddUp() {
        let half = Self.table(columns: 50, rows: 999)  // 50,000 cells
        let text = Self.frontMatter + half + "\n" + half + "\n> |x|\n> |-|\n"
        #expect(
            parse(text).diagnostics.map(\.firstLine) == [
                "notes/n.md:\(4 + 1001 + 1 + 1001 + 1):1: error: tables with more than 100,000 cells in one note (columns times rows)"
            ])
    }

    @Test func aWideQuotedTableOfShortRowsIsRefusedAtItsHeader() {
        // Small enough that cmark-gfm would cope if the count missed it: the test must not need a cap.
        let text = Self.frontMatter + "Intro.\n\n" + Self.table(columns: 1_000, rows: 200, prefix: "> ")
        let result = parse(text)
        #expect(result.diagnostics.map(\.location?.line) == [6])
        #expect(result.diagnostics.first?.hint != nil)
    }
}
