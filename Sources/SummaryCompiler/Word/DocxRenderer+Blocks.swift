/// Blocks as Word paragraphs and tables.
extension DocxRenderer {
    mutating func appendBlocks(_ blocks: [Block], depth: Int, paragraphStyle: String? = nil, to xml: inout String) {
        for block in blocks { appendBlock(block, depth: depth, paragraphStyle: paragraphStyle, to: &xml) }
    }

    mutating func appendBlock(_ block: Block, depth: Int, paragraphStyle: String? = nil, numbering: String? = nil, to xml: inout String) {
        switch block {
        case .paragraph(let content):
            appendParagraph(style: paragraphStyle, inlines: content, numbering: numbering, indent: numbering == nil ? depth : 0, to: &xml)
        case .heading(let level, let content):
            // One level under the note's title (Heading 2), as in the other
            // formats; Heading 6 at most, the smallest the styles keep at body size.
            appendParagraph(style: insideFootnote ? paragraphStyle : "Heading\(min(level + 2, 6))", inlines: content, to: &xml)
        case .blockQuote(let children):
            appendBlocks(children, depth: depth, paragraphStyle: paragraphStyle ?? "Quote", to: &xml)
        case .list(let ordered, let start, _, let items):
            appendList(ordered: ordered, start: start, items: items, depth: depth, paragraphStyle: paragraphStyle, to: &xml)
        case .code(let text):
            var format = runFormat
            format.code = true
            let lines = text.hasSuffix("\n") ? String(text.dropLast()) : text
            xml += "<w:p>" + paragraphProperties(style: paragraphStyle, indent: depth)
            for (index, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { xml += "<w:r><w:br/></w:r>" }
                appendRun(String(line), format: format, to: &xml)
            }
            xml += "</w:p>"
        case .thematicBreak:
            xml += "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>"
        case .table(let header, let rows):
            appendTable(header: header.map { [.strong($0)] }, rows: rows, to: &xml)
        }
    }

    /// A list's items as numbered paragraphs: each item's first paragraph
    /// carries the number or bullet, its other blocks are indented under it.
    /// Every ordered list is a numbering instance of its own (it restarts at
    /// `start`); bullets share one.
    private mutating func appendList(
        ordered: Bool, start: Int, items: [[Block]], depth: Int, paragraphStyle: String?, to xml: inout String
    ) {
        let numId: Int
        if ordered {
            orderedLists.append((start, depth))
            numId = orderedLists.count + 1
        } else {
            numId = 1
        }
        let style = ordered ? "ListNumber" : "ListBullet"
        for item in items {
            for (index, child) in item.enumerated() {
                if index == 0, case .paragraph = child {
                    let numPr = "<w:numPr><w:ilvl w:val=\"\(depth)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>"
                    appendBlock(child, depth: depth, paragraphStyle: paragraphStyle ?? style, numbering: numPr, to: &xml)
                } else {
                    appendBlock(child, depth: depth + 1, paragraphStyle: paragraphStyle, to: &xml)
                }
            }
        }
    }

    /// The width of the text between the margins, in twips: A4 less two
    /// 1134-twip margins.
    static let textWidthTwips = 11906 - 2 * 1134

    /// - Parameter shares: each column's share of the text width (the
    ///   annex's); nil for columns of equal width (a note's tables).
    mutating func appendTable(header: [[Inline]], rows: [[[Inline]]], shares: [Int]? = nil, to xml: inout String) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0, 1)
        let widths: [Int]
        if let shares, shares.count == columns, shares.allSatisfy({ $0 > 0 }) {
            let total = shares.reduce(0, +)
            widths = shares.map { Self.textWidthTwips * $0 / total }
        } else {
            widths = Array(repeating: Self.textWidthTwips / columns, count: columns)
        }
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        if rightToLeft { xml += "<w:bidiVisual/>" }
        xml += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        let cellStarts = widths.map { "<w:tc><w:tcPr><w:tcW w:w=\"\($0)\" w:type=\"dxa\"/></w:tcPr>" }
        for (index, cells) in ([header] + rows).enumerated() {
            xml += index == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for column in 0..<columns {
                xml += cellStarts[column]
                appendParagraph(style: nil, inlines: column < cells.count ? cells[column] : [], to: &xml)
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        // Word needs a paragraph between a table and what follows it.
        xml += "</w:tbl><w:p/>"
    }

    // MARK: Paragraphs

    func paragraphProperties(style: String?, numbering: String? = nil, indent: Int = 0, centered: Bool = false) -> String {
        var xml = ""
        if let style { xml += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numbering { xml += numbering }
        if rightToLeft { xml += "<w:bidi/>" }
        if indent > 0 { xml += "<w:ind w:left=\"\(720 * indent)\"/>" }
        if centered { xml += "<w:jc w:val=\"center\"/>" }
        return xml.isEmpty ? "" : "<w:pPr>\(xml)</w:pPr>"
    }

    mutating func appendParagraph(style: String?, centered: Bool = false, text: String, to xml: inout String) {
        appendParagraph(style: style, centered: centered, inlines: [.text(text)], to: &xml)
    }

    mutating func appendParagraph(
        style: String?, centered: Bool = false, inlines: [Inline], numbering: String? = nil, indent: Int = 0, to xml: inout String
    ) {
        xml += "<w:p>"
        xml += paragraphProperties(style: style, numbering: numbering, indent: indent, centered: centered)
        appendRuns(inlines, format: runFormat, to: &xml)
        xml += "</w:p>"
    }
}
