import Foundation

extension LedgerEvent {
    /// The kind of event, as stored in the ledger's `kind` column and shown
    /// by `imrf log`: `submission`, `compile`, `upload` or `distribution`.
    public var kind: String {
        switch self {
        case .submission: "submission"
        case .compile: "compile"
        case .upload: "upload"
        case .distribution: "distribution"
        }
    }

    /// The record alone as JSON (sorted keys, so equal records are equal bytes).
    func encodedRecord() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .submission(let record): data = try encoder.encode(record)
        case .compile(let record): data = try encoder.encode(record)
        case .upload(let record): data = try encoder.encode(record)
        case .distribution(let record): data = try encoder.encode(record)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The event of `kind` whose record is `json`; nil for a kind this imrf
    /// does not know.
    static func decode(kind: String, record json: String) throws -> LedgerEvent? {
        let decoder = JSONDecoder()
        let data = Data(json.utf8)
        switch kind {
        case "submission": return .submission(try decoder.decode(NoteSubmission.self, from: data))
        case "compile": return .compile(try decoder.decode(CompileRecord.self, from: data))
        case "upload": return .upload(try decoder.decode(UploadRecord.self, from: data))
        case "distribution": return .distribution(try decoder.decode(DistributionRecord.self, from: data))
        default: return nil
        }
    }
}
