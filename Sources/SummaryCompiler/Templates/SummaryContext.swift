/// The whole summary as the templates see it.
final class SummaryContext: TemplateContext {
    static let names = [
        "title", "edition", "place", "dates", "hearingDate", "language", "dir", "sections", "annex", "footnotes",
        "hasFootnotes", "draft", "titleNamesForum", "numbered", "letterhead", "letter", "isLetter", "isOfficial", "organ", "symbol",
        "distribution", "documentDate", "originalLanguage", "assemblySession", "agendaItem", "objectivesHeading",
    ]

    let title: TemplateText
    let edition: TemplateText
    let place: TemplateText
    let dates: TemplateText
    let hearingDate: TemplateText
    let sections: [SectionContext]
    let annex: [ObjectiveContext]
    let footnotes: [FootnoteContext]
    /// Whether the title already says "International Migration Review
    /// Forum": the title block then leaves out its line naming the forum.
    var titleNamesForum = false
    /// Nil for the final text; the words a draft carries ("DRAFT: not the final text").
    var draft: TemplateText?
    /// Whether the headings carry their own numbers (I., A.): the contents list then shows none of its own.
    var numbered = false
    /// The letter form: the letterhead's text and the letter rendered in the format.
    var letterhead: TemplateText?
    var letter: TemplateText?
    /// The official form: the masthead's lines.
    var masthead: [String: TemplateText] = [:]
    var objectivesHeading = TemplateText("")

    init(
        title: TemplateText, edition: TemplateText, place: TemplateText, dates: TemplateText, hearingDate: TemplateText,
        sections: [SectionContext], annex: [ObjectiveContext], footnotes: [FootnoteContext]
    ) {
        self.title = title
        self.edition = edition
        self.place = place
        self.dates = dates
        self.hearingDate = hearingDate
        self.sections = sections
        self.annex = annex
        self.footnotes = footnotes
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "edition": edition
        case "place": place
        case "dates": dates
        case "hearingDate": hearingDate
        case "language": TemplateText("en")
        case "dir": TemplateText("ltr")
        case "sections": sections
        case "annex": annex
        case "footnotes": footnotes
        case "hasFootnotes": !footnotes.isEmpty
        // false, not nil, for the final text: a name every summary answers.
        case "draft": draft.map { $0 as Any } ?? false
        case "titleNamesForum": titleNamesForum
        case "numbered": numbered
        case "letterhead": letterhead.map { $0 as Any } ?? false
        case "letter": letter.map { $0 as Any } ?? false
        case "isLetter": letter != nil
        case "isOfficial": !masthead.isEmpty
        case "objectivesHeading": objectivesHeading
        // false, not nil, for a line the masthead leaves out (no symbol, no agenda item).
        case "organ", "symbol", "distribution", "documentDate", "originalLanguage", "assemblySession", "agendaItem":
            masthead[name].map { $0 as Any } ?? false
        default: nil
        }
    }
}
