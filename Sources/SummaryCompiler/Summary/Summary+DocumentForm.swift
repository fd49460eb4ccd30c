import Forum
import Mustache
import WorkingDays

/// What comes before the summary (forum.yaml `document.form`): the
/// President's letter, the summary as its annex, or the UN masthead.
extension Summary {
    /// The letter as the templates' Markdown made it: its letterhead (the
    /// template's first heading, centred) and its paragraphs.
    struct Letter: Sendable {
        var letterhead: [Inline]
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
        var agendaItem: String?
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
        let source = library?.getTemplate(named: Self.letterTemplate) != nil ? library! : Self.builtInLetterLibrary
        var blocks = MarkdownParser.parse(source.render(context, withTemplate: Self.letterTemplate) ?? "").blocks
        var letterhead: [Inline] = []
        if case .heading(_, let inlines) = blocks.first {
            letterhead = inlines
            blocks.removeFirst()
        }
        return Letter(letterhead: letterhead, body: blocks)
    }

    static let letterTemplate = "letter.md"

    private static let builtInLetterLibrary: MustacheLibrary = {
        var library = MustacheLibrary()
        try? library.register(BuiltInTemplates.all[letterTemplate] ?? "", named: letterTemplate)
        return library
    }()

    /// The masthead of the official form; nil in the letter form.
    var masthead: Masthead? {
        guard form == .official else { return nil }
        let document = checked.forum.document
        return Masthead(
            symbol: document.symbol, distribution: document.distribution.rawValue, date: date.unStyle,
            originalLanguage: document.originalLanguage,
            session: DocumentSettings.sessionWords(document.assemblySession(forumEnd: checked.forum.end)),
            agendaItem: document.agendaItem.map { "Agenda item \($0)" })
    }

    /// The heading of the objectives' table: an annex of the document, an
    /// appendix of the letter's annex.
    var objectivesHeading: String {
        (form == .letter ? "Appendix" : "Annex") + ": objectives of the Global Compact"
    }
}
