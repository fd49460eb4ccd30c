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
        case .table(let header, let rows, let alignments):
            appendTable(header: header.map { [.strong($0)] }, rows: rows, alignments: alignments, to: &xml)
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
            numId = orderedLists.count + 2  // after the numbered paragraphs' (DocxParts.paragraphNumberingId)
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

    /// Cells beyond which a table is written compact (`appendTable`).
    static let compactTableCells = 5_000

    /// The width of the text between the margins, in twips: A4 less two
    /// 1134-twip margins.
    static let textWidthTwips = 11906 - 2 * 1134

    /// - Parameters:
    ///   - shares: each column's share of the text width (the annex's); nil
    ///     for shares measured from the cells (`contentShares`).
    ///   - alignments: the columns' alignments, empty for none.
    mutating func appendTable(
        header: [[Inline]], rows: [[[Inline]]], alignments: [TableAlignment] = [], shares: [Int]? = nil, to xml: inout String
    ) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0, 1)
        let shares = shares.flatMap { $0.count == columns && $0.allSatisfy { $0 > 0 } ? $0 : nil } ?? Self.contentShares(header, rows, columns)
        appendTable(header: header, rows: rows, columns: columns, alignments: alignments, shares: shares, to: &xml) { renderer, cell, xml in
            renderer.appendRuns(cell, format: renderer.runFormat, to: &xml)
        }
    }

    /// A table whose body cells are `Cell`s, each written by `appendCell`
    /// (the annex's are pieces of its own lines, `LinePiece`).
    /// - Parameter shares: each column's share of the text width, `columns` of them.
    mutating func appendTable<Cell>(
        header: [[Inline]], rows: [[Cell]], columns: Int, alignments: [TableAlignment] = [], shares: [Int], to xml: inout String,
        appendCell: (inout DocxRenderer, Cell, inout String) -> Void
    ) {
        let total = shares.reduce(0, +)
        let widths = shares.map { textWidth * $0 / total }
        // Fixed layout: Word and LibreOffice both take the widths given, not their own guess.
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        if rightToLeft { xml += "<w:bidiVisual/>" }
        xml += "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // A table of more cells than any note's (cmark-gfm pads every row to
        // the header's width) gets the least markup a cell can have: the grid
        // alone sizes it, Normal paragraphs, so that the part stays within
        // what XML readers take (libxml2 refuses a document over 10 MB).
        let compact = columns * (rows.count + 1) > Self.compactTableCells
        let cellStarts = widths.map { compact ? "<w:tc>" : "<w:tc><w:tcPr><w:tcW w:w=\"\($0)\" w:type=\"dxa\"/></w:tcPr>" }
        let paragraphStarts = (0..<columns).map { column in
            let properties =
                (compact ? "" : "<w:pStyle w:val=\"TableText\"/>") + (rightToLeft ? "<w:bidi/>" : "")
                + Self.justification(column < alignments.count ? alignments[column] : .none, rightToLeft: rightToLeft)
            return properties.isEmpty ? "<w:p>" : "<w:p><w:pPr>" + properties + "</w:pPr>"
        }
        // No row splits across pages; the header row repeats on each.
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for column in 0..<columns {
            xml += cellStarts[column] + paragraphStarts[column]
            if column < header.count { appendRuns(header[column], format: runFormat, to: &xml) }
            xml += "</w:p></w:tc>"
        }
        xml += "</w:tr>"
        for cells in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for column in 0..<columns {
                xml += cellStarts[column] + paragraphStarts[column]
                if column < cells.count { appendCell(&self, cells[column], &xml) }
                xml += "</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        // Word needs a paragraph between a table and what follows it; this
        // one is 6 pt high, the space a paragraph leaves under itself.
        xml += "</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>"
    }

    /// A cell paragraph's `w:jc` for a column's alignment, nothing for none.
    /// In a right-to-left paragraph Word mirrors `left` and `right` (they
    /// name the start and the end), so a column aligned right, as HTML shows
    /// it, is `left` there.
    static func justification(_ alignment: TableAlignment, rightToLeft: Bool) -> String {
        switch alignment {
        case .none: ""
        case .center: "<w:jc w:val=\"center\"/>"
        case .left: "<w:jc w:val=\"\(rightToLeft ? "right" : "left")\"/>"
        case .right: "<w:jc w:val=\"\(rightToLeft ? "left" : "right")\"/>"
        }
    }

    /// Each column's share of the width, from its cells: its longest cell
    /// up to 60 characters (longer ones wrap), at least its longest word
    /// and 4 characters, so that a column of numbers is narrow and one of
    /// sentences wide. Counted once over the cells' text, in scalars.
    static func contentShares(_ header: [[Inline]], _ rows: [[[Inline]]], _ columns: Int) -> [Int] {
        var shares = [Int](repeating: 4, count: columns)
        for cells in [header] + rows {
            for (column, cell) in cells.enumerated() where column < columns {
                var length = 0
                var word = 0
                var longestWord = 0
                for inline in cell {
                    for scalar in inline.plainText.unicodeScalars {
                        length += 1
                        word = scalar == " " ? 0 : word + 1
                        longestWord = max(longestWord, word)
                    }
                }
                shares[column] = max(shares[column], min(length, 60), longestWord)
            }
        }
        return shares
    }

    // MARK: Paragraphs

    /// - Parameter atEnd: set at the line's end (`end`: the right in a left-to-right paragraph, the left in a right-to-left one), as the masthead's symbol is.
    func paragraphProperties(style: String?, numbering: String? = nil, indent: Int = 0, centered: Bool = false, atEnd: Bool = false) -> String {
        var xml = ""
        if let style { xml += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numbering { xml += numbering }
        if rightToLeft { xml += "<w:bidi/>" }
        if indent > 0 { xml += "<w:ind w:left=\"\(720 * indent)\"/>" }
        if centered { xml += "<w:jc w:val=\"center\"/>" } else if atEnd { xml += "<w:jc w:val=\"end\"/>" }
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
