/// A footnote as the templates see it: its document-wide number, its HTML or
/// Markdown body, and the Markdown body indented to stay in its definition.
final class FootnoteContext: TemplateContext {
    static let names = ["number", "body", "markdownBody"]

    let number: TemplateNumber
    let body: TemplateText

    init(number: Int, body: TemplateText) {
        self.number = TemplateNumber(number)
        self.body = body
    }

    /// Made when a template asks for it (the Markdown one does, once per
    /// footnote), not for every footnote of every format.
    var markdownBody: TemplateText { TemplateText(Summary.indentingContinuationLines(body.text)) }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "body": body
        case "markdownBody": markdownBody
        default: nil
        }
    }
}
