public import Forum
public import Foundation
public import Ledger
import Storage

extension Tracker {
    /// Records in the ledger of the workspace at `path` that the deliverable
    /// `id` was distributed at `moment` (its work is then done), with an
    /// optional reference (a document symbol); a blank reference is none.
    /// - Returns: the deliverable and the ledger entry written.
    public func markDistributed(
        _ id: String, at moment: Date, recorded: Date? = nil, reference: String?, workspace path: String, by person: String? = nil
    ) throws(TrackerError) -> (deliverable: Deliverable, entry: LedgerEntry) {
        let found = try deliverable(id)
        let text = reference?.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = DistributionRecord(deliverable: found.id, reference: text?.isEmpty == false ? text : nil, by: person)
        let layout = WorkspaceLayout(path)
        do {
            let entry = try Ledger(workspace: layout.url).append(.distribution(record), at: moment, recorded: recorded)
            // The deadlines it met, kept for a later calendar change to be seen against.
            _ = try? recordDeadlines(workspace: path, at: moment)
            return (found, entry)
        } catch let error as LedgerError {
            throw TrackerError(.ledger(error))
        } catch {
            throw TrackerError(.ledgerUnwritable(path: layout.stateFolder, reason: String(describing: error)))
        }
    }

    /// Undoes a distribution marked by mistake: records in the ledger of the
    /// workspace at `path` that `id` is not distributed after all (the
    /// mistaken entry stays, as every entry does). Refused when `id` is not
    /// marked distributed now.
    public func markUndistributed(
        _ id: String, at moment: Date, reason: String?, workspace path: String, by person: String? = nil
    ) throws(TrackerError) -> (deliverable: Deliverable, entry: LedgerEntry) {
        let found = try deliverable(id)
        let layout = WorkspaceLayout(path)
        let facts: LedgerFacts
        do {
            facts = try Ledger.factsIfPresent(workspace: layout.url)
        } catch let error as LedgerError {
            throw TrackerError(.ledger(error))
        } catch {
            throw TrackerError(.ledgerUnreadable(path: layout.stateFolder, reason: String(describing: error)))
        }
        guard facts.latestDistributions[found.id] != nil else { throw TrackerError(.notDistributed(found.id)) }
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = DistributionRecord(
            deliverable: found.id, reference: nil, by: person, undone: true, reason: text?.isEmpty == false ? text : nil)
        do {
            return (found, try Ledger(workspace: layout.url).append(.distribution(record), at: moment))
        } catch let error as LedgerError {
            throw TrackerError(.ledger(error))
        } catch {
            throw TrackerError(.ledgerUnwritable(path: layout.stateFolder, reason: String(describing: error)))
        }
    }

    /// Records that the workspace at `path` is closed (`closed`), so that
    /// `imrf status` says OK and `imrf remind` sends nothing, or open again.
    public func markClosed(
        _ closed: Bool, at moment: Date, reason: String?, workspace path: String, by person: String? = nil
    ) throws(TrackerError) -> LedgerEntry {
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = ClosureRecord(closed: closed, reason: text?.isEmpty == false ? text : nil, by: person)
        let layout = WorkspaceLayout(path)
        do {
            return try Ledger(workspace: layout.url).append(.closure(record), at: moment)
        } catch let error as LedgerError {
            throw TrackerError(.ledger(error))
        } catch {
            throw TrackerError(.ledgerUnwritable(path: layout.stateFolder, reason: String(describing: error)))
        }
    }
}
