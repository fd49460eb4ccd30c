import Foundation
import Storage

/// The record of one kind of event, as the ledger stores it: JSON under
/// its kind. `LedgerEvent.record` is the one switch over the cases; a new
/// case needs its record here and in `LedgerEvent.recordTypes`.
protocol LedgerRecord: Codable, Sendable {
    /// The ledger's `kind` column, and what `imrf log` shows.
    static var kind: String { get }
    /// The event this record is the record of.
    var event: LedgerEvent { get }
}

extension NoteSubmission: LedgerRecord {
    static let kind = "submission"
    var event: LedgerEvent { .submission(self) }
}

extension CompileRecord: LedgerRecord {
    static let kind = "compile"
    var event: LedgerEvent { .compile(self) }
}

extension UploadRecord: LedgerRecord {
    static let kind = "upload"
    var event: LedgerEvent { .upload(self) }
}

extension DistributionRecord: LedgerRecord {
    static let kind = "distribution"
    var event: LedgerEvent { .distribution(self) }
}

extension InvitationRecord: LedgerRecord {
    static let kind = "invitation"
    var event: LedgerEvent { .invitation(self) }
}

extension RevocationRecord: LedgerRecord {
    static let kind = "revocation"
    var event: LedgerEvent { .revocation(self) }
}

extension SignInRecord: LedgerRecord {
    static let kind = "sign-in"
    var event: LedgerEvent { .signIn(self) }
}

extension ReminderRecord: LedgerRecord {
    static let kind = "reminder"
    var event: LedgerEvent { .reminder(self) }
}

extension ClosureRecord: LedgerRecord {
    static let kind = "closure"
    var event: LedgerEvent { .closure(self) }
}

extension DeadlinesRecord: LedgerRecord {
    static let kind = "deadlines"
    var event: LedgerEvent { .deadlines(self) }
}

extension WithdrawalRecord: LedgerRecord {
    static let kind = "withdrawal"
    var event: LedgerEvent { .withdrawal(self) }
}

extension LedgerEvent {
    /// Every kind of record, to decode a stored one by its kind.
    static let recordTypes: [any LedgerRecord.Type] = [
        NoteSubmission.self, CompileRecord.self, UploadRecord.self, DistributionRecord.self,
        InvitationRecord.self, RevocationRecord.self, SignInRecord.self, ReminderRecord.self, ClosureRecord.self,
        DeadlinesRecord.self, WithdrawalRecord.self,
    ]

    /// The record of this event.
    var record: any LedgerRecord {
        switch self {
        case .submission(let record): record
        case .compile(let record): record
        case .upload(let record): record
        case .distribution(let record): record
        case .invitation(let record): record
        case .revocation(let record): record
        case .signIn(let record): record
        case .reminder(let record): record
        case .closure(let record): record
        case .deadlines(let record): record
        case .withdrawal(let record): record
        }
    }

    /// Every kind the ledger holds, in the order of `LedgerEvent`'s cases.
    public static var kinds: [String] { recordTypes.map { $0.kind } }

    /// The kind of event, as stored in the ledger's `kind` column and shown
    /// by `imrf log`: `submission`, `compile`, `upload`, `distribution`,
    /// `invitation`, `revocation`, `sign-in`, `reminder`, `closure`, `deadlines` or `withdrawal`.
    public var kind: String { type(of: record).kind }

    /// The type of the records of `kind`; nil for a kind this imrf does not know.
    static func recordType(ofKind kind: String) -> (any LedgerRecord.Type)? {
        recordTypes.first { $0.kind == kind }
    }

    /// The record alone as JSON (sorted keys, so equal records are equal bytes).
    func encodedRecord() throws -> String {
        String(decoding: try Ledger.jsonEncoder().encode(record), as: UTF8.self)
    }

    /// The event of `kind` whose record is `json`; nil for a kind this imrf
    /// does not know.
    static func decode(kind: String, record json: String) throws -> LedgerEvent? {
        guard let type = recordType(ofKind: kind) else { return nil }
        return try JSONDecoder().decode(type, from: Data(json.utf8)).event
    }
}

extension Ledger {
    /// The encoder of everything the ledger writes as JSON: imrf's one JSON
    /// form (`JSONOutput`), keys sorted so equal values are equal bytes.
    static func jsonEncoder() -> JSONEncoder {
        JSONOutput.encoder()
    }
}

extension CompileRecord {
    /// The ledger's kind of compile records, for `Ledger.entries(ofKinds:)`.
    public static var kindName: String { kind }
}
