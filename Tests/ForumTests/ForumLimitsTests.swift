import Diagnostics
import Forum
import Testing

/// The size limit of forum.yaml: at the limit it is read, one byte more is
/// refused before YAML parsing with the file, line 1 and the limit.
@Suite struct ForumLimitsTests {
    /// The built-in forum.yaml padded with a comment to exactly `bytes`.
    static func padded(to bytes: Int) -> String {
        let yaml = Edition.second.forum.yaml + "# "
        return yaml + String(repeating: "x", count: bytes - yaml.utf8.count - 1) + "\n"
    }

    @Test func aForumFileOfOneMegabyteIsReadAndOneByteMoreIsNot() throws {
        let largest = Self.padded(to: Forum.maximumBytes)
        #expect(largest.utf8.count == 1 << 20)
        #expect(try Forum.parse(yaml: largest, path: "forum.yaml") == Edition.second.forum)

        let error = #expect(throws: DiagnosticFailure.self) {
            try Forum.parse(yaml: Self.padded(to: Forum.maximumBytes + 1), path: "w/forum.yaml")
        }
        #expect(error?.kind == .badInput)
        #expect(error?.diagnostics.map(\.firstLine) == ["w/forum.yaml:1:1: error: forum file is larger than 1 MB (1048577 bytes)"])
    }
}

extension Diagnostic {
    /// `path:line:col: error: message`, without the hint line.
    var firstLine: String { String(description.prefix { $0 != "\n" }) }
}
