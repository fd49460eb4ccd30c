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

    /// The count over UTF-8 bytes is the count over Unicode scalars (the
    /// definition, written plainly here), on text mixing scripts, spaces of
    /// every width, marks and four-byte scalars.
    @Test func theByteCountIsTheScalarCount() {
        func reference(_ text: String) -> Int {
            var count = 0
            var inWord = false
            var letter = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace || (0x09...0x0D).contains(scalar.value) {
                    if inWord && letter { count += 1 }
                    (inWord, letter) = (false, false)
                } else if (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
                    || (0x4E00...0x9FFF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
                    || (0xF900...0xFAFF).contains(scalar.value) || (0x20000...0x2FA1F).contains(scalar.value)
                {
                    if inWord && letter { count += 1 }
                    count += 1
                    (inWord, letter) = (false, false)
                } else {
                    inWord = true
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { letter = true }
                }
            }
            return inWord && letter ? count + 1 : count
        }
        let pieces = ["safe", " ", "\u{00A0}", "\u{2003}", "\t", "\n", "—", "é", "e\u{0301}", "الهجرة", "移民", "한국", "😀", "𠀀", "1", ",", "-", "½"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(WordCount.words(in: text) == reference(text), "\(text.debugDescription)")
        }
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
