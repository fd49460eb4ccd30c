import Mustache

/// A number handed to the Mustache templates (a footnote's, an objective's).
/// It renders as the digits of the `Int` it holds and transforms as that
/// `Int` does (`{{plusone(number)}}`), but its digits are made once, where
/// an `Int` goes through swift-mustache's `String(describing:)` at every
/// use (three per footnote in the HTML template).
struct TemplateNumber: MustacheParent, MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let value: Int
    let renderText: String

    init(_ value: Int) {
        self.value = value
        renderText = String(value)
    }

    func child(named: String) -> Any? { nil }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { value.transform(name) }
    var description: String { renderText }
}
