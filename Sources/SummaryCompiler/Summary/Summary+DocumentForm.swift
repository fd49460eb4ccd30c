import Forum
import Mustache
import WorkingDays

/// What comes before the summary (forum.yaml `document.form`): the
/// President's letter, the summary as its annex, or the UN masthead.
extension Summary {
    /// The letter as the templates' Markdown made it: its letterhead (the
    /// template's first heading, centred), its date line (the paragraph
    /// after it when that holds the letter's date: set at the line's end, as
    /// a UN letter has it) and its paragraphs.
    struct Letter: Sendable {
        var letterhead: [Inline]
        var dateline: [Inline]?
        var body: [Block]
    }

    /// The masthead's lines, in the words a UN document prints them.
    struct Masthead: Sendable {
        var organ = "General Assembly"
        var symbol: String?
        var distribution: String
        var date: String
        var originalLanguage: String
        var session: String
        /// As forum.yaml gives it (`16`, `18 (c)`): the templates say "Agenda item".
        var agendaItem: String?
    }

    /// The masthead's text as `masthead.md` in `library` (else the
    /// built-in one) writes it: its table, the masthead's two columns, and
    /// the paragraphs under it (`DocxRenderer.appendMasthead`).
    struct MastheadText: Sendable {
        var table: (header: [[Inline]], rows: [[[Inline]]])?
        var before: [Block]
        var after: [Block]
    }

    var form: DocumentSettings.Form { checked.forum.document.form }

    /// The letter from `letter.md` in `library` (a templates folder without
    /// one: the built-in letter); nil in the official form. Raw HTML in it
    /// is left out and its links are kept only when safe, as in a note.
    func letter(library: MustacheLibrary?) -> Letter? {
        guard form == .letter else { return nil }
        let forum = checked.forum
        let context = LetterContext(
            title: forum.title, edition: forum.edition, place: forum.place, dates: Self.dateRange(forum.start, forum.end),
            date: date.unStyle, president: forum.document.signatory(forumEnd: forum.end))
        var blocks = Self.formBlocks(Self.letterTemplate, context, library: library)
        var letterhead: [Inline] = []
        if case .heading(_, let inlines) = blocks.first {
            letterhead = inlines
            blocks.removeFirst()
        }
        // The date line is found by its date, so that "New York, {{date}}" is one too and a letter without it loses no paragraph's place.
        var dateline: [Inline]?
        if case .paragraph(let inlines) = blocks.first, inlines.map(\.plainText).joined().contains(date.unStyle) {
            dateline = inlines
            blocks.removeFirst()
        }
        return Letter(letterhead: letterhead, dateline: dateline, body: blocks)
    }

    static let letterTemplate = "letter.md"
    static let mastheadTemplate = "masthead.md"

    /// The built-in templates of the texts Word prints before the summary.
    private static let builtInFormLibrary: MustacheLibrary = {
        var library = MustacheLibrary()
        for name in [letterTemplate, mastheadTemplate] { try? library.register(BuiltInTemplates.all[name] ?? "", named: name) }
        return library
    }()

    /// `name` from `library` when it has it, else the built-in one, as
    /// Markdown parsed (raw HTML left out, links kept only when safe).
    private static func formBlocks(_ name: String, _ context: some TemplateContext, library: MustacheLibrary?) -> [Block] {
        let source = library?.getTemplate(named: name) != nil ? library! : builtInFormLibrary
        return MarkdownParser.parse(source.render(context, withTemplate: name) ?? "").blocks
    }

    /// The masthead's text for Word; nil in the letter form.
    func mastheadText(library: MustacheLibrary?) -> MastheadText? {
        guard let masthead else { return nil }
        let context = MastheadContext(masthead)
        let blocks = Self.formBlocks(Self.mastheadTemplate, context, library: library)
        guard let index = blocks.firstIndex(where: { if case .table = $0 { true } else { false } }),
            case .table(let header, let rows, _) = blocks[index]
        else { return MastheadText(table: nil, before: blocks, after: []) }
        return MastheadText(table: (header, rows), before: Array(blocks[..<index]), after: Array(blocks[(index + 1)...]))
    }

    /// The masthead of the official form; nil in the letter form.
    var masthead: Masthead? {
        guard form == .official else { return nil }
        let document = checked.forum.document
        return Masthead(
            symbol: document.symbol, distribution: document.distribution.rawValue, date: date.unStyle,
            originalLanguage: document.originalLanguage,
            session: DocumentSettings.sessionWords(document.assemblySession(forumEnd: checked.forum.end)),
            agendaItem: document.agendaItem)
    }

    /// The heading of the objectives' table: an annex of the document, an
    /// appendix of the letter's annex.
    var objectivesHeading: String {
        (form == .letter ? "Appendix" : "Annex") + ": objectives of the Global Compact"
    }
}
