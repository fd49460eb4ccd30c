import Forum
import ForumWorkspace
import Foundation
import Ledger
import Tracker

/// The office's pages, written as the rapporteur's are (`Page`): every value
/// from the workspace, a note, the ledger or a form goes through `escape`.
/// What changes while a page is open (the status, the notes, the builds,
/// the ledger) is in an element with `data-live="PAGE"`, which the script
/// replaces with the same element of PAGE fetched again; without the
/// script, reloading shows it.
enum OfficePage {
    static let escape = Page.escape

    enum Tab: String, CaseIterable {
        case forum = "Forum"
        case notes = "Notes"
        case summary = "Summary"
        case invitations = "Invitations"
        case ledger = "Ledger"

        var path: String {
            switch self {
            case .forum: "/"
            case .notes: "/office/notes"
            case .summary: "/office/summary"
            case .invitations: "/office/invitations"
            case .ledger: "/office/ledger"
            }
        }
    }

    static func document(_ tab: Tab, csrf: String, _ content: String) -> String {
        var nav = "<nav class=\"office\" aria-label=\"The office's pages\">"
        for item in Tab.allCases {
            nav += "<a href=\"\(item.path)\"\(item == tab ? " aria-current=\"page\"" : "")>\(item.rawValue)</a>"
        }
        nav += "</nav>"
        return Page.document(
            title: "IMRF office: \(tab.rawValue)", csrf: csrf,
            """
            <header class="office"><p class="brand">IMRF summaries: the office</p>\(nav)\(Page.signOutForm(csrf: csrf))</header>
            \(content)
            """)
    }

    static func hidden(_ csrf: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(csrf))\">"
    }

    static let moment = Page.moment

    /// A due moment as the rapporteur's page and the status line show it:
    /// `Fri 22 May 2026 (end of day) New York` for a date, the time for a
    /// local time; the browser's zone beside it.
    static func due(_ item: StatusDocument.Item) -> String {
        guard let instant = ISO8601DateFormatter().date(from: item.dueAt) else { return escape(item.due) }
        guard !item.due.contains("T") else { return moment(instant) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let day = formatter.date(from: item.due)
        formatter.dateFormat = "EEE d MMM yyyy"
        let text = day.map(formatter.string(from:)) ?? item.due
        return
            "<time datetime=\"\(escape(item.dueAt))\">\(escape(text)) (end of day) New York</time><span class=\"local-time\" data-for=\"\(escape(item.dueAt))\"></span>"
    }

    /// A table cell with its column's name, which the narrow layout shows
    /// before the value (the header row is hidden there).
    static func cell(_ label: String, _ html: String, class name: String? = nil) -> String {
        "<td data-label=\"\(escape(label))\"\(name.map { " class=\"\(escape($0))\"" } ?? "")>\(html)</td>"
    }

    static func refusal(_ error: IntakeError) -> String {
        var html = "<div class=\"refusal\" role=\"alert\"><p><strong>Not done:</strong> \(escape(error.message))</p>"
        if let hint = error.hint { html += "<p class=\"hint\">\(escape(hint))</p>" }
        return html + "</div>\n"
    }

    // MARK: Forum

    static func forum(_ status: StatusDocument, csrf: String, marked: LedgerEntry? = nil, refusal: IntakeError? = nil) -> String {
        var html = "<h1>The forum's deliverables</h1>\n"
        if let marked, case .distribution(let record) = marked.event {
            if record.isUndone {
                html += "<p class=\"done\" role=\"status\">No longer marked distributed: \(escape(record.deliverable))"
                html += record.reason.map { " (\(escape($0)))" } ?? ""
                html += "; it is open again (ledger entry \(marked.id)).</p>\n"
            } else {
                html += "<p class=\"done\" role=\"status\">Marked distributed: \(escape(record.deliverable))"
                html += record.reference.map { ", reference \(escape($0))" } ?? ""
                html += " (ledger entry \(marked.id)).</p>\n"
            }
        }
        if let refusal { html += self.refusal(refusal) }
        html += "<div id=\"forum-live\" data-live=\"/\">\n"
        html +=
            "<p class=\"status status-\(escape(status.status.lowercased()))\"><strong>\(escape(status.status))</strong> - \(escape(status.message))</p>\n"
        if !status.deliverables.isEmpty {
            html += """
                <table class="deliverables"><thead><tr><th>Deliverable</th><th>Due</th><th>State</th><th>Working days</th><th>Details</th></tr></thead><tbody>

                """
            for item in status.deliverables {
                var left = "&ndash;"
                if item.done {
                    left = "done"
                } else if item.overdue {
                    left = "<strong class=\"overdue\">overdue</strong>"
                    if let days = item.workingDaysLeft, days < 0 { left += ", \(-days) late" }
                } else if let days = item.workingDaysLeft {
                    left = days == 0 ? "due today" : "\(days) left"
                }
                html += "<tr class=\"\(item.overdue ? "overdue-row" : item.done ? "done-row" : "")\" id=\"deliverable-\(escape(item.id))\">"
                html += cell("Deliverable", "<strong>\(escape(item.title))</strong><br><code>\(escape(item.id))</code>")
                html += cell("Due", due(item))
                html += cell("State", escape(item.state), class: "state") + cell("Working days", left)
                html += cell("Details", item.detail.map(escape) ?? "") + "</tr>\n"
                // A distribution marked by mistake is undone here (both entries stay in the ledger).
                if item.state == "distributed" {
                    html += "<tr class=\"row-actions\"><td colspan=\"5\">"
                    html += "<form method=\"post\" action=\"/office/distributions/undo\" class=\"inline\">\(hidden(csrf))"
                    html += "<input type=\"hidden\" name=\"deliverable\" value=\"\(escape(item.id))\">"
                    html += "<label>Why (kept in the ledger) <input name=\"reason\" maxlength=\"300\" placeholder=\"marked the wrong one\"></label> "
                    html += "<button type=\"submit\">Undo distribution</button></form></td></tr>\n"
                }
            }
            html += "</tbody></table>\n"
        }
        html += "</div>\n"
        // Only what is not done: one whose work ended (a summary received) has nothing left to mark.
        let open = status.deliverables.filter { !$0.done }
        if !open.isEmpty {
            html += """
                <section class="panel form-panel"><h2>Mark a deliverable distributed</h2>
                <form method="post" action="/office/distributions">\(hidden(csrf))
                <p><label>Deliverable <select name="deliverable">
                """
            for item in open { html += "<option value=\"\(escape(item.id))\">\(escape(item.title))</option>" }
            html += """
                </select></label></p>
                <p><label>When (blank: now; or 2026-05-21T16:30 New York) <input name="at" maxlength="40" placeholder="now"></label></p>
                <p><label>Reference (document symbol) <input name="reference" maxlength="200" placeholder="A/80/123"></label></p>
                <p><button type="submit">Mark distributed</button></p>
                </form></section>

                """
        }
        return document(.forum, csrf: csrf, html)
    }

    // MARK: Notes

    /// What a form of the notes page did, said above the notes after its redirect.
    enum NotesNotice {
        case withdrawn(LedgerEntry)
        /// The old note's withdrawal, and the new note's submission when recorded.
        case moved(withdrawal: LedgerEntry, stored: LedgerEntry?)
    }

    static func notice(_ notice: NotesNotice) -> String {
        switch notice {
        case .withdrawn(let entry):
            guard case .withdrawal(let record) = entry.event else { return "" }
            return
                "<p class=\"done\" role=\"status\">Withdrawn: <code>\(escape(record.path))</code> (\(escape(sessionName(record.session)))), kept as <code>\(escape(record.kept))</code>; it no longer counts for its session (ledger entry \(entry.id)).</p>\n"
        case .moved(let withdrawal, let stored):
            guard case .withdrawal(let record) = withdrawal.event else { return "" }
            var html = "<p class=\"done\" role=\"status\">Moved: <code>\(escape(record.path))</code>"
            if let stored, case .submission(let note) = stored.event {
                html += " is now <code>\(escape(note.path))</code>, for \(escape(sessionName(note.session))) (ledger entry \(stored.id))"
            }
            return html + "; the old note withdrawn (ledger entry \(withdrawal.id)).</p>\n"
        }
    }

    static func sessionName(_ id: String) -> String {
        Session(rawValue: id)?.displayName ?? id
    }

    /// Under each note, its forms: withdraw it (the reason required) and
    /// move it to another session. Plain posts, with the page's CSRF token.
    static func noteActions(_ file: String, session: String, csrf: String) -> String {
        var html = "<tr class=\"row-actions\"><td colspan=\"7\">"
        html += "<form method=\"post\" action=\"/office/withdrawals\" class=\"inline\">\(hidden(csrf))"
        html += "<input type=\"hidden\" name=\"note\" value=\"\(escape(file))\">"
        html += "<label>Why withdraw it <input name=\"reason\" required maxlength=\"300\" placeholder=\"sent by mistake\"></label> "
        html += "<button type=\"submit\">Withdraw</button></form>"
        html += "<form method=\"post\" action=\"/office/moves\" class=\"inline\">\(hidden(csrf))"
        html += "<input type=\"hidden\" name=\"note\" value=\"\(escape(file))\">"
        html += "<label>Move to <select name=\"session\">"
        for other in Session.allCases where other.rawValue != session {
            html += "<option value=\"\(escape(other.rawValue))\">\(escape(other.shortName))</option>"
        }
        html += "</select></label> <button type=\"submit\">Move to session</button></form>"
        return html + "</td></tr>\n"
    }

    static func notes(_ overview: NotesOverview, csrf: String, notice: NotesNotice? = nil, refusal: IntakeError? = nil) -> String {
        var html = "<h1>Notes</h1>\n"
        if let notice { html += self.notice(notice) }
        if let refusal { html += self.refusal(refusal) }
        html += "<div id=\"notes-live\" data-live=\"/office/notes\">\n"
        let missing = overview.sessions.filter(\.missing)
        let check = overview.check
        html += "<p class=\"summary-line\">"
        html +=
            missing.isEmpty
            ? "Every session has a note. "
            : "<strong class=\"overdue\">\(missing.count) session\(missing.count == 1 ? "" : "s") without a note.</strong> "
        html +=
            "The check finds \(check.errors) error\(check.errors == 1 ? "" : "s") and \(check.warnings) warning\(check.warnings == 1 ? "" : "s").</p>\n"
        for session in overview.sessions {
            html += "<section class=\"panel\(session.missing ? " missing" : "")\" id=\"notes-\(escape(session.session))\">"
            html += "<h2>\(escape(session.title))</h2>\n"
            if session.missing {
                html += "<p class=\"missing-note\"><strong>No note yet.</strong></p>\n"
            } else {
                html +=
                    "<table class=\"notes\"><thead><tr><th>Note</th><th>Author</th><th>Language</th><th>Objectives</th><th>Received</th><th>Versions</th><th>Check</th></tr></thead><tbody>\n"
                for note in session.notes {
                    html += "<tr class=\"note-row\">"
                    html += cell(
                        "Note",
                        "<a href=\"/office/notes/\(escape(note.file))\">\(escape(note.title ?? note.file))</a><br><code>\(escape(note.file))</code>")
                    html += cell("Author", escape(note.author ?? "") + (note.role.map { "<br><span class=\"hint\">\(escape($0))</span>" } ?? ""))
                    html += cell("Language", escape(note.language)) + cell("Objectives", note.objectives.map(String.init).joined(separator: ", "))
                    html += cell("Received", note.received.map(moment) ?? "placed by hand") + cell("Versions", String(note.versions))
                    let counts =
                        note.errors == 0 && note.warnings == 0
                        ? "ok" : "\(note.errors) error\(note.errors == 1 ? "" : "s"), \(note.warnings) warning\(note.warnings == 1 ? "" : "s")"
                    html += cell("Check", counts, class: note.errors > 0 ? "overdue" : nil) + "</tr>\n"
                    html += noteActions(note.file, session: session.session, csrf: csrf)
                }
                html += "</tbody></table>\n"
            }
            html += "</section>\n"
        }
        if !overview.unreadable.isEmpty {
            html +=
                "<p><strong>Notes that cannot be read:</strong> " + overview.unreadable.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
            html += " (their errors are below).</p>\n"
        }
        if !overview.objectivesNotAddressed.isEmpty {
            html += "<p><strong>Objectives no note addresses yet:</strong> "
            html +=
                overview.objectivesNotAddressed.map { number in
                    "<abbr title=\"\(escape(Objective.numbered(number)?.shortTitle ?? ""))\">\(number)</abbr>"
                }.joined(separator: ", ") + ".</p>\n"
        }
        html += "<h2>The check</h2>\n"
        if check.diagnostics.isEmpty {
            html += "<p class=\"ok\">No problems found.</p>\n"
        } else {
            html += "<ul class=\"diagnostics\">\n"
            for item in check.diagnostics {
                var place = item.file ?? ""
                if let line = item.line { place += ":\(line)" + (item.column.map { ":\($0)" } ?? "") }
                html += "<li class=\"\(escape(item.severity))\"><strong>\(escape(item.severity))</strong>"
                html += place.isEmpty ? ": " : " in <code>\(escape(place))</code>: "
                html += escape(item.message)
                if let hint = item.hint { html += "<br><span class=\"hint\">\(escape(hint))</span>" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</div>\n"
        return document(.notes, csrf: csrf, html)
    }

    static func note(_ name: String, text: String, preview: String?, csrf: String) -> String {
        document(
            .notes, csrf: csrf,
            """
            <p><a href="/office/notes">Back to the notes</a></p>
            <h1><code>notes/\(escape(name))</code></h1>
            \(preview.map { "<h2>As in the summary</h2>\n<div class=\"preview\">\n\($0)</div>" } ?? "<p class=\"overdue\">This note does not parse: the notes page lists its errors.</p>")
            <h2>The text</h2>
            <pre class="source">\(escape(text))</pre>
            """)
    }

    // MARK: Summary

    static func summary(builds: [BuildAnswer], csrf: String, compiled: BuildAnswer? = nil, refused: WorkspaceCheckAnswer? = nil) -> String {
        var html = """
            <h1>The summary</h1>
            <section class="panel form-panel"><h2>Compile</h2>
            <form method="post" action="/office/compile" class="compile">\(hidden(csrf))
            <fieldset><legend>Formats</legend>
            <label><input type="checkbox" name="format" value="md" checked> Markdown</label>
            <label><input type="checkbox" name="format" value="html" checked> HTML</label>
            <label><input type="checkbox" name="format" value="docx" checked> Word</label>
            <label><input type="checkbox" name="format" value="pdf"> PDF (needs LibreOffice on the server)</label></fieldset>
            <p><label><input type="checkbox" name="draft"> Draft: compile even where a session has no note yet</label></p>
            <p><label for="changes-since">Revision marks</label>
            <select id="changes-since" name="changesSince" aria-describedby="changes-since-hint">
            <option value="" selected>none</option>
            <option value="previous">since the previous final build</option>

            """
        // Drafts are never compared with: the builds a revision can be measured against.
        for build in builds where !build.draft {
            html += "<option value=\"\(build.entry)\">since build #\(build.entry), \(escape(Page.newYork(build.at))) New York</option>\n"
        }
        html += """
            </select><br><span class="hint" id="changes-since-hint">Also writes summary.changes.docx: this summary with what changed since that build as Word tracked changes, for a revised text.</span></p>
            <p><button type="submit" class="submit">Compile</button></p>
            </form>

            """
        if let compiled {
            html += "<div class=\"receipt\" role=\"status\"><h3>Compiled\(compiled.draft ? " (draft)" : "")</h3><ul>"
            for output in compiled.outputs {
                html += "<li><code>\(escape(output.path))</code>, sha256 <code>\(escape(String(output.sha256.prefix(12))))</code></li>"
            }
            html += "</ul><p>Warnings, if any, are on the notes page.</p></div>\n"
        }
        if let refused {
            html +=
                "<div class=\"refusal\" role=\"alert\"><h3>Not compiled: \(refused.errors) error\(refused.errors == 1 ? "" : "s"); the previous build is unchanged</h3><ul class=\"diagnostics\">\n"
            for item in refused.diagnostics where item.severity == "error" {
                var place = item.file ?? ""
                if let line = item.line { place += ":\(line)" }
                html +=
                    "<li class=\"error\"><strong>error</strong>\(place.isEmpty ? "" : " in <code>\(escape(place))</code>"): \(escape(item.message))"
                if let hint = item.hint { html += "<br><span class=\"hint\">\(escape(hint))</span>" }
                html += "</li>\n"
            }
            html += "</ul></div>\n"
        }
        html += "</section>\n<div id=\"builds-live\" data-live=\"/office/summary\">\n<section class=\"panel\"><h2>The current build</h2>\n"
        if let current = builds.first {
            html +=
                "<p>Compiled \(moment(current.at))\(current.by.map { " by \(escape($0))" } ?? "")\(current.draft ? ", <strong>a draft</strong>" : "").</p><ul class=\"downloads\">\n"
            for output in current.outputs {
                let inside = !output.path.hasPrefix("/")
                html += "<li>"
                html +=
                    inside
                    ? "<a href=\"/api/summary/\(escape(output.file))\" download>\(escape(output.file))</a>"
                    : "<code>\(escape(output.path))</code> (outside the workspace)"
                html += " <span class=\"hint\">sha256 <code>\(escape(output.sha256))</code></span></li>\n"
            }
            html += "</ul>\n"
        } else {
            html += "<p>Nothing has been compiled yet.</p>\n"
        }
        html += "</section>\n"
        if builds.count > 1 {
            html +=
                "<section class=\"panel\"><h2>Earlier builds</h2><table class=\"builds\"><thead><tr><th>#</th><th>When</th><th>By</th><th>Files</th></tr></thead><tbody>\n"
            for build in builds.dropFirst() {
                html += "<tr>" + cell("#", String(build.entry)) + cell("When", moment(build.at))
                html += cell("By", escape(build.by ?? "command line") + (build.draft ? " (draft)" : ""))
                let files = build.outputs.map {
                    "<code>\(escape($0.file))</code> <span class=\"hint\">\(escape(String($0.sha256.prefix(12))))</span>"
                }
                html += cell("Files", files.joined(separator: "<br>")) + "</tr>\n"
            }
            html += "</tbody></table></section>\n"
        }
        html += "</div>\n"
        return document(.summary, csrf: csrf, html)
    }

    // MARK: Invitations

    static func invitations(
        _ list: [Invitation], me: String, now: Date, csrf: String, once: String, created: CreatedInvitationDocument?, revoked: Invitation?,
        refusal: IntakeError?
    ) -> String {
        var html = "<h1>Invitations</h1>\n"
        if let created {
            html += """
                <div class="receipt" role="status"><h3>Invitation \(escape(created.invitation.id)) for \(escape(created.invitation.name))</h3>
                <p><label for="new-link">The personal link, shown this once: send it to \(escape(created.invitation.name)) only.</label></p>
                <p class="link"><input id="new-link" readonly value="\(escape(created.url))" size="60"> <button type="button" data-copy="new-link" hidden>Copy</button></p>
                </div>

                """
        }
        if let revoked {
            html +=
                "<p class=\"done\" role=\"status\">Invitation \(escape(revoked.id)) (\(escape(revoked.name))) revoked: its link no longer works.</p>\n"
        }
        if let refusal { html += self.refusal(refusal) }
        html += """
            <section class="panel form-panel"><h2>Invite someone</h2>
            <form method="post" action="/office/invitations">\(hidden(csrf))<input type="hidden" name="once" value="\(escape(once))">
            <p><label>Name (as their notes' author will name them) <input name="name" required maxlength="200"></label></p>
            <p><label>E-mail <input name="email" type="email" maxlength="254"></label></p>
            <p><label>Role <select name="role"><option value="rapporteur">rapporteur (their sessions)</option><option value="office">office (everything)</option></select></label></p>
            <fieldset class="sessions"><legend>Sessions (for a rapporteur)</legend>

            """
        for session in Session.allCases {
            html += "<label><input type=\"checkbox\" name=\"sessions\" value=\"\(session.rawValue)\"> \(escape(session.displayName))</label>\n"
        }
        html += """
            </fieldset>
            <p><label>Expires (blank: never; a date, or 2026-05-20T17:00 New York) <input name="expires" maxlength="40"></label></p>
            <p><button type="submit" class="submit">Create the link</button></p>
            </form></section>
            <section class="panel" id="invitations-live" data-live="/office/invitations"><h2>Everyone invited</h2>

            """
        if list.isEmpty {
            html += "<p>No invitations yet.</p>\n"
        } else {
            html +=
                "<table class=\"invitations\"><thead><tr><th>Person</th><th>Sessions</th><th>State</th><th>Last sign-in</th><th></th></tr></thead><tbody>\n"
            for invitation in list.reversed() {
                let state = invitation.state(at: now)
                var person =
                    "<strong>\(escape(invitation.name))</strong> <span class=\"hint\">\(escape(invitation.role.rawValue)), \(escape(invitation.id))</span>"
                person += invitation.email.map { "<br>\(escape($0))" } ?? ""
                let sessions =
                    invitation.role == .office
                    ? "every session" : invitation.sessions.map { escape(Session(rawValue: $0)?.displayName ?? $0) }.joined(separator: ", ")
                let until = invitation.expires.map { state == "active" ? "<br><span class=\"hint\">until \(moment($0))</span>" : "" } ?? ""
                html += "<tr id=\"invitation-\(escape(invitation.id))\">" + cell("Person", person) + cell("Sessions", sessions)
                html += cell("State", state + until, class: "state-\(state)") + cell("Last sign-in", invitation.lastSignIn.map(moment) ?? "never")
                // Not one's own: an office person who revoked their own link
                // would be locked out (the command line can still do it).
                var action = ""
                if state == "active", invitation.id != me {
                    action =
                        "<form method=\"post\" action=\"/office/invitations/\(escape(invitation.id))/revoke\">\(hidden(csrf))<button type=\"submit\">Revoke</button></form>"
                } else if invitation.id == me {
                    action = "<span class=\"hint\">you</span>"
                }
                html += cell("", action) + "</tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "</section>\n"
        return document(.invitations, csrf: csrf, html)
    }

    // MARK: Ledger

    static func ledger(_ entries: [LedgerEntry], kind: String?, csrf: String) -> String {
        var html = "<h1>The ledger</h1>\n<p class=\"filters\">Show: "
        html += "<a href=\"/office/ledger\"\(kind == nil ? " aria-current=\"true\"" : "")>everything</a>"
        for name in LedgerEvent.kinds {
            html += " · <a href=\"/office/ledger?kind=\(name)\"\(kind == name ? " aria-current=\"true\"" : "")>\(name)</a>"
        }
        html += "</p>\n<div id=\"ledger-live\" data-live=\"/office/ledger\(kind.map { "?kind=\(escape($0))" } ?? "")\">\n"
        if entries.isEmpty {
            html += "<p>Nothing recorded\(kind.map { " of kind \(escape($0))" } ?? "") yet.</p>\n"
        } else {
            let text = LogLine(timeZone: TimeZone(identifier: "America/New_York")!)
            let replaced = LogLine.replacements(entries)
            html += "<table class=\"ledger\"><thead><tr><th>#</th><th>When (New York)</th><th>What</th><th>Details</th></tr></thead><tbody>\n"
            for entry in entries {
                html +=
                    "<tr>" + cell("#", String(entry.id)) + cell("When", escape(text.time(entry.recorded))) + cell("What", escape(entry.event.kind))
                html += cell("Details", escape(text.details(entry.event, replacedBy: replaced[entry.id]) + text.effect(entry))) + "</tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "</div>\n"
        return document(.ledger, csrf: csrf, html)
    }
}
