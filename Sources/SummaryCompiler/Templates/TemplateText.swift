import Mustache

/// A piece of text handed to the Mustache templates. It renders, escapes
/// and transforms (`uppercased(title)`) exactly as the `String` it holds,
/// but a template that opens a section on it (`{{#title}}…{{title}}…{{/title}}`)
/// finds no names in it at once: swift-mustache looks a name up in a plain
/// `String` through `Mirror`, a reflection at every lookup (Benchmarks/README.md).
/// A `String` has no children to find either, so the names resolve further
/// up the context exactly as they would past a `String`.
///
/// An empty text is Mustache's "null": `{{#role}} ({{role}}){{/role}}`
/// prints nothing for a note without a role (a `String`, even empty, opens
/// its section in swift-mustache), and `{{^role}}` prints its content.
struct TemplateText: MustacheParent, MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    var text: String

    init(_ text: String) { self.text = text }

    func child(named: String) -> Any? { nil }
    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func transform(_ name: String) -> Any? { text.transform(name) }
    var description: String { text }
}
