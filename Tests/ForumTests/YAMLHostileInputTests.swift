import Diagnostics
import Forum
import Foundation
import Testing

/// What forum.yaml (and every YAML imrf reads through `YAMLSource`) refuses
/// before Yams composes it: anchors and aliases, more than
/// `YAMLSource.maximumNodes` nodes, and control or bidirectional-override
/// characters in keys and values.
@Suite struct YAMLHostileInputTests {
    /// `levels` lists of nine, each an alias of the one before nine times:
    /// 9^levels scalars once expanded, from about 70 bytes a level.
    static func aliasBomb(levels: Int, indent: String = "") -> String {
        var lines = [indent + "l0: &l0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 1..<levels {
            lines.append(indent + "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func lineNumber(of prefix: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }! + 1
    }

    static func refusal(_ yaml: String) -> Diagnostic? {
        let error = #expect(throws: DiagnosticFailure.self) { try Forum.parse(yaml: yaml, path: "forum.yaml") }
        #expect(error?.kind == .badInput)
        #expect(error?.diagnostics.count == 1)
        return error?.diagnostics.first
    }

    // A hang (the bug) fails at the time limit; the refusal itself is instant.
    @Test(.timeLimit(.minutes(1))) func anAliasBombIsRefusedAtItsFirstAnchorAtOnce() throws {
        let yaml = Edition.second.forum.yaml + Self.aliasBomb(levels: 10)
        let diagnostic = try #require(Self.refusal(yaml))
        #expect(diagnostic.message == "YAML anchor '&l0' is not accepted")
        #expect(diagnostic.location == SourceLocation(path: "forum.yaml", line: Self.lineNumber(of: "l0:", in: yaml), column: 5))
        #expect(diagnostic.hint?.contains("put the value in quotes") == true)
    }

    /// A mapping key that is an alias made Yams hash the whole expanded
    /// node while composing: the alias is refused before composing.
    @Test func anAliasAsAKeyIsRefusedBeforeComposing() throws {
        let yaml = "a: &a [x, x]\n? *a\n: value\n"
        let diagnostic = try #require(Self.refusal(yaml))
        #expect(diagnostic.description.hasPrefix("forum.yaml:1:4: error: YAML anchor '&a' is not accepted"))
        let alias = try #require(Self.refusal("x: 1\n? *b\n: 2\n"))
        #expect(alias.description.hasPrefix("forum.yaml:2:3: error: YAML alias '*b' is not accepted"))
    }

    /// `&` and `*` inside text are text: only an anchor or alias at the
    /// start of a node is refused.
    @Test(arguments: ["Q&A", "5 * 3", "\"&quoted\"", "'*single'", "R&D *now*", "a &b", "x*"])
    func ampersandsAndStarsInTextAreText(value: String) throws {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(
            of: "title: \"Second International Migration Review Forum\"", with: "title: \(value)")
        #expect(yaml != Edition.second.forum.yaml)
        let forum = try Forum.parse(yaml: yaml, path: "forum.yaml")
        #expect(forum.title == value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
    }

    @Test func theNodeLimitIsExact() throws {
        let items = YAMLSource.maximumNodes - 1  // and the list itself
        let largest = "[" + Array(repeating: "1", count: items).joined(separator: ",") + "]"
        #expect(try YAMLSource(text: largest, path: "x.yaml").compose().sequence?.count == items)
        let over = "[" + Array(repeating: "1", count: items + 1).joined(separator: ",") + "]"
        let error = #expect(throws: DiagnosticFailure.self) { try YAMLSource(text: over, path: "x.yaml").compose() }
        #expect(
            error?.diagnostics.map(\.firstLine) == ["x.yaml:1:\(2 * items + 2): error: more than 10,000 YAML values (keys, list items and values)"])
    }

    @Test(arguments: [
        ("\"Forum\\e[2J\"", "U+001B ESCAPE"),
        ("\"two\\nlines\"", "U+000A LINE FEED"),
        ("\"bell\\a\"", "U+0007 BELL"),
        ("\"next\\Nline\"", "U+0085 NEXT LINE"),
        ("\"del\\x7F\"", "U+007F DELETE"),
        ("|\n  literal\n  block", "U+000A LINE FEED"),
        ("\"\u{202E}reversed\"", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("isolate \u{2067}x\u{2069}", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ])
    func controlAndOverrideCharactersInAValueAreRefusedNamingTheKey(value: String, character: String) throws {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(
            of: "title: \"Second International Migration Review Forum\"", with: "title: \(value)")
        let diagnostic = try #require(Self.refusal(yaml))
        #expect(diagnostic.message == "the value of 'title' contains \(character), a character that is not text")
        #expect(diagnostic.location?.line == Self.lineNumber(of: "title:", in: yaml))
    }

    @Test func aControlCharacterDeepInTheFileNamesItsPath() throws {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "coChairs: [", with: "coChairs: [\"A\\eB\", ")
        let diagnostic = try #require(Self.refusal(yaml))
        #expect(diagnostic.message.hasPrefix("the value of 'sessions.roundTables[0].coChairs[0]' contains U+001B ESCAPE"))
        let key = try #require(Self.refusal(Edition.second.forum.yaml + "\"bad\\ekey\": 1\n"))
        #expect(key.message.hasPrefix("a key contains U+001B ESCAPE"))
    }

    /// Tabs, and the direction marks Arabic and Hebrew text needs, are text.
    @Test(arguments: ["\"tab\\there\"", "\"\u{200F}مرحبا\u{200E} 2026\"", "\"\u{61C}x\""])
    func tabsAndDirectionMarksAreAccepted(value: String) throws {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(
            of: "title: \"Second International Migration Review Forum\"", with: "title: \(value)")
        #expect(try Forum.parse(yaml: yaml, path: "forum.yaml").title.isEmpty == false)
    }
}
