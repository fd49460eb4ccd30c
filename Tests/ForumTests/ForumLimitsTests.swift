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

/// Yams overflows (and crashes) on a base-60 number too large for an `Int`;
/// forum.yaml refuses it at its line instead. Found by fuzzing. (forum.yaml
/// is now read by `YAMLTree`, which reads no base-60 numbers at all: the
/// value is simply not an integer.)
@Suite struct ForumSexagesimalTests {
    @Test func aHugeBaseSixtyNumberIsAnError() {
        let yaml = Edition.second.forum.yaml.replacingOccurrences(of: "workingDays: 10", with: "workingDays: 322222222222222222:2222")
        let error = #expect(throws: DiagnosticFailure.self) { try Forum.parse(yaml: yaml, path: "forum.yaml") }
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("workingDays: 3") }! + 1
        #expect(error?.diagnostics.map(\.message) == ["invalid value for 'distribution.workingDays': expected an integer"])
        #expect(error?.diagnostics.first?.location?.line == line)
    }
}
