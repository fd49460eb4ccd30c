import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// The byte-wise escapers against the per-`Character` definitions they
/// replaced (kept here as the reference).
@Suite struct EscaperTests {
    static func referenceHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static func referenceMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|~!&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func referenceWordXML(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            guard WordXML.isAllowed(scalar) else { continue }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Markup, letters, spaces, line ends, accented and right-to-left
    /// letters, an emoji with a modifier, controls and noncharacters; no
    /// combining mark (see `combiningMarkAfterMarkupIsEscapedToo`).
    static let alphabet = [
        "a", "Z", "7", " ", "\n", "\r\n", "\t", "&", "<", ">", "\"", "'", "\\", "`", "*", "_", "[", "]", "#", "|",
        "~", "!", "(", ")", "%", ";", "é", "ß", "中", "م", "👍🏽", "\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
        "&amp;", "\u{2028}",
    ]

    @Test func agreeWithTheReferenceOnGeneratedText() {
        var random = SeededRandom(seed: 2026)
        for _ in 0..<3_000 {
            let text = random.string(from: Self.alphabet, maximumLength: 40)
            #expect(BodyRenderer.escapeHTML(text) == Self.referenceHTML(text), "\(text.debugDescription)")
            #expect(BodyRenderer.escapeMarkdown(text) == Self.referenceMarkdown(text), "\(text.debugDescription)")
            #expect(WordXML.escape(text) == Self.referenceWordXML(text), "\(text.debugDescription)")
        }
    }

    /// Deliberate difference: `"` followed by a combining mark is one
    /// `Character`, which the old escapers let through unescaped, though an
    /// HTML reader still sees a quote (that could end an attribute).
    @Test func combiningMarkAfterMarkupIsEscapedToo() {
        #expect(BodyRenderer.escapeHTML("a\"\u{301}b") == "a&quot;\u{301}b")
        #expect(BodyRenderer.escapeMarkdown("*\u{301}x*") == "\\*\u{301}x\\*")
        #expect(WordXML.escape("<\u{338}") == "&lt;\u{338}")
    }

    @Test func footnoteContinuationLinesAreIndented() {
        #expect(Summary.indentingContinuationLines("a\nb\n\nc") == "a\n    b\n    \n    c")
        #expect(Summary.indentingContinuationLines("one line") == "one line")
    }

    @Test func trimmingAgreesWithFoundation() {
        var random = SeededRandom(seed: 7)
        let alphabet = [
            "a", " ", "\t", "\n", "\r", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{200B}", "\u{180E}", "é",
            "\u{301}",
        ]
        for _ in 0..<3_000 {
            let text = random.string(from: alphabet, maximumLength: 12)
            #expect(
                String(Whitespace.trimming(text, Whitespace.isWhitespaceOrNewline)) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
            #expect(
                String(Whitespace.trimming(text, Whitespace.isWhitespace)) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
