import Forum

/// An objective of the Global Compact as the templates see it: in a round
/// table's list (no `roundTable`) and in the annex.
final class ObjectiveContext: TemplateContext {
    static let names = ["number", "title", "shortTitle", "roundTable"]

    let number: TemplateNumber
    let title: TemplateText
    let shortTitle: TemplateText
    let roundTable: TemplateText?

    init(_ objective: Objective, roundTable: String? = nil) {
        number = TemplateNumber(objective.number)
        title = TemplateText(objective.title)
        shortTitle = TemplateText(objective.shortTitle)
        self.roundTable = roundTable.map(TemplateText.init)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "shortTitle": shortTitle
        case "roundTable": roundTable
        default: nil
        }
    }
}
