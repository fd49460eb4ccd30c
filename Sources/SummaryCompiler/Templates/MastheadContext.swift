/// The values the Word masthead's template (`masthead.md`) sees, escaped
/// for Markdown: the template is Markdown, and a value is never markup.
final class MastheadContext: TemplateContext {
    static let names = ["organ", "symbol", "distribution", "date", "originalLanguage", "session", "agendaItem"]

    let values: [String: TemplateText]

    init(_ masthead: Summary.Masthead) {
        let escape = BodyRenderer.escapeMarkdown
        var values = [
            "organ": TemplateText(escape(masthead.organ)), "distribution": TemplateText(escape(masthead.distribution)),
            "date": TemplateText(escape(masthead.date)), "originalLanguage": TemplateText(escape(masthead.originalLanguage)),
            "session": TemplateText(escape(masthead.session)),
        ]
        if let symbol = masthead.symbol { values["symbol"] = TemplateText(escape(symbol)) }
        if let item = masthead.agendaItem { values["agendaItem"] = TemplateText(escape(item)) }
        self.values = values
    }

    // An absent symbol or agenda item is false, not nil: a section over it is left out.
    func child(named name: String) -> Any? { values[name] ?? (name == "symbol" || name == "agendaItem" ? false : nil) }
}
