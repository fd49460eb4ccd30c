/// Something the President's office must produce, with when it is due.
public struct Deliverable: Sendable, Hashable {
    public var id: String
    public var title: String
    public var due: DueRule

    public init(id: String, title: String, due: DueRule) {
        self.id = id
        self.title = title
        self.due = due
    }
}
