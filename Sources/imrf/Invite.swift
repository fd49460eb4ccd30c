import ArgumentParser
import Diagnostics
import Forum
import ForumWorkspace
import Foundation
import Storage
import Tracker
import WorkingDays

extension IMRF {
    /// `imrf invite`: the personal links of the web intake (`imrf serve`).
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Invite a rapporteur to the web intake with a personal link; list or revoke invitations.",
            discussion: """
                The link (BASE-URL/i/TOKEN) is printed once: only the token's SHA-256 is kept, in the ledger. \
                Send it to the person only; 'imrf invite --revoke ID' withdraws it. 'imrf invite --list' never \
                shows tokens.
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: "The person's name, as their notes' 'author' names them.")
        var name: String?

        @Option(help: ArgumentHelp("A session they may submit for (repeat for several), e.g. round-table-2.", valueName: "session"))
        var session: [String] = []

        @Option(help: "Their e-mail address (kept with the invitation).")
        var email: String?

        @Option(help: "rapporteur (their sessions only) or office (every session).")
        var role: String = InvitationRole.rapporteur.rawValue

        @Option(
            help:
                "When the link stops working: a date (the end of that day in the forum's zone), a local time (2026-05-20T17:00) or an instant (2026-05-20T21:00:00Z)."
        )
        var expires: String?

        @Option(name: .customLong("base-url"), help: "The service's address as people reach it (default: \(Self.defaultBaseURL)).")
        var baseURL: String?

        @Flag(help: "List the invitations (never their tokens).")
        var list = false

        @Option(help: ArgumentHelp("Revoke the invitation with this id: its link stops working.", valueName: "id"))
        var revoke: String?

        @Flag(help: "Print one JSON object.")
        var json = false

        static let defaultBaseURL = "http://127.0.0.1:8080"

        func validate() throws {
            let modes = [name != nil, list, revoke != nil].filter { $0 }.count
            guard modes == 1 else { throw ValidationError("give --name (to invite), --list or --revoke ID: one of them") }
            if name == nil, !session.isEmpty || email != nil || expires != nil || baseURL != nil {
                throw ValidationError("--session, --email, --expires and --base-url go with --name")
            }
            guard InvitationRole(rawValue: role) != nil else {
                throw ValidationError("unknown role '\(role)'; known: rapporteur, office")
            }
            if let baseURL {
                guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https", url.host != nil,
                    url.query == nil, url.fragment == nil, url.user == nil
                else { throw ValidationError("--base-url must be an http or https address, such as https://imrf.example.org") }
            }
        }

        func run() async throws {
            try await Reporting.run {
                let workspace = try workspaceOptions.resolved()
                let invitations = Invitations(workspace: workspace)
                if list {
                    try printList(try invitations.list())
                } else if let revoke {
                    let invitation = try invitations.revoke(id: revoke)
                    if json {
                        print(try JSONOutput.string(ListedInvitationDocument(invitation, now: Date())))
                        return
                    }
                    Reporting.printLine("invitation \(invitation.id) (\(invitation.name)) revoked: its link no longer works")
                } else if let name {
                    try create(name: name, invitations: invitations, workspace: workspace)
                }
            }
        }

        private func create(name: String, invitations: Invitations, workspace: String) throws {
            let forum = try Forum.load(contentsOf: WorkspaceLayout(workspace).forumFile)
            let expiry = try expires.map { text throws(DiagnosticFailure) in try ForumClock.expiry(text, timeZone: forum.timeZone, field: "--expires")
            }
            let issued = try invitations.create(
                name: name, sessions: session, email: email, role: InvitationRole(rawValue: role)!, expires: expiry)
            let url = issued.url(base: baseURL ?? Self.defaultBaseURL)
            let invitation = issued.invitation
            if json {
                print(try JSONOutput.string(CreatedInvitationDocument(invitation, url: url)))
                return
            }
            let sessions = invitation.role == .office ? "every session" : invitation.sessions.joined(separator: ", ")
            Reporting.printLine("invitation \(invitation.id) for \(invitation.name) (\(invitation.role.rawValue)): \(sessions)")
            print(url)
            Reporting.printToStandardError(
                "this link is shown once: send it to \(UntrustedText.escaped(invitation.name)) only; 'imrf invite --revoke \(invitation.id)' withdraws it"
            )
        }

        private func printList(_ invitations: [Invitation]) throws {
            let now = Date()
            if json {
                print(try JSONOutput.string(["invitations": invitations.map { ListedInvitationDocument($0, now: now) }]))
                return
            }
            if invitations.isEmpty {
                Reporting.printLine("no invitations yet: 'imrf invite --name NAME --session SESSION' creates one")
                return
            }
            for invitation in invitations {
                var line = "\(invitation.id)  \(invitation.state(at: now).padding(toLength: 8, withPad: " ", startingAt: 0))"
                line += "\(invitation.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))\(invitation.name)"
                if let email = invitation.email { line += " <\(email)>" }
                line += ": " + (invitation.role == .office ? "every session" : invitation.sessions.joined(separator: ", "))
                if let expires = invitation.expires { line += "; expires \(expires.formatted(.iso8601))" }
                if let signedIn = invitation.lastSignIn { line += "; last signed in \(signedIn.formatted(.iso8601))" }
                Reporting.printLine(line)
            }
        }
    }
}
