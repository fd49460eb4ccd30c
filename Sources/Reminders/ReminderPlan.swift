public import Diagnostics
public import Forum
public import ForumWorkspace
public import Foundation
public import Ledger
public import Mail
public import Tracker
import WorkingDays

/// One message `imrf remind` owes: to a person who still owes notes for a
/// deliverable, or the office's digest of it, at the latest stage reached.
public struct PlannedReminder: Sendable, Hashable {
    public var deliverable: String
    public var stage: Int
    public var to: MailAddress
    /// The invitations that name the person (one address may have several); empty for the digest.
    public var invitations: [String]
    /// The sessions whose notes are missing: the person's, or all of the deliverable's for the digest.
    public var sessions: [Session]
    public var message: MailMessage

    public var isDigest: Bool { invitations.isEmpty }

    /// The ledger record of this message once the server accepted it with `reply`.
    public func record(reply: String) -> ReminderRecord {
        ReminderRecord(
            deliverable: deliverable, stage: stage, recipient: to.address, name: isDigest ? nil : to.name,
            invitation: isDigest ? nil : invitations.joined(separator: ","), sessions: sessions.map(\.rawValue),
            messageID: message.messageID, reply: reply)
    }
}

/// Which reminders are due at a moment: for each deliverable made of notes
/// that is not done, the latest stage reached, and for it a message to
/// each invited person with an address who owes a missing note and has not
/// had that stage's message, and the office's digest, unless it had it.
public struct ReminderPlanner: Sendable {
    public let tracker: Tracker
    public let settings: ReminderSettings

    public init(tracker: Tracker, settings: ReminderSettings) {
        self.tracker = tracker
        self.settings = settings
    }

    /// A deliverable with a stage reached and notes missing, with the people who owe them.
    public struct DueDeliverable: Sendable {
        public var status: DeliverableStatus
        public var stage: Int
        public var missing: [Session]
        /// Active rapporteurs' invitations for a missing session, whether or not they have an address.
        public var invited: [Invitation]
    }

    /// The deliverables that have a reminder stage reached at `now`.
    public func due(evidence: Evidence, invitations: [Invitation], now: Date) throws(DiagnosticFailure) -> [DueDeliverable] {
        let today = tracker.clock.date(at: now)
        let stages = ReminderStages(stages: settings.stages, calendar: tracker.calendar)
        let owed = DeliverableKind.noteSessions(of: tracker.deliverables)
        var result: [DueDeliverable] = []
        do {
            for status in try tracker.statuses(evidence: evidence, now: now) where !status.isDone {
                let missing = (owed[status.id] ?? []).filter { !evidence.receivedSessions.contains($0) }
                guard !missing.isEmpty, let stage = try stages.latestReached(today: today, due: status.due.date) else { continue }
                let invited = invitations.filter { invitation in
                    invitation.role == .rapporteur && invitation.state(at: now) == "active"
                        && missing.contains { invitation.sessions.contains($0.rawValue) }
                }
                result.append(DueDeliverable(status: status, stage: stage, missing: missing, invited: invited))
            }
        } catch {
            throw DiagnosticFailure(error.kind, error.diagnostics)
        }
        return result
    }
}
