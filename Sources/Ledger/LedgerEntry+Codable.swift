import Foundation

/// The wire format of a ledger entry, which `imrf log --json` prints and a
/// server would send: `{"at", "id", "kind", "record"}`, where `at` is the
/// instant in ISO 8601, UTC, to the second (`2026-05-12T18:03:07Z`) and
/// `record` the event's record with its own field names (`session`,
/// `author`, `path`, `sha256` for a submission, ...), and `recorded`, the
/// instant the entry was written, only where that is another second than `at`
/// (a distribution marked afterwards). Flatter and steadier
/// for scripts than the enum's shape, and the same whatever date strategy
/// the encoder has. Decoding reads it back, `at` to the second.
extension LedgerEntry: Codable {
    enum CodingKeys: String, CodingKey { case id, at, kind, record, recorded }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at.formatted(.iso8601), forKey: .at)
        try container.encode(event.kind, forKey: .kind)
        try container.encode(event.record, forKey: .record)
        if recordedAtAnotherTime { try container.encode(recorded.formatted(.iso8601), forKey: .recorded) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        at = try Self.instant(container, .at)
        recorded = try container.contains(.recorded) ? Self.instant(container, .recorded) : at
        let kind = try container.decode(String.self, forKey: .kind)
        guard let type = LedgerEvent.recordType(ofKind: kind) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind '\(kind)'")
        }
        event = try container.decode(type, forKey: .record).event
    }

    private static func instant(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let time = try container.decode(String.self, forKey: key)
        guard let instant = try? Date(time, strategy: .iso8601) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "'\(time)' is not an ISO 8601 instant such as 2026-05-12T18:03:07Z")
        }
        return instant
    }

    /// `entries` as one JSON array in the wire format, keys sorted (what
    /// `imrf log --json` prints).
    public static func jsonArray(_ entries: [LedgerEntry]) throws -> String {
        String(decoding: try Ledger.jsonEncoder().encode(entries), as: UTF8.self)
    }
}
