import Forum
import ForumWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import SummaryCompiler

/// The intake's pages, written here as HTML: every value from a person,
/// a note or the workspace goes through `escape`; the only markup not
/// written here is the note preview, which is the summary's own renderer's
/// (`NotePreview`). No inline script or style: the CSP allows neither.
enum Page {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func document(title: String, csrf: String? = nil, _ content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(csrf.map { "<meta name=\"csrf-token\" content=\"\(escape($0))\">\n" } ?? "")<title>\(escape(title))</title>
        <link rel="stylesheet" href="/static/intake.css">
        <script src="/static/intake.js" defer></script>
        </head>
        <body>
        <main>
        \(content)
        </main>
        </body>
        </html>

        """
    }

    /// A refusal as a page: what happened, what to do, and (unless the
    /// person is not signed in, where it leads nowhere) the way back.
    static func errorPage(_ error: IntakeError) -> String {
        let hint = error.pageHint ?? error.hint
        return document(
            title: "IMRF notes: \(error.message)",
            """
            <h1>\(escape(error.message.prefix(1).uppercased() + error.message.dropFirst()))</h1>
            \(hint.map { "<p>\(escape($0.prefix(1).uppercased() + $0.dropFirst())).</p>" } ?? "")
            \(error.status == .unauthorized ? "" : "<p><a href=\"/\">Back to your page</a></p>")
            """)
    }

    /// After a cross-site click on a personal link: the cookie is set, and
    /// the page moves on by itself (a `SameSite=Strict` cookie is not sent
    /// on a redirect that began on another site).
    static func signedIn(_ person: Invitation) -> String {
        document(
            title: "IMRF notes: signed in",
            """
            <h1>Signed in as \(escape(person.name))</h1>
            <p><a href="/" id="continue" data-follow>Continue to your page</a></p>
            """)
    }

    /// Ends the session in this browser (a shared computer); the personal
    /// link still signs in again.
    static func signOutForm(csrf: String) -> String {
        """
        <form class="sign-out" method="post" action="/sign-out"><input type="hidden" name="csrf" value="\(escape(csrf))"><button type="submit">Sign out</button></form>
        """
    }

    static func signedOut() -> String {
        document(
            title: "IMRF notes: signed out",
            """
            <h1>Signed out</h1>
            <p>This browser no longer holds your session. To sign in again, open your personal link from the office's e-mail.</p>
            """)
    }

    /// What the page shows under a session's form after an action.
    enum Outcome {
        case check(CheckAnswer, layout: FormLayout)
        case preview(String, CheckAnswer, layout: FormLayout)
        case receipt(SubmitAnswer, timeZone: String)
        case refused(CheckAnswer, layout: FormLayout)
        case message(String)
    }

    /// The rapporteur's page: their sessions, each with its deadline, the
    /// note form, the outcome of the last action and their versions.
    static func rapporteur(
        _ person: Invitation, sessions: SessionsAnswer, notes: [NoteHistory], csrf: String,
        form: NoteForm? = nil, outcome: Outcome? = nil
    ) -> String {
        var html = """
            <header><h1>Notes for the PGA summary</h1>
            <p>Signed in as <strong>\(escape(person.name))</strong>. Times are shown in New York time (\(escape(sessions.timeZone)))<span class="zone-note"></span>.</p>
            \(signOutForm(csrf: csrf))</header>

            """
        for session in sessions.sessions {
            let shown = form?.session == session.session ? form! : NoteForm(session: session.session)
            html += section(
                session, person: person, csrf: csrf, form: shown, outcome: form?.session == session.session ? outcome : nil,
                notes: notes.filter { $0.session == session.session }, timeZone: sessions.timeZone)
        }
        html += help
        return document(title: "IMRF notes: \(person.name)", csrf: csrf, html)
    }

    static func section(
        _ session: SessionAnswer, person: Invitation, csrf: String, form: NoteForm, outcome: Outcome?, notes: [NoteHistory], timeZone: String
    ) -> String {
        let id = escape(session.session)
        var html = "<section class=\"session\" id=\"session-\(id)\">\n<h2>\(escape(session.title))</h2>\n"
        html += deadline(session.deadline) + "\n"
        // The form posts to /note#outcome-SESSION: the page that answers
        // opens at the outcome (the errors, the preview, the receipt), not
        // at its top, where a person without the script would miss it.
        html += """
            <form class="note-form" method="post" action="/note#outcome-\(id)" enctype="multipart/form-data">
            <input type="hidden" name="csrf" value="\(escape(csrf))">
            <input type="hidden" name="session" value="\(id)">
            <p><label>Title <input name="title" value="\(escape(form.title))" maxlength="300"></label></p>
            <p>Author: <strong>\(escape(person.name))</strong> (you)</p>
            <p><label>Role <input name="role" value="\(escape(form.role))" maxlength="100"></label>
            <label>Language <input name="language" value="\(escape(form.language))" maxlength="35" size="6" placeholder="en"></label>
            <span class="hint">blank: English, or a Word file's own language</span></p>
            <fieldset class="objectives"><legend>Objectives of the Global Compact discussed</legend>

            """
        for number in session.objectives {
            let objective = Objective.numbered(number)
            let checked = form.objectives.contains(number) ? " checked" : ""
            html +=
                "<label><input type=\"checkbox\" name=\"objectives\" value=\"\(number)\"\(checked)> \(number). \(escape(objective?.shortTitle ?? ""))</label>\n"
        }
        html += "</fieldset>\n"
        if session.session == Session.plenary.rawValue {
            html += "<p><label>Plenary segment <select name=\"segment\"><option value=\"\">(whole plenary)</option>"
            for segment in PlenarySegment.allCases {
                html +=
                    "<option value=\"\(segment.rawValue)\"\(form.segment == segment.rawValue ? " selected" : "")>\(escape(segment.displayName))</option>"
            }
            html += "</select></label></p>\n"
        }
        html += """
            <p><label for="body-\(id)">The note, in Markdown</label><br>
            <textarea id="body-\(id)" name="body" rows="18" cols="80" spellcheck="true">\(escape(form.body))</textarea></p>
            <p><label>Or upload your note as a file: a Word file (.docx), with the fields above as its title, role and language; or a .md file (its front matter fills the fields) <input type="file" name="file" accept=".docx,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain"></label></p>
            <p class="actions"><button name="action" value="check">Check</button>
            <button name="action" value="preview">Preview</button>
            <button name="action" value="submit" class="submit">Submit</button></p>
            </form>
            <div class="outcome" id="outcome-\(id)" aria-live="polite">\(outcome.map { self.outcome($0) } ?? "")</div>

            """
        html += versions(notes, session: session.session)
        return html + "</section>\n"
    }

    static func deadline(_ deadline: DeadlineAnswer?) -> String {
        guard let deadline else { return "<p class=\"deadline\">Deadline: not available (ask the office).</p>" }
        let instant = deadline.dueAt.formatted(.iso8601)
        // Named as the deliverable the note is needed for: the rapporteur's
        // own deadline is the earliest one that still waits for it.
        var text = "<p class=\"deadline\">Your note is needed for <strong>\(escape(deadline.title))</strong>, due "
        text += "<time datetime=\"\(instant)\">\(escape(deadline.dueText))"
        text += deadline.due.contains("T") ? "" : " (end of day)"
        text += " New York</time><span class=\"local-time\" data-for=\"\(instant)\"></span>"
        if deadline.overdue {
            text += ". <strong class=\"overdue\">Overdue.</strong>"
        } else if let left = deadline.workingDaysLeft {
            text += "; \(left) working day\(left == 1 ? "" : "s") left"
        }
        return text + "</p>"
    }

    static func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .check(let answer, let layout):
            return diagnostics(answer, layout: layout, heading: answer.errors == 0 ? "Check: ready to submit" : "Check: fix these first")
        case .preview(let html, let answer, let layout):
            return diagnostics(answer, layout: layout, heading: "Preview")
                + "<div class=\"preview\">\n\(html)</div>\n"
        case .refused(let answer, let layout):
            return diagnostics(answer, layout: layout, heading: "Not submitted: fix these first; nothing was stored")
        case .receipt(let answer, _):
            let receipt = answer.receipt
            let at = receipt.at ?? Date()
            let what = answer.isNew ? "Submitted: version \(answer.version)" : "Already submitted: the same text is version \(answer.version)"
            return """
                <div class="receipt"><h3>\(escape(what))</h3>
                <dl><dt>Stored as</dt><dd><code>\(escape(receipt.path))</code></dd>
                <dt>SHA-256</dt><dd><code>\(escape(receipt.sha256))</code></dd>
                <dt>Time</dt><dd>\(moment(at))</dd></dl>
                <p>Keep this receipt: the SHA-256 identifies exactly the text received.</p>\(receiptWarnings(answer.warnings))</div>

                """
        case .message(let text):
            return "<p>\(escape(text))</p>"
        }
    }

    /// The warnings of a stored note (for a Word file, what could not be kept from it).
    static func receiptWarnings(_ warnings: [DiagnosticAnswer]) -> String {
        guard !warnings.isEmpty else { return "" }
        var html = "\n<h4>Stored with \(warnings.count) warning\(warnings.count == 1 ? "" : "s")</h4>\n<ul class=\"diagnostics\">\n"
        for item in warnings {
            html += "<li class=\"\(escape(item.severity))\"><strong>\(escape(item.severity))</strong>: \(escape(item.message))"
            if let hint = item.hint { html += "<br><span class=\"hint\">\(escape(hint))</span>" }
            html += "</li>\n"
        }
        return html + "</ul>"
    }

    static func diagnostics(_ answer: CheckAnswer, layout: FormLayout, heading: String) -> String {
        var html = "<h3>\(escape(heading))</h3>\n"
        guard !answer.diagnostics.isEmpty else { return html + "<p class=\"ok\">No problems found.</p>\n" }
        html += "<ul class=\"diagnostics\">\n"
        for item in answer.diagnostics {
            let place = layout.place(line: item.line, column: item.column)
            html += "<li class=\"\(escape(item.severity))\"><strong>\(escape(item.severity))</strong>"
            html += place.isEmpty ? ": " : " at \(escape(place)): "
            html += escape(item.message)
            if let hint = item.hint { html += "<br><span class=\"hint\">\(escape(hint))</span>" }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    static func versions(_ notes: [NoteHistory], session: String) -> String {
        let versions = notes.flatMap { note in note.versions.map { (note, $0) } }
        guard !versions.isEmpty else { return "<p class=\"versions\">No version submitted yet.</p>\n" }
        var html = "<h3>Your versions</h3>\n<ol class=\"versions\">\n"
        for (_, version) in versions {
            html += "<li><a href=\"/versions/\(version.ledgerEntry)\">Version \(version.version)</a>, " + moment(version.at)
            html +=
                ", sha256 <code>\(escape(String(version.sha256.prefix(12))))</code></li>\n"
        }
        return html + "</ol>\n"
    }

    static func version(_ history: NoteHistory, _ version: VersionAnswer, text: String, preview: String?) -> String {
        document(
            title: "IMRF notes: version \(version.version)",
            """
            <p><a href="/">Back to your page</a></p>
            <h1>\(escape(Session(rawValue: history.session)?.displayName ?? history.session)), version \(version.version)</h1>
            <p>Submitted \(moment(version.at)); SHA-256 <code>\(escape(version.sha256))</code></p>
            \(preview.map { "<h2>As in the summary</h2>\n<div class=\"preview\">\n\($0)</div>" } ?? "")
            <h2>The text</h2>
            <pre class="source">\(escape(text))</pre>
            """)
    }

    /// `Fri 22 May 2026 23:59 New York` with the browser's time beside it (the script fills the span).
    static func moment(_ date: Date) -> String {
        let instant = date.formatted(.iso8601)
        return "<time datetime=\"\(instant)\">\(escape(newYork(date))) New York</time><span class=\"local-time\" data-for=\"\(instant)\"></span>"
    }

    static func newYork(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "America/New_York")
        formatter.dateFormat = "EEE d MMM yyyy HH:mm"
        return formatter.string(from: date)
    }

    static let help = """
        <details class="help"><summary>Formatting help</summary>
        <ul>
        <li>A blank line starts a new paragraph.</li>
        <li><code>## Heading</code> for a heading; <code>**bold**</code>, <code>*italic*</code>.</li>
        <li><code>- item</code> or <code>1. item</code> for lists.</li>
        <li>A footnote: <code>text[^1]</code>, and on a line of its own <code>[^1]: the footnote.</code></li>
        <li>A table: <code>| a | b |</code>, then <code>|---|---|</code>, then the rows.</li>
        <li>A link: <code>[text](https://example.org)</code>. HTML tags are left out, not shown.</li>
        </ul></details>

        """
}
