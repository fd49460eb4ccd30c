/// A note as the templates see it: front matter already escaped for the
/// format, and the body already rendered.
final class NoteContext: TemplateContext {
    static let names = ["title", "author", "role", "segment", "language", "dir", "body"]

    let title: TemplateText
    let author: TemplateText
    let role: TemplateText
    /// The plenary segment's name ("Opening segment"), empty when the note names none.
    let segment: TemplateText
    let language: TemplateText
    let dir: TemplateText
    let body: TemplateText

    init(
        title: TemplateText, author: TemplateText, role: TemplateText, segment: TemplateText,
        language: TemplateText, dir: TemplateText, body: TemplateText
    ) {
        self.title = title
        self.author = author
        self.role = role
        self.segment = segment
        self.language = language
        self.dir = dir
        self.body = body
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "author": author
        case "role": role
        case "segment": segment
        case "language": language
        case "dir": dir
        case "body": body
        default: nil
        }
    }
}
