/// A session as the templates see it. The round-table and policy-debate
/// names are absent (nil) from the other sessions, so a template that uses
/// them there finds them further up, or nothing, as it always has.
final class SectionContext: TemplateContext {
    static let names = [
        "id", "heading", "date", "notes", "hasNotes", "coChairs", "coChairNames", "hasCoChairs", "keynote", "hasKeynote",
        "hasObjectives", "objectives", "facilitator", "hasFacilitator",
    ]

    let id: TemplateText
    let heading: TemplateText
    let date: TemplateText
    let notes: [NoteContext]
    let roundTable: RoundTablePart?
    let policyDebate: PolicyDebatePart?

    init(
        id: TemplateText, heading: TemplateText, date: TemplateText, notes: [NoteContext],
        roundTable: RoundTablePart? = nil, policyDebate: PolicyDebatePart? = nil
    ) {
        self.id = id
        self.heading = heading
        self.date = date
        self.notes = notes
        self.roundTable = roundTable
        self.policyDebate = policyDebate
    }

    /// The names only a round table's section has.
    struct RoundTablePart {
        var coChairs: TemplateText
        /// The co-chairs one by one, for a template that isolates each name (`<bdi>`).
        var coChairNames: [TemplateText]
        var hasCoChairs: Bool
        var keynote: TemplateText
        var hasKeynote: Bool
        var hasObjectives: Bool
        var objectives: [ObjectiveContext]
    }

    /// The names only the policy debate's section has.
    struct PolicyDebatePart {
        var facilitator: TemplateText
        var hasFacilitator: Bool
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "heading": heading
        case "date": date
        case "notes": notes
        case "hasNotes": !notes.isEmpty
        case "coChairs": roundTable?.coChairs
        case "coChairNames": roundTable?.coChairNames
        case "hasCoChairs": roundTable?.hasCoChairs
        case "keynote": roundTable?.keynote
        case "hasKeynote": roundTable?.hasKeynote
        case "hasObjectives": roundTable?.hasObjectives
        case "objectives": roundTable?.objectives
        case "facilitator": policyDebate?.facilitator
        case "hasFacilitator": policyDebate?.hasFacilitator
        default: nil
        }
    }
}
