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
        /// Right-to-left text (`w:rtl`); its language (`w:bidi`) is
        /// `language` when that is written right to left, else unsaid.
        var rightToLeft = false
        /// Capitals (`w:caps`: the letterhead) and a size in half-points (the masthead).
        var caps = false
        var size: Int?

        // In the order of CT_RPr's sequence (ECMA-376 Part 1, 17.3.2.28): Word refuses another.
        func appendProperties(to xml: inout String) {
            xml += "<w:rPr>"
            if hyperlink { xml += "<w:rStyle w:val=\"Hyperlink\"/>" }
            if code { xml += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>" }
            if bold { xml += "<w:b/><w:bCs/>" }
            if italic { xml += "<w:i/><w:iCs/>" }
            if caps { xml += "<w:caps/>" }
            if strike { xml += "<w:strike/>" }
            if let size { xml += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            if rightToLeft { xml += "<w:rtl/>" }
            xml += "<w:lang w:val=\""
            WordXML.append(language, to: &xml)
            if rightToLeft, Note.isRightToLeft(language: language) {
                xml += "\" w:bidi=\""
                WordXML.append(language, to: &xml)
            }
            xml += "\"/></w:rPr>"
        }
    }

    /// Text of a note or of forum.yaml inside one of the summary's own
    /// lines: a title in the annex, an author's or a co-chair's name.
    struct Quoted {
        var text: String
        /// The note's language; nil for forum.yaml's text, which has none.
        var language: String?
        /// A title of a note written right to left: right to left whatever
        /// its first letter (`UNHCR و...`). Otherwise its first letter decides.
        var rightToLeft = false
    }

    /// A piece of one of the summary's own lines: its words, or quoted text.
    enum LinePiece {
        case words(String)
        case quoted(Quoted)
    }

    mutating func appendPieces(_ pieces: [LinePiece], format: RunFormat, to xml: inout String) {
        for piece in pieces {
            switch piece {
            case .words(let text): appendRun(text, format: format, to: &xml)
            case .quoted(let quoted): appendQuoted(quoted, format: format, to: &xml)
            }
        }
    }

    /// `quoted` in a run of its own, in its language. When it holds
    /// right-to-left letters, or the line is right to left, it is isolated
    /// as Unicode isolates text (FSI, or RLI for a right-to-left note's
    /// title, ... PDI), which LibreOffice and browsers honour, and the run
    /// is marked right to left (`w:rtl`, `w:lang w:bidi`) when its
    /// direction is, which Word lays out by: either way the numbers and
    /// punctuation around it stay where the line puts them.
    mutating func appendQuoted(_ quoted: Quoted, format: RunFormat, to xml: inout String) {
        let isolated = quoted.rightToLeft || format.rightToLeft || TextDirection.containsRightToLeft(quoted.text)
        let language = quoted.language ?? format.language
        guard isolated || language != format.language else { return appendRun(quoted.text, format: format, to: &xml) }
        var run = format
        run.language = language
        run.rightToLeft = quoted.rightToLeft || (TextDirection.firstStrongIsRightToLeft(quoted.text) ?? format.rightToLeft)
        xml += "<w:r>"
        run.appendProperties(to: &xml)
        xml += "<w:t xml:space=\"preserve\">"
        if isolated { xml += quoted.rightToLeft ? "\u{2067}" : "\u{2068}" }
        WordXML.append(quoted.text, to: &xml)
        if isolated { xml += "\u{2069}" }
        xml += "</w:t></w:r>"
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
