/// A footnote as the templates see it: its document-wide number, its HTML or
/// Markdown body, the Markdown body indented to stay in its definition, and
/// the language and direction of the note that cites it (the footnotes stand
/// together at the end, outside their note's element).
final class FootnoteContext: TemplateContext {
    static let names = ["number", "body", "markdownBody", "linkedBody", "language", "dir"]

    let number: TemplateNumber
    let body: TemplateText
    let language: TemplateText
    let dir: TemplateText

    init(number: Int, body: TemplateText, language: TemplateText = TemplateText("en"), dir: TemplateText = TemplateText("ltr")) {
        self.number = TemplateNumber(number)
        self.body = body
        self.language = language
        self.dir = dir
    }

    /// Made when a template asks for it (the Markdown one does, once per
    /// footnote), not for every footnote of every format.
    var markdownBody: TemplateText { TemplateText(Summary.indentingContinuationLines(body.text)) }

    /// The HTML body with its back-link to the reference inside its last
    /// paragraph, so that the arrow ends the text instead of standing on a
    /// line of its own; after the body when it ends with another block.
    var linkedBody: TemplateText {
        // A no-break space: the arrow never wraps onto a line of its own.
        let link = "&#160;<a href=\"#fnref\(number.renderText)\" class=\"footnote-back\">&#8617;</a>"
        var text = body.text
        if text.hasSuffix("</p>") {
            text.insert(contentsOf: link, at: text.utf8.index(text.endIndex, offsetBy: -4))
        } else {
            text += link
        }
        return TemplateText(text)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "body": body
        case "markdownBody": markdownBody
        case "linkedBody": linkedBody
        case "language": language
        case "dir": dir
        default: nil
        }
    }
}
