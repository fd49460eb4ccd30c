import Diagnostics
import Forum
import SummaryCompiler
import Testing

/// The summary's length in words (issue 18's word limit): body and footnotes
/// alike, East Asian characters one word each, and the warning over the limit.
@Suite("word count")
struct WordCountTests {
    @Test(arguments: [
        ("Safe, orderly and regular migration.", 5),
        ("", 0),
        ("  — * 1.  ", 1),
        ("remittances\u{00A0}costs\u{2003}fell", 3),
        ("الهجرة الآمنة والمنظمة", 3),
        ("移民全球契约", 6),
        ("GCM 移民 2026", 4),
        ("l'État, co-chairs", 2),
    ])
    func wordsOfText(text: String, expected: Int) {
        #expect(WordCount.words(in: text) == expected)
    }

    @Test func aNoteCountsItsTitleBodyTablesAndFootnotesButNotItsMarkup() throws {
        let note = """
            ---
            session: plenary
            title: Three words here
            ---
            Word*s* **joined** read as two.[^1]

            | Head | Row |
            |---|---|
            | one two | three |

            [^1]: A footnote of six words here.
            """
        let checked = CheckedNotes.check(noteFiles: [("notes/plenary.md", Array(note.utf8))], forum: Edition.second.forum)
        let parsed = try #require(checked.notes.first)
        // title 3 + "Words joined read as two." 5 + table 5 + footnote 6
        #expect(WordCount.words(of: parsed) == 19)
    }

    @Test func overTheLimitTheWarningNamesTheCountTheLimitAndTheLongestNotes() throws {
        var forum = Edition.second.forum
        forum.document = DocumentSettings(wordLimit: 10, wordLimitLocation: SourceLocation(path: "ws/forum.yaml", line: 40, column: 14))
        let files: [(path: String, bytes: [UInt8])] = [
            ("notes/plenary.md", Array("---\nsession: plenary\n---\none two three four five six seven\n".utf8)),
            ("notes/hearing.md", Array("---\nsession: hearing\n---\none two three four five\n".utf8)),
        ]
        let checked = CheckedNotes.check(noteFiles: files, forum: forum)
        let warning = try #require(checked.wordLimitWarning())
        #expect(warning.severity == .warning)
        #expect(warning.code == CheckedNotes.overWordLimitCode)
        #expect(
            warning.message == "the summary's notes have 12 words, over the limit of 10; the longest: plenary (plenary.md) 7, hearing (hearing.md) 5")
        #expect(warning.location == SourceLocation(path: "ws/forum.yaml", line: 40, column: 14))
        forum.document.wordLimit = 12
        #expect(CheckedNotes.check(noteFiles: files, forum: forum).wordLimitWarning() == nil)
    }

    @Test func numbersAreGroupedAsTheUNWritesThem() {
        #expect(WordCount.grouped(8_500) == "8,500")
        #expect(WordCount.grouped(999) == "999")
        #expect(WordCount.grouped(1_234_567) == "1,234,567")
    }
}
