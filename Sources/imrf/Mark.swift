import ArgumentParser
import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Ledger
import Storage
import Tracker

extension IMRF {
    /// `imrf mark distributed ...`: records what only people know.
    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Record a fact about a deliverable in the workspace's ledger.",
            subcommands: [Distributed.self, Undistributed.self, Withdrawn.self, Moved.self, Closed.self, Reopened.self]
        )

        struct Distributed: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "distributed",
                abstract: "Record that a deliverable was distributed (its work is then done).",
                discussion: "Exit 65 for a deliverable the forum does not have (the valid ids are listed) or a bad --at."
            )

            @Argument(help: "The deliverable's id, e.g. pga-summaries (imrf status --json lists them).")
            var deliverable: String

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(
                help:
                    "When it was distributed (default: now): a date, a local time in the forum's zone (2026-05-21T16:30), or an instant (2026-05-21T20:30:00Z)."
            )
            var at: String?

            @Option(help: "The document symbol or another reference, e.g. A/80/123.")
            var reference: String?

            @Flag(help: "Print the ledger entry as one JSON object, as imrf log --json gives it.")
            var json = false

            func run() async throws {
                try await Reporting.run {
                    let workspace = try workspaceOptions.resolved()
                    let tracker = try Tracker.load(workspace: workspace)
                    _ = try tracker.deliverable(deliverable)
                    let moment = try tracker.clock.moment(at, standingFor: .distributionTime)
                    // A time given is a distribution recorded afterwards: the ledger keeps both.
                    let (found, entry) = try tracker.markDistributed(
                        deliverable, at: moment, recorded: at == nil ? nil : Date(), reference: reference, workspace: workspace)
                    if json {
                        print(try JSONOutput.string(entry))
                        return
                    }
                    guard case .distribution(let record) = entry.event else { return }
                    let reference = record.reference.map { ", reference \($0)" } ?? ""
                    Reporting.printLine(
                        "\(found.id) marked distributed \(tracker.clock.short(entry.at)) (\(tracker.forum.timeZone))\(reference); ledger entry \(entry.id)"
                    )
                }
            }
        }

        /// `imrf mark closed`: the forum's work is over; cron stops alerting.
        struct Closed: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "closed",
                abstract: "Record that the workspace is closed: status then says OK - closed, and remind sends nothing.",
                discussion: "Undone by 'imrf mark reopened'. Both are recorded in the ledger (imrf log)."
            )

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(help: "Why, in a few words (e.g. all summaries distributed).")
            var reason: String?

            @Flag(help: "Print the ledger entry as one JSON object, as imrf log --json gives it.")
            var json = false

            func run() async throws {
                try await Mark.recordClosure(true, reason: reason, options: workspaceOptions, json: json)
            }
        }

        /// `imrf mark reopened`: undoes `mark closed`.
        struct Reopened: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reopened",
                abstract: "Record that a closed workspace is open again: status and remind watch its deliverables again."
            )

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(help: "Why, in a few words.")
            var reason: String?

            @Flag(help: "Print the ledger entry as one JSON object, as imrf log --json gives it.")
            var json = false

            func run() async throws {
                try await Mark.recordClosure(false, reason: reason, options: workspaceOptions, json: json)
            }
        }

        static func recordClosure(_ closed: Bool, reason: String?, options: WorkspaceOptions, json: Bool) async throws {
            try await Reporting.run {
                let workspace = try options.resolved()
                let tracker = try Tracker.load(workspace: workspace)
                let entry = try tracker.markClosed(closed, at: Date(), reason: reason, workspace: workspace)
                if json {
                    print(try JSONOutput.string(entry))
                    return
                }
                Reporting.printLine(
                    closed
                        ? "workspace \(workspace) closed \(tracker.clock.short(entry.at)): imrf status now says OK - closed, imrf remind sends nothing; ledger entry \(entry.id)"
                        : "workspace \(workspace) reopened \(tracker.clock.short(entry.at)): status and remind watch its deliverables again; ledger entry \(entry.id)"
                )
            }
        }

        /// `imrf mark undistributed`: a distribution marked by mistake, undone.
        struct Undistributed: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "undistributed",
                abstract: "Undo a distribution marked by mistake: the deliverable is open again (both entries stay in the ledger).",
                discussion:
                    "Exit 65 when the deliverable is not marked distributed. Example: imrf mark undistributed pga-summaries --reason \"marked the wrong one\""
            )

            @Argument(help: "The deliverable's id, e.g. pga-summaries.")
            var deliverable: String

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(help: "Why, in a few words (kept in the ledger).")
            var reason: String?

            @Flag(help: "Print the ledger entry as one JSON object, as imrf log --json gives it.")
            var json = false

            func run() async throws {
                try await Reporting.run {
                    let workspace = try workspaceOptions.resolved()
                    let tracker = try Tracker.load(workspace: workspace)
                    let (found, entry) = try tracker.markUndistributed(deliverable, at: Date(), reason: reason, workspace: workspace)
                    if json {
                        print(try JSONOutput.string(entry))
                        return
                    }
                    Reporting.printLine(
                        "\(found.id) is no longer marked distributed (\(tracker.clock.short(entry.at)), \(tracker.forum.timeZone)); ledger entry \(entry.id)"
                    )
                }
            }
        }

        /// `imrf mark withdrawn`: a note submitted by mistake, taken back.
        struct Withdrawn: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "withdrawn",
                abstract: "Withdraw a stored note submitted by mistake: it leaves notes/, is kept in notes/.history/, and no longer counts.",
                discussion: "Example: imrf mark withdrawn notes/round-table-2--jane-doe.md --reason \"sent for the wrong forum\""
            )

            @Argument(help: "The stored note: notes/NAME.md or its file name.")
            var note: String

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(help: "Why, in a few words (kept in the ledger).")
            var reason: String?

            @Flag(help: "Print the ledger entry as one JSON object, as imrf log --json gives it.")
            var json = false

            func run() async throws {
                try await Reporting.run {
                    let workspace = try workspaceOptions.resolved()
                    let entry = try Withdrawal.withdraw(note: note, workspace: workspace, reason: reason)
                    if json {
                        print(try JSONOutput.string(entry))
                        return
                    }
                    guard case .withdrawal(let record) = entry.event else { return }
                    Reporting.printLine("withdrew \(record.path) (\(record.session)), kept as \(record.kept); ledger entry \(entry.id)")
                }
            }
        }

        /// `imrf mark moved`: a note submitted for the wrong session, moved.
        struct Moved: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "moved",
                abstract: "Move a stored note to the session it was meant for: submitted again under that session, the old one withdrawn.",
                discussion: "Example: imrf mark moved notes/round-table-2--jane-doe.md --session round-table-3"
            )

            @Argument(help: "The stored note: notes/NAME.md or its file name.")
            var note: String

            @Option(help: "The session it is for.")
            var session: String

            @OptionGroup var workspaceOptions: WorkspaceOptions

            @Option(help: "Why, in a few words (kept in the ledger).")
            var reason: String?

            func run() async throws {
                try await Reporting.run {
                    let workspace = try workspaceOptions.resolved()
                    let (receipt, entry) = try Withdrawal.move(note: note, to: session, workspace: workspace, reason: reason)
                    Reporting.printLine("moved to \(session): stored as \(receipt.path); the old note withdrawn (ledger entry \(entry.id))")
                }
            }
        }
    }
}
