/// What comes before the summary in Word: the UN masthead (official form)
/// or the President's letter with the summary as its annex (letter form),
/// laid out as the other formats lay them out.
extension DocxRenderer {
    /// The masthead as `masthead.md` writes it, laid out as the UN's own
    /// Word masthead: a borderless table of two columns, its first row
    /// (small "United Nations", the symbol large on the right) over a rule;
    /// then the organ (large, bold) beside the distribution lines, over a
    /// rule; then the lines under it (the Assembly's session, the agenda item).
    mutating func appendMasthead(_ masthead: Summary.MastheadText, to xml: inout String) {
        for block in masthead.before { appendBlock(block, depth: 0, to: &xml) }
        if let (header, rows) = masthead.table {
            let width = textWidth
            let right = width * 2 / 5
            let left = width - right
            func cell(_ width: Int, _ content: String) -> String {
                "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                    + "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"
                    + "</w:tcPr>\(content.isEmpty ? "<w:p/>" : content)</w:tc>"
            }
            func line(_ inlines: [Inline], size: Int? = nil, bold: Bool = false, end: Bool = false) -> String {
                var format = runFormat
                format.bold = bold
                format.size = size
                var runs = ""
                appendRuns(inlines, format: format, to: &runs)
                return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>" + (end ? "<w:jc w:val=\"end\"/>" : "") + "</w:pPr>\(runs)</w:p>"
            }
            func column(_ row: [[Inline]], _ index: Int) -> [Inline] { row.indices.contains(index) ? row[index] : [] }
            xml +=
                "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                + "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
                + "<w:tblGrid><w:gridCol w:w=\"\(left)\"/><w:gridCol w:w=\"\(right)\"/></w:tblGrid>"
            xml += "<w:tr>" + cell(left, line(column(header, 0), size: 24)) + cell(right, line(column(header, 1), size: 40, end: true)) + "</w:tr>"
            if !rows.isEmpty {
                let organ = rows.map { column($0, 0) }.filter { !$0.isEmpty }.map { line($0, size: 40, bold: true) }.joined()
                let lines = rows.map { line(column($0, 1)) }.joined()
                xml += "<w:tr>" + cell(left, organ) + cell(right, lines) + "</w:tr>"
            }
            xml += "</w:tbl>"
            appendParagraph(style: nil, text: "", to: &xml)
        }
        for block in masthead.after { appendBlock(block, depth: 0, to: &xml) }
    }

    /// The letterhead centred in capitals, the letter's paragraphs (never
    /// numbered: they are the President's, not the summary's), then a page
    /// break and "Annex" over the summary's title.
    mutating func appendLetter(_ letter: Summary.Letter, to xml: inout String) {
        if !letter.letterhead.isEmpty {
            xml += "<w:p>" + paragraphProperties(style: nil, centered: true)
            var format = runFormat
            format.bold = true
            format.caps = true
            appendRuns(letter.letterhead, format: format, to: &xml)
            xml += "</w:p>"
        }
        if let dateline = letter.dateline {
            xml += "<w:p>" + paragraphProperties(style: nil, atEnd: true)
            appendRuns(dateline, format: runFormat, to: &xml)
            xml += "</w:p>"
        }
        for block in letter.body {
            if case .heading(_, let content) = block {
                appendParagraph(style: nil, centered: true, inlines: [.strong(content)], to: &xml)
            } else {
                appendBlock(block, depth: 0, to: &xml)
            }
        }
        xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        appendParagraph(style: nil, centered: true, inlines: [.strong([.text("Annex")])], to: &xml)
    }
}
