/// A footnote as the templates see it: its document-wide number, its HTML or
/// Markdown body, and the Markdown body indented to stay in its definition.
final class FootnoteContext: TemplateContext {
    static let names = ["number", "body", "markdownBody"]

    let number: TemplateNumber
    let body: TemplateText
    let markdownBody: TemplateText

    init(number: Int, body: TemplateText, markdownBody: TemplateText) {
        self.number = TemplateNumber(number)
        self.body = body
        self.markdownBody = markdownBody
    }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "body": body
        case "markdownBody": markdownBody
        default: nil
        }
    }
}
