import WorkingDays

extension Forum {
    /// forum.yaml text for this forum, which `parse` reads back to an equal
    /// value when its text has no character `parse` refuses
    /// (`UntrustedText.isUnsafe`); those are written as escapes.
    public var yaml: String {
        // A YAML double-quoted string: line breaks would be folded into
        // spaces and control characters are refused, so everything but
        // printable text is written as an escape and reads back unchanged.
        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": result += "\\\\"
                case "\"": result += "\\\""
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}":
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        var lines = [
            "# The International Migration Review Forum this workspace summarises.",
            "# Dates are civil dates (YYYY-MM-DD) in timeZone; keep them quoted.",
            "edition: \(quoted(edition))",
            "title: \(quoted(title))",
            "place: \(quoted(place))",
            "timeZone: \(quoted(timeZone))",
            "calendar: \(quoted(calendar))",
            "hearing: \(quoted(hearing.iso))",
            "forum:",
            "  start: \(quoted(start.iso))",
            "  # Local time the forum opens on its first day (the hearing's summary is due then).",
            "  opening: \(quoted(opening.description))",
            "  end: \(quoted(end.iso))",
            "sessions:",
            "  roundTables:",
        ]
        if !moreCalendars.isEmpty, let at = lines.firstIndex(where: { $0.hasPrefix("calendar: ") }) {
            lines.insert("calendars: [\(moreCalendars.map(quoted).joined(separator: ", "))]", at: at + 1)
        }
        for table in roundTables {
            lines.append("    - number: \(table.number)")
            lines.append("      date: \(quoted(table.date.iso))")
            lines.append("      time: \(quoted(table.time.description))")
            lines.append("      objectives: [\(table.objectives.map(String.init).joined(separator: ", "))]")
            lines.append("      coChairs: [\(table.coChairs.map(quoted).joined(separator: ", "))]")
            if let keynote = table.keynote { lines.append("      keynote: \(quoted(keynote))") }
        }
        lines += [
            "  policyDebate:",
            "    date: \(quoted(policyDebate.date.iso))",
            "    time: \(quoted(policyDebate.time.description))",
            "    facilitator: \(quoted(policyDebate.facilitator))",
            "  plenary: [\(plenary.map { quoted($0.iso) }.joined(separator: ", "))]",
            "distribution:",
            "  # Summaries are distributed within this many working days after the conclusion.",
            "  workingDays: \(distributionWorkingDays)",
            "deliverables:",
        ]
        for deliverable in deliverables {
            lines.append("  - id: \(quoted(deliverable.id))")
            lines.append("    title: \(quoted(deliverable.title))")
            lines.append("    due: \(quoted(deliverable.due.description))")
        }
        if let reminders {
            lines.append("reminders:")
            lines.append("  smtp: \(quoted(reminders.smtp))")
            lines.append("  from: \(quoted(reminders.from))")
            if let replyTo = reminders.replyTo { lines.append("  replyTo: \(quoted(replyTo))") }
            lines.append("  office: \(quoted(reminders.office))")
            lines.append("  stages: [\(reminders.stages.map(String.init).joined(separator: ", "))]")
            if let file = reminders.credentialsFile { lines.append("  credentialsFile: \(quoted(file))") }
            if let url = reminders.submitURL { lines.append("  submitURL: \(quoted(url))") }
        }
        var documentLines: [String] = []
        if document.form != .letter { documentLines.append("  form: \(document.form.rawValue)") }
        if let president = document.president { documentLines.append("  president: \(quoted(president))") }
        if let symbol = document.symbol { documentLines.append("  symbol: \(quoted(symbol))") }
        if document.distribution != .general { documentLines.append("  distribution: \(document.distribution.rawValue)") }
        if let date = document.date { documentLines.append("  date: \(date.iso)") }
        if document.originalLanguage != "English" { documentLines.append("  originalLanguage: \(quoted(document.originalLanguage))") }
        if let session = document.session { documentLines.append("  session: \(session)") }
        if let item = document.agendaItem { documentLines.append("  agendaItem: \(quoted(item))") }
        if document.wordLimit != DocumentSettings.defaultWordLimit { documentLines.append("  wordLimit: \(document.wordLimit)") }
        if !document.numberParagraphs { documentLines.append("  numberParagraphs: false") }
        if let reference = document.referenceDocx { documentLines.append("  referenceDocx: \(quoted(reference))") }
        if !documentLines.isEmpty { lines += ["document:"] + documentLines }
        return lines.joined(separator: "\n") + "\n"
    }
}
