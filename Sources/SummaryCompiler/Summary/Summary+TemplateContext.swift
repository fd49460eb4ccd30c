import Forum
import Foundation

/// The Mustache context of a text format, built from the checked notes,
/// the notes rendered for the format and forum.yaml, section by section.
extension Summary {
    /// The Mustache context of a text format, the notes rendered for it
    /// (`renderedNotes`) on every core.
    /// - Parameter letter: the letter form's letter (`letter(library:)`); nil in the official form.
    func context(for format: Format, letter: Letter? = nil) -> SummaryContext {
        let forum = checked.forum
        let text = TextEscaping(format: format)
        var rendered = renderedNotes(format == .html ? .html : .markdown).makeIterator()
        var footnotes: [FootnoteContext] = []
        let notesBySession = checked.noteIndicesBySession
        let headings = noteHeadings()
        let sections = Session.allCases.map { session in
            let notes = (notesBySession[session] ?? []).map { index in
                guard let renderedNote = rendered.next() else { preconditionFailure("a note was not rendered") }
                let note = checked.notes[index]
                let language = TemplateText(note.language)
                let dir = TemplateText(note.isRightToLeft ? "rtl" : "ltr")
                for (number, body) in renderedNote.footnotes {
                    footnotes.append(FootnoteContext(number: number, body: TemplateText(body), language: language, dir: dir))
                }
                return noteContext(note, heading: headings[index], body: renderedNote.body, text)
            }
            return sectionContext(session, notes: notes, text)
        }
        let context = SummaryContext(
            title: text(forum.title),
            edition: text(forum.edition),
            place: text(forum.place),
            dates: TemplateText(Self.dateRange(forum.start, forum.end)),
            hearingDate: TemplateText(forum.hearing.unStyle),
            sections: sections,
            annex: annex(text),
            footnotes: footnotes
        )
        context.titleNamesForum = Self.titleNamesForum(forum.title)
        context.numbered = forum.document.numberParagraphs
        context.objectivesHeading = TemplateText(objectivesHeading)
        if let letter {
            // The letter is Markdown from the office's template, rendered as a note's text is (raw HTML left out).
            let renderer = BodyRenderer(format: format == .html ? .html : .markdown) { _ in nil }
            context.letterhead = text(letter.letterhead.map(\.plainText).joined())
            var text = ""
            if let dateline = letter.dateline {
                // HTML: a class of its own, set at the line's end by the stylesheet.
                if format == .html { text += "<p class=\"letter-date\">" }
                renderer.append(dateline, to: &text)
                text += format == .html ? "</p>\n" : "\n\n"
            }
            context.letter = TemplateText(text + renderer.blocks(letter.body))
        }
        if let masthead {
            var lines = [
                "organ": masthead.organ, "distribution": masthead.distribution, "documentDate": masthead.date,
                "originalLanguage": masthead.originalLanguage, "assemblySession": masthead.session,
            ]
            if let symbol = masthead.symbol { lines["symbol"] = symbol }
            if let item = masthead.agendaItem { lines["agendaItem"] = item }
            context.masthead = lines.mapValues { text($0) }
        }
        if checked.isDraft { context.draft = TemplateText(DocxParts.draftMark) }
        return context
    }

    /// The forum's own name, which the title block prints above a title
    /// that does not already say it ("Second International Migration Review
    /// Forum" does: printed twice, the name reads as a slip).
    static let forumName = "International Migration Review Forum"

    static func titleNamesForum(_ title: String) -> Bool {
        title.range(of: forumName, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Note fields and forum.yaml's values as the templates get them: HTML
    /// templates escape them; in Markdown they are escaped here, so that
    /// they cannot become markup.
    struct TextEscaping {
        var format: Format

        func callAsFunction(_ value: String?) -> TemplateText { TemplateText(escaped(value ?? "")) }

        func escaped(_ value: String) -> String { format == .md ? BodyRenderer.escapeMarkdown(value) : value }
    }

    private func noteContext(_ note: Note, heading: String?, body: String, _ text: TextEscaping) -> NoteContext {
        NoteContext(
            title: text(heading),
            author: text(note.author),
            role: text(note.roleWords),
            segment: text(note.segment?.displayName),
            language: TemplateText(note.language),
            dir: TemplateText(note.isRightToLeft ? "rtl" : "ltr"),
            body: TemplateText(body)
        )
    }

    /// A session with its notes, and what only a round table or the policy
    /// debate has: co-chairs, keynote and objectives; the facilitator.
    private func sectionContext(_ session: Session, notes: [NoteContext], _ text: TextEscaping) -> SectionContext {
        let forum = checked.forum
        var roundTable: SectionContext.RoundTablePart?
        if let number = session.roundTableNumber, let table = forum.roundTable(number) {
            roundTable = SectionContext.RoundTablePart(
                coChairs: text(table.coChairs.joined(separator: " and ")),
                coChairNames: table.coChairs.map { text($0) },
                hasCoChairs: !table.coChairs.isEmpty,
                keynote: text(table.keynote),
                hasKeynote: !(table.keynote ?? "").isEmpty,
                hasObjectives: !table.objectives.isEmpty,
                objectives: table.objectives.compactMap(Objective.numbered).map { ObjectiveContext($0) }
            )
        }
        let policyDebate =
            session == .policyDebate
            ? SectionContext.PolicyDebatePart(
                facilitator: text(forum.policyDebate.facilitator),
                hasFacilitator: !forum.policyDebate.facilitator.isEmpty
            )
            : nil
        return SectionContext(
            id: TemplateText(session.rawValue),
            heading: TemplateText(sessionHeading(session)),
            date: TemplateText(
                session == .plenary
                    ? Self.dateRange(forum.plenary.first ?? forum.end, forum.plenary.last ?? forum.end)
                    : forum.date(of: session).unStyle),
            notes: notes,
            roundTable: roundTable,
            policyDebate: policyDebate
        )
    }

    /// The annex: every objective, the round table that covers it ("-" when
    /// none) and the notes that address it.
    private func annex(_ text: TextEscaping) -> [ObjectiveContext] {
        let forum = checked.forum
        let addressing = notesAddressingObjectives
        return Objective.all.map { objective in
            let notes = addressing[objective.number] ?? []
            return ObjectiveContext(
                objective, roundTable: forum.roundTable(coveringObjective: objective.number).map { "\($0.number)" } ?? "-",
                addressedBy: text.escaped(Self.addressedBy(notes.map(\.name))),
                addressedIn: notes.map {
                    AddressingNoteContext(
                        session: TemplateText($0.session.shortName), title: text($0.title), language: $0.language, rightToLeft: $0.rightToLeft)
                }
            )
        }
    }
}
