import Forum

/// An objective of the Global Compact as the templates see it: in a round
/// table's list (no `roundTable` nor `addressedBy`) and in the annex, with
/// the round table that covers it and the notes that address it.
final class ObjectiveContext: TemplateContext {
    static let names = ["number", "title", "shortTitle", "roundTable", "addressedBy"]

    let number: TemplateNumber
    let title: TemplateText
    let shortTitle: TemplateText
    let roundTable: TemplateText?
    /// The notes that list the objective, "-" when none (the annex only).
    let addressedBy: TemplateText?

    init(_ objective: Objective, roundTable: String? = nil, addressedBy: String? = nil) {
        number = TemplateNumber(objective.number)
        title = TemplateText(objective.title)
        shortTitle = TemplateText(objective.shortTitle)
        self.roundTable = roundTable.map(TemplateText.init)
        self.addressedBy = addressedBy.map(TemplateText.init)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "shortTitle": shortTitle
        case "roundTable": roundTable
        case "addressedBy": addressedBy
        default: nil
        }
    }
}
