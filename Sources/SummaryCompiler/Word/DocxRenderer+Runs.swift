/// Inlines as Word runs: text with its character formatting, links,
/// breaks and footnote references.
extension DocxRenderer {
    /// Character formatting inherited down the inline tree. A flag added
    /// here must be added to `RunStarts.flags` too.
    struct RunFormat {
        var bold = false
        var italic = false
        var strike = false
        var code = false
        var hyperlink = false
        var language = "en"
        var rightToLeft = false

        func appendProperties(to xml: inout String) {
            xml += "<w:rPr>"
            if hyperlink { xml += "<w:rStyle w:val=\"Hyperlink\"/>" }
            if code { xml += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>" }
            if bold { xml += "<w:b/><w:bCs/>" }
            if italic { xml += "<w:i/><w:iCs/>" }
            if strike { xml += "<w:strike/>" }
            if rightToLeft { xml += "<w:rtl/>" }
            xml += "<w:lang w:val=\""
            WordXML.append(language, to: &xml)
            if rightToLeft {
                xml += "\" w:bidi=\""
                WordXML.append(language, to: &xml)
            }
            xml += "\"/></w:rPr>"
        }
    }

    /// The format of plain text in the note being rendered.
    var runFormat: RunFormat {
        RunFormat(language: language, rightToLeft: rightToLeft)
    }

    mutating func appendRun(_ text: String, format: RunFormat, to xml: inout String) {
        xml += runStarts.start(of: format)
        WordXML.append(text, to: &xml)
        xml += "</w:t></w:r>"
    }

    mutating func appendRuns(_ inlines: [Inline], format: RunFormat, to xml: inout String) {
        for inline in inlines { appendInline(inline, format: format, to: &xml) }
    }

    mutating func appendInline(_ inline: Inline, format: RunFormat, to xml: inout String) {
        var format = format
        switch inline {
        case .image(let source, let alt, _):
            guard let image = summary.checked.images[source] else { return appendRuns(alt, format: format, to: &xml) }
            appendDrawing(image, alt: alt.map(\.plainText).joined(), to: &xml)
        case .text(let text): appendRun(text, format: format, to: &xml)
        case .code(let text):
            format.code = true
            appendRun(text, format: format, to: &xml)
        case .emphasis(let children):
            format.italic = true
            appendRuns(children, format: format, to: &xml)
        case .strong(let children):
            format.bold = true
            appendRuns(children, format: format, to: &xml)
        case .strikethrough(let children):
            format.strike = true
            appendRuns(children, format: format, to: &xml)
        case .link(let destination, let children):
            format.hyperlink = true
            xml += "<w:hyperlink r:id=\"rId\(hyperlinkId(destination))\">"
            appendRuns(children, format: format, to: &xml)
            xml += "</w:hyperlink>"
        case .softBreak: appendRun(" ", format: format, to: &xml)
        case .lineBreak: xml += "<w:r><w:br/></w:r>"
        case .footnote(let label):
            guard let id = footnoteNumbering.number(of: label) else { return }
            // Word cannot place a footnote inside a footnote, nor two references to one footnote: those cite it by number.
            if insideFootnote || referencedLabels.contains(label) {
                xml += "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>\(id)</w:t></w:r>"
                return
            }
            referencedLabels.insert(label)
            xml += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
        }
    }

    /// The relationship number of a link's destination: one relationship
    /// per destination, numbered from 100 in order of first use.
    private mutating func hyperlinkId(_ destination: String) -> Int {
        if let existing = hyperlinkIds[destination] { return existing }
        let id = 100 + hyperlinks.count
        hyperlinkIds[destination] = id
        hyperlinks.append(destination)
        return id
    }
}
