import Foundation
import Ledger

/// One entry of `imrf log --json`: `{"id", "at" (ISO 8601, UTC), "kind",
/// "record"}`, where `record` is the event's record with its own field names
/// (`session`, `author`, `path`, `sha256` for a submission, ...). Flatter and
/// steadier for scripts than the Swift enum's own encoding.
struct LogEntryJSON: Encodable {
    let entry: LedgerEntry

    enum CodingKeys: String, CodingKey { case id, at, kind, record }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.id, forKey: .id)
        try container.encode(entry.at, forKey: .at)
        try container.encode(entry.event.kind, forKey: .kind)
        switch entry.event {
        case .submission(let record): try container.encode(record, forKey: .record)
        case .compile(let record): try container.encode(record, forKey: .record)
        case .upload(let record): try container.encode(record, forKey: .record)
        case .distribution(let record): try container.encode(record, forKey: .record)
        }
    }
}
