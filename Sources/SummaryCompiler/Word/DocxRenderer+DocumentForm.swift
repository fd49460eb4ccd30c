/// What comes before the summary in Word: the UN masthead (official form)
/// or the President's letter with the summary as its annex (letter form),
/// laid out as the other formats lay them out.
extension DocxRenderer {
    /// "United Nations" and the symbol on one line, the organ and the
    /// distribution, date and original language under it, a rule below;
    /// then the Assembly's session and the agenda item. A table without
    /// borders holds the two columns, as the UN's own Word masthead does.
    mutating func appendMasthead(_ masthead: Summary.Masthead, to xml: inout String) {
        let width = textWidth
        let right = width * 2 / 5
        let left = width - right
        func cell(_ width: Int, bottom: Bool, _ content: String) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                + (bottom ? "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>" : "")
                + "</w:tcPr>\(content)</w:tc>"
        }
        func line(_ text: String, size: Int? = nil, bold: Bool = false, end: Bool = false) -> String {
            var format = runFormat
            format.bold = bold
            var run = ""
            appendRun(text, format: format, to: &run)
            if let size { run = run.replacingOccurrences(of: "<w:rPr>", with: "<w:rPr><w:sz w:val=\"\(size)\"/>") }
            return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>" + (end ? "<w:jc w:val=\"end\"/>" : "") + "</w:pPr>\(run)</w:p>"
        }
        xml +=
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
            + "<w:tblGrid><w:gridCol w:w=\"\(left)\"/><w:gridCol w:w=\"\(right)\"/></w:tblGrid>"
        xml +=
            "<w:tr>" + cell(left, bottom: true, line("United Nations", size: 24))
            + cell(right, bottom: true, line(masthead.symbol ?? "", size: 40, end: true)) + "</w:tr>"
        xml +=
            "<w:tr>" + cell(left, bottom: true, line(masthead.organ, size: 40, bold: true))
            + cell(
                right, bottom: true,
                line("Distr.: \(masthead.distribution)") + line(masthead.date) + line("") + line("Original: \(masthead.originalLanguage)"))
            + "</w:tr></w:tbl>"
        appendParagraph(style: nil, text: "", to: &xml)
        appendParagraph(style: nil, text: masthead.session, to: &xml)
        if let item = masthead.agendaItem { appendParagraph(style: nil, text: item, to: &xml) }
    }

    /// The letterhead centred in capitals, the letter's paragraphs (never
    /// numbered: they are the President's, not the summary's), then a page
    /// break and "Annex" over the summary's title.
    mutating func appendLetter(_ letter: Summary.Letter, to xml: inout String) {
        if !letter.letterhead.isEmpty {
            xml += "<w:p>" + paragraphProperties(style: nil, centered: true)
            var format = runFormat
            format.bold = true
            var runs = ""
            appendRuns(letter.letterhead, format: format, to: &runs)
            xml += runs.replacingOccurrences(of: "<w:rPr>", with: "<w:rPr><w:caps/>") + "</w:p>"
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
