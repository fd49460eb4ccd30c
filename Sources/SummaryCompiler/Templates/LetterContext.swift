/// The values the letter's template (`letter.md`) sees, escaped for
/// Markdown: the template is Markdown, and a value is never markup.
final class LetterContext: TemplateContext {
    static let names = ["title", "edition", "place", "dates", "date", "president"]

    let values: [String: TemplateText]

    init(title: String, edition: String, place: String, dates: String, date: String, president: String?) {
        let escape = BodyRenderer.escapeMarkdown
        var values = [
            "title": TemplateText(escape(title)), "edition": TemplateText(escape(edition)), "place": TemplateText(escape(place)),
            "dates": TemplateText(escape(dates)), "date": TemplateText(escape(date)),
        ]
        if let president { values["president"] = TemplateText(escape(president)) }
        self.values = values
    }

    // A missing president is false, not nil: `{{#president}}` then leaves the name's line out.
    func child(named name: String) -> Any? { values[name] ?? (name == "president" ? false : nil) }
}
