import Forum

/// One note as the HTML summary shows it: the same renderer, the same
/// escaping, footnotes, tables and direction (`dir="rtl"` for Arabic), for
/// the web intake's preview. The markup is that of `summary.html.mustache`'s
/// note (`<div class="note" lang dir>`: title, segment, author and role,
/// body) followed by the note's footnotes, numbered from 1.
public struct NotePreview: Sendable {
    /// The note's HTML: everything from the note escaped; no raw HTML,
    /// script or `javascript:` link can come from it (cmark-gfm runs
    /// without `CMARK_OPT_UNSAFE`).
    public var html: String

    /// - Parameter images: the workspace's pictures (`CheckedNotes.images`);
    ///   a picture not found renders as its alt text.
    public init(_ note: Note, images: [String: ImageAsset] = [:]) {
        let escape = BodyRenderer.htmlEscaper.escape
        var numbering = FootnoteNumbering(note.document, firstNumber: 1)
        let renderer = BodyRenderer(format: .html, images: images) { numbering.number(of: $0) }
        let body = renderer.blocks(note.document.blocks)
        var footnotes: [(number: Int, text: String)] = []
        while let (number, blocks, _) = numbering.nextToRender() {
            footnotes.append((number, renderer.blocks(blocks)))
        }
        let languageAndDirection = "lang=\"\(escape(note.language))\" dir=\"\(note.isRightToLeft ? "rtl" : "ltr")\""
        var html = "<div class=\"note\" \(languageAndDirection)>\n"
        if let title = note.title { html += "<h3>\(escape(title))</h3>\n" }
        if let segment = note.segment { html += "<p class=\"meta\">\(escape(segment.displayName))</p>\n" }
        if let author = note.author {
            html += "<p class=\"meta\">\(escape(author))" + (note.roleWords.map { " (\(escape($0)))" } ?? "") + "</p>\n"
        }
        html += body + "\n</div>\n"
        if !footnotes.isEmpty {
            html += "<section class=\"footnotes\" \(languageAndDirection)>\n<ol>\n"
            for (number, text) in footnotes {
                html += "<li id=\"fn\(number)\">\(FootnoteContext(number: number, body: TemplateText(text)).linkedBody.text)</li>\n"
            }
            html += "</ol>\n</section>\n"
        }
        self.html = html
    }
}
