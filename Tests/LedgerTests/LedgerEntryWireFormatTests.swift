import Foundation
import Ledger
import Testing

/// The wire format of a ledger entry (`imrf log --json`): flat, keys sorted,
/// the instant as ISO 8601 in UTC, each record with its own field names.
@Suite("Ledger entry wire format")
struct LedgerEntryWireFormatTests {
    static let entries = everyKind.enumerated().map { LedgerEntry(id: Int64($0 + 1), at: $1.1, event: $1.0) }

    @Test func everyKindIsWrittenFlatWithItsRecord() throws {
        let json = try LedgerEntry.jsonArray(Self.entries)
        let expected =
            "["
            + #"{"at":"2026-05-05T16:53:20Z","id":1,"kind":"submission","record":{"author":"Jane Doe","path":"notes/round-table-2--jane-doe.md","#
            + #""session":"round-table-2","sha256":"\#(String(repeating: "a", count: 64))"}},"#
            + #"{"at":"2026-05-05T16:55:00Z","id":2,"kind":"compile","record":{"draft":true,"outputs":["#
            + #"{"path":"build/summary.md","sha256":"\#(String(repeating: "b", count: 64))"},"#
            + #"{"path":"/elsewhere/summary.html","sha256":"\#(String(repeating: "c", count: 64))"}]}},"#
            + #"{"at":"2026-05-05T16:56:40Z","id":3,"kind":"upload","record":{"attempts":2,"bytes":12345,"#
            + #""endpoint":"https://docs.example.org/upload","file":"build/summary.docx","httpStatus":201,"#
            + #""sha256":"\#(String(repeating: "d", count: 64))"}},"#
            + #"{"at":"2026-05-05T16:58:20Z","id":4,"kind":"distribution","record":{"deliverable":"pga-summaries","reference":"A/80/123 – résumé"}}"#
            + "]"
        #expect(json == expected)
    }

    /// `at` is what `JSONEncoder`'s `.iso8601` strategy writes, whatever
    /// strategy the encoder at hand has: the form `imrf log --json` has
    /// always printed.
    @Test(arguments: [0, -0.5, 0.999_999, 1_778_000_000.123456, 1_778_000_100.5, 1_778_607_787.999_9, 253_402_300_799.9])
    func theInstantIsISO8601InUTCToTheSecond(seconds: Double) throws {
        let at = Date(timeIntervalSince1970: seconds)
        let iso8601 = JSONEncoder()
        iso8601.dateEncodingStrategy = .iso8601
        let expected = String(decoding: try iso8601.encode([at]), as: UTF8.self).dropFirst(2).dropLast(2)
        let entry = LedgerEntry(id: 7, at: at, event: everyKind[3].0)
        for encoder in [JSONEncoder(), iso8601] {
            let object = try JSONSerialization.jsonObject(with: try encoder.encode(entry)) as? [String: Any]
            #expect(object?["at"] as? String == String(expected))
        }
    }

    @Test func entriesReadBackToTheSecond() throws {
        let decoded = try JSONDecoder().decode([LedgerEntry].self, from: Data(try LedgerEntry.jsonArray(Self.entries).utf8))
        #expect(decoded.map(\.id) == Self.entries.map(\.id))
        #expect(decoded.map(\.event) == Self.entries.map(\.event))
        #expect(decoded.map(\.at) == Self.entries.map { Date(timeIntervalSince1970: $0.at.timeIntervalSince1970.rounded(.down)) })
    }

    @Test func anEntryRecordedAtAnotherTimeHasRecordedAndReadsBack() throws {
        let entry = LedgerEntry(
            id: 9, at: Date(timeIntervalSince1970: 1_778_000_300), recorded: Date(timeIntervalSince1970: 1_778_090_000), event: everyKind[3].0)
        let json = try LedgerEntry.jsonArray([entry])
        #expect(json.contains(#""kind":"distribution","#))
        #expect(json.hasSuffix(#""recorded":"2026-05-06T17:53:20Z"}]"#))
        #expect(try JSONDecoder().decode([LedgerEntry].self, from: Data(json.utf8)) == [entry])
        // The same second: no `recorded`, as before.
        #expect(!(try LedgerEntry.jsonArray(Self.entries)).contains("recorded"))
    }

    @Test func anUnknownKindOrInstantIsADecodingError() {
        let unknownKind = #"{"at":"2026-05-05T16:53:20Z","id":1,"kind":"rename","record":{}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LedgerEntry.self, from: Data(unknownKind.utf8)) }
        let badInstant = #"{"at":"5 May 2026","id":1,"kind":"distribution","record":{"deliverable":"x"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LedgerEntry.self, from: Data(badInstant.utf8)) }
    }
}
