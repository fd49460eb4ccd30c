import Forum

/// An objective of the Global Compact as the templates see it: in a round
/// table's list (no `roundTable`, `addressedBy` nor `addressedIn`) and in
/// the annex, with the round table that covers it and the notes that
/// address it.
final class ObjectiveContext: TemplateContext {
    static let names = ["number", "title", "shortTitle", "roundTable", "addressedBy", "addressedIn"]

    let number: TemplateNumber
    let title: TemplateText
    let shortTitle: TemplateText
    let roundTable: TemplateText?
    /// The notes that list the objective, "-" when none (the annex only).
    let addressedBy: TemplateText?
    /// The same notes one by one, for a template that isolates each title
    /// (`<bdi>`); empty when none (the annex only).
    let addressedIn: [AddressingNoteContext]?

    init(_ objective: Objective, roundTable: String? = nil, addressedBy: String? = nil, addressedIn: [AddressingNoteContext]? = nil) {
        number = TemplateNumber(objective.number)
        title = TemplateText(objective.title)
        shortTitle = TemplateText(objective.shortTitle)
        self.roundTable = roundTable.map(TemplateText.init)
        self.addressedBy = addressedBy.map(TemplateText.init)
        self.addressedIn = addressedIn
    }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "shortTitle": shortTitle
        case "roundTable": roundTable
        case "addressedBy": addressedBy
        case "addressedIn": addressedIn
        default: nil
        }
    }
}

/// A note in the annex's "Addressed in": its session's short name, its
/// title (empty when it has none), and the title's language and direction:
/// `rtl` for a note written right to left, else `auto` (its first letter
/// decides, as `<bdi>` does by default).
final class AddressingNoteContext: TemplateContext {
    static let names = ["session", "title", "language", "dir"]

    let session: TemplateText
    let title: TemplateText
    let language: TemplateText
    let dir: TemplateText

    init(session: TemplateText, title: TemplateText, language: String, rightToLeft: Bool) {
        self.session = session
        self.title = title
        self.language = TemplateText(language)
        self.dir = TemplateText(rightToLeft ? "rtl" : "auto")
    }

    func child(named name: String) -> Any? {
        switch name {
        case "session": session
        case "title": title
        case "language": language
        case "dir": dir
        default: nil
        }
    }
}
