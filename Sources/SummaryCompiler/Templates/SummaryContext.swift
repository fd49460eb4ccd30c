/// The whole summary as the templates see it.
final class SummaryContext: TemplateContext {
    static let names = [
        "title", "edition", "place", "dates", "hearingDate", "language", "dir", "sections", "annex", "footnotes",
        "hasFootnotes", "draft", "titleNamesForum",
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
        default: nil
        }
    }
}
