import Diagnostics
import Forum
import Foundation
import Testing

@testable import SummaryCompiler

/// A note's front matter refuses anchors and aliases, and control or
/// bidirectional-override characters in its values, the same whether it is
/// read by `SimpleFrontMatter` (which accepts none of them, and so hands
/// them to Yams) or by Yams.
@Suite struct FrontMatterHostileInputTests {
    static func parse(_ text: String, fast: Bool) -> (note: Note?, diagnostics: [Diagnostic]) {
        NoteParser.parse(text: text, path: "n.md", forum: Edition.second.forum, simpleFrontMatter: fast)
    }

    /// Both readers; they must agree.
    static func diagnostics(_ text: String) -> [String] {
        let fast = parse(text, fast: true).diagnostics.map(\.description)
        let yams = parse(text, fast: false).diagnostics.map(\.description)
        #expect(fast == yams)
        return fast
    }

    /// Nine-element lists nested `levels` deep through aliases, under `title`.
    static func bomb(levels: Int) -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 1..<levels {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return "---\nsession: plenary\n" + lines.joined(separator: "\n") + "\ntitle: *l\(levels - 1)\n---\nText.\n"
    }

    // A hang (the bug) fails at the time limit; the refusal itself is instant.
    @Test(.timeLimit(.minutes(1))) func anAliasBombIsRefusedAtItsFirstAnchorAtOnce() {
        let diagnostics = Self.diagnostics(Self.bomb(levels: 10))
        #expect(
            diagnostics == [
                "n.md:3:5: error: YAML anchor '&l0' is not accepted\n  hint: imrf's files need no anchors or aliases: remove it; if the '&' is part of the text, put the value in quotes"
            ])
    }

    @Test func anAliasAloneIsRefusedAtIt() {
        let diagnostics = Self.diagnostics("---\nsession: plenary\ntitle: *t\n---\nText.\n")
        #expect(diagnostics.first?.hasPrefix("n.md:3:8: error: YAML alias '*t' is not accepted") == true)
    }

    @Test(arguments: ["Q&A", "5 * 3", "R&D", "\"&a\""])
    func ampersandsAndStarsInTextAreText(title: String) throws {
        let text = "---\nsession: plenary\ntitle: \(title)\n---\nText.\n"
        #expect(Self.diagnostics(text).isEmpty)
        #expect(Self.parse(text, fast: false).note?.title == title.trimmingCharacters(in: ["\""]))
    }

    @Test(arguments: [
        ("author: \"Jane\\e]8;;https://evil.example\\e\\\\Doe\"", "author", "U+001B ESCAPE"),
        ("author: \"Jane\\nDoe\"", "author", "U+000A LINE FEED"),
        ("title: \"\u{202E}txt.exe\"", "title", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("role: \"a\\rb\"", "role", "U+000D CARRIAGE RETURN"),
        ("session: \"plenary\\u0000\"", "session", "U+0000 NULL"),
    ])
    func controlAndOverrideCharactersAreRefusedNamingTheKey(line: String, key: String, character: String) {
        let diagnostics = Self.diagnostics(
            "---\nsession: plenary\n\(line)\n---\nText.\n".replacingOccurrences(of: "session: plenary\nsession", with: "session"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("the value of '\(key)' contains \(character), a character that is not text") == true, "\(diagnostics)")
        #expect(diagnostics.first?.hasPrefix(key == "session" ? "n.md:2:" : "n.md:3:") == true)
    }
}
