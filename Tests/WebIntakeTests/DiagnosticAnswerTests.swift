import Diagnostics
import Foundation
import Testing

@testable import WebIntake

@Suite("a diagnostic as the rapporteur's check answers it")
struct DiagnosticAnswerTests {
    func encoded(_ diagnostic: Diagnostic) throws -> [String: Any] {
        let data = try JSONEncoder().encode(DiagnosticAnswer(diagnostic))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a place without a line (the notes folder) has null line and column, never 0")
    func noLine() throws {
        let object = try encoded(.warning("no note addresses objective 7", at: SourceLocation(path: "notes")))
        #expect(object["line"] is NSNull)
        #expect(object["column"] is NSNull)
        #expect(object.keys.sorted() == ["column", "hint", "line", "message", "severity"])
    }

    @Test("a line without a column has the line and a null column")
    func lineOnly() throws {
        let object = try encoded(.error("bad", at: SourceLocation(path: "n.md", line: 4)))
        #expect(object["line"] as? Int == 4)
        #expect(object["column"] is NSNull)
    }
}
