/// A note's body and footnotes rendered for one text format (HTML or
/// Markdown), the footnotes numbered across the whole document.
struct RenderedNote: Sendable {
    var body: String
    /// The footnotes the note cites, in number order, each rendered.
    var footnotes: [(number: Int, text: String)]
}
