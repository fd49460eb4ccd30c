import Diagnostics
import Forum
import Testing

/// forum.yaml diagnostics give the line an editor shows: lines end at LF,
/// CR LF or a lone CR, but not at the YAML 1.1 separators NEL, LS and PS,
/// which libyaml also counts. Found by the `forum` fuzz target.
@Suite struct ForumLineEndingTests {
    func badDateLine(_ yaml: String) -> Int? {
        do {
            _ = try Forum.parse(yaml: yaml, path: "forum.yaml")
            return nil
        } catch {
            return error.diagnostics.first?.location?.line
        }
    }

    static let badDate = Edition.second.forum.yaml.replacingOccurrences(of: "hearing: \"2026-05-04\"", with: "hearing: \"2026-05-32\"")
    static let hearingLine = badDate.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("hearing:") }! + 1

    @Test func carriageReturnLineEndingsKeepTheLine() {
        #expect(badDateLine(Self.badDate.replacingOccurrences(of: "\n", with: "\r")) == Self.hearingLine)
        #expect(badDateLine(Self.badDate.replacingOccurrences(of: "\n", with: "\r\n")) == Self.hearingLine)
    }

    @Test func yamlLineSeparatorsInAValueDoNotShiftTheLine() throws {
        let yaml = Self.badDate.replacingOccurrences(
            of: "title: \"Second International Migration Review Forum\"",
            with: "title: \"Second\u{2028}International Migration\u{2029}Review Forum\" # NEL\u{85}"
        )
        #expect(badDateLine(yaml) == Self.hearingLine)
    }
}
