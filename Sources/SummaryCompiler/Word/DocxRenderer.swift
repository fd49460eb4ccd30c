import Forum
import Foundation
import WorkingDays

/// Renders the summary's document model (the same one the Markdown and HTML
/// renderers walk) as a WordprocessingML package. Headings use Word's
/// built-in styles: sessions and the annex are Heading 1, note titles
/// Heading 2, headings inside notes Heading 3. Footnotes are real Word
/// footnotes numbered across the document in order of first reference.
struct DocxRenderer {
    /// Character formatting inherited down the inline tree. A field added
    /// here must be added to `RunStarts`' key too (it keeps each run's
    /// opening by the language, the direction and the five flags).
    struct RunFormat {
        var bold = false
        var italic = false
        var strike = false
        var code = false
        var hyperlink = false
        var language = "en"
        var rightToLeft = false

        var properties: String {
            var xml = ""
            appendProperties(to: &xml)
            return xml
        }

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

    let summary: Summary
    private(set) var hyperlinks: [String] = []
    private var hyperlinkIds: [String: Int] = [:]
    /// The pictures shown, in order of first use: each becomes one media part.
    private(set) var media: [ImageAsset] = []
    private var mediaNumbers: [String: Int] = [:]
    /// Drawings so far; each needs its own `wp:docPr` id.
    private var drawingCount = 0
    private(set) var orderedLists: [(start: Int, level: Int)] = []
    private(set) var footnoteBodies: [String] = []
    /// The footnotes of the note being rendered, numbered as in the other formats.
    private var footnoteNumbering = FootnoteNumbering()
    /// Labels of the note being rendered already cited by a footnote reference mark.
    private var referencedLabels: Set<String> = []
    private var insideFootnote = false
    private var language = "en"
    private var rightToLeft = false

    init(summary: Summary) {
        self.summary = summary
    }

    /// Adds the package's parts to `archive` in archive order (the
    /// pictures excepted: they follow). `word/document.xml`, most of the
    /// package, is deflated on another thread while its body is rendered,
    /// and so are the footnotes on a third; the parts after the document
    /// are deflated on threads of their own while the document's last
    /// pieces are. Deflating the document takes longer than rendering it:
    /// it is what the .docx waits for, and whatever is deflated after it
    /// adds to the time.
    mutating func write(to archive: inout DocxArchive) {
        let forum = summary.checked.forum
        archive.add("[Content_Types].xml", text: DocxParts.contentTypes)
        archive.add("_rels/.rels", text: DocxParts.packageRelationships)
        archive.add("docProps/core.xml", text: DocxParts.coreProperties(title: forum.title, date: Self.w3cDate(forum.start)))
        let document = StreamedPart()
        let footnotes = StreamedPart()
        document.write(DocxParts.declaration + "<w:document \(DocxParts.wordNamespaces)><w:body>")
        footnotes.write(DocxParts.declaration + "<w:footnotes \(DocxParts.wordNamespaces)>"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>")
        let (rest, restOfFootnotes) = documentBody { piece, newFootnotes in
            document.write(piece)
            footnotes.write(newFootnotes)
        }
        document.write(rest
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>")
        footnotes.write(restOfFootnotes + "</w:footnotes>")
        let relationships = DocxParts.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + DocxParts.fixedDocumentRelationships
            + hyperlinks.enumerated().map { index, target in
                "<Relationship Id=\"rId\(100 + index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"\(WordXML.escape(target))\" TargetMode=\"External\"/>"
            }.joined()
            + media.enumerated().map { index, image in
                "<Relationship Id=\"rIdImage\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"\(Self.mediaPath(index + 1, image))\"/>"
            }.joined()
            + "</Relationships>"
        let relationshipsPart = StreamedPart()
        relationshipsPart.write(relationships)
        let numbering = StreamedPart()
        numbering.write(DocxParts.numbering(orderedLists: orderedLists))
        archive.add("word/document.xml", deflated: document.finish())
        archive.add("word/_rels/document.xml.rels", deflated: relationshipsPart.finish())
        archive.add("word/styles.xml", text: DocxParts.styles)
        archive.add("word/numbering.xml", deflated: numbering.finish())
        archive.add("word/footnotes.xml", deflated: footnotes.finish())
        archive.add("word/footer1.xml", text: DocxParts.footer)
    }

    static func w3cDate(_ date: CivilDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day)
    }

    // MARK: Document

    /// The document's body, handed to `flush` in pieces of about 64 KiB as
    /// the notes are rendered, each with the footnotes rendered since the
    /// last piece; returns the last piece and the footnotes not yet handed on.
    mutating func documentBody(flush: (_ piece: String, _ footnotes: String) -> Void) -> (String, String) {
        let forum = summary.checked.forum
        var xml = paragraph(style: nil, centered: true, text: "International Migration Review Forum \(forum.edition)")
        xml += paragraph(style: "Title", text: forum.title)
        xml += paragraph(style: nil, centered: true, text: "\(forum.place), \(Summary.dateRange(forum.start, forum.end))")
        xml += paragraph(style: nil, centered: true, inlines: [.strong([.text("Summary of the President of the General Assembly")])])
        xml += tableOfContents(Session.allCases.map(\.displayName) + [Self.annexHeading])

        let notesBySession = summary.checked.noteIndicesBySession
        var footnotesFlushed = footnoteBodies.count
        for session in Session.allCases {
            xml += paragraph(style: "Heading1", text: session.displayName)
            var meta = session == .plenary
                ? Summary.dateRange(forum.plenary.first ?? forum.end, forum.plenary.last ?? forum.end)
                : forum.date(of: session).unStyle
            if session == .policyDebate, !forum.policyDebate.facilitator.isEmpty {
                meta += ". Facilitated by \(forum.policyDebate.facilitator)"
            }
            xml += paragraph(style: nil, inlines: [.emphasis([.text(meta)])])
            if let number = session.roundTableNumber, let table = forum.roundTable(number) {
                if !table.coChairs.isEmpty {
                    xml += paragraph(style: nil, inlines: [.emphasis([.text("Co-chairs: " + table.coChairs.joined(separator: " and "))])])
                }
                if let keynote = table.keynote, !keynote.isEmpty {
                    xml += paragraph(style: nil, inlines: [.emphasis([.text("Keynote: \(keynote)")])])
                }
                let objectives = table.objectives.compactMap(Objective.numbered)
                if !objectives.isEmpty {
                    xml += paragraph(style: nil, text: "Objectives of the Global Compact discussed:")
                    appendBlock(.list(ordered: false, start: 1, tight: true, items: objectives.map {
                        [.paragraph([.text("Objective \($0.number): \($0.title)")])]
                    }), depth: 0, to: &xml)
                }
            }
            let notes = notesBySession[session] ?? []
            if notes.isEmpty {
                xml += paragraph(style: nil, inlines: [.emphasis([.text("No note was received for this session.")])])
            }
            for index in notes {
                appendNote(summary.checked.notes[index], to: &xml)
                if xml.utf8.count >= 1 << 16 {
                    flush(xml, footnoteBodies[footnotesFlushed...].joined())
                    footnotesFlushed = footnoteBodies.count
                    xml = ""
                }
            }
        }

        xml += paragraph(style: "Heading1", text: Self.annexHeading)
        let addressing = summary.notesAddressing
        appendTable(
            header: ["No.", "Objective", "Short title", "Round table", "Addressed in"].map { [.strong([.text($0)])] },
            rows: Objective.all.map { objective in
                [
                    "\(objective.number)", objective.title, objective.shortTitle,
                    forum.roundTable(coveringObjective: objective.number).map { "\($0.number)" } ?? "-",
                    Summary.addressedBy(addressing[objective.number]),
                ].map { [Inline.text($0)] }
            },
            shares: [6, 38, 20, 10, 26],
            to: &xml
        )
        return (xml, footnoteBodies[footnotesFlushed...].joined())
    }

    static let annexHeading = "Annex: objectives of the Global Compact"

    /// A real Word TOC field over the Heading 1 paragraphs, as the Markdown and
    /// HTML have a contents list. Its cached result lists the entries (without
    /// page numbers, which only a layout engine knows), so the contents read
    /// right before anyone updates the field; Word's "Update Field" fills in
    /// the page numbers.
    func tableOfContents(_ entries: [String]) -> String {
        var xml = "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>\(run("Contents", format: RunFormat()))</w:p>"
        for (index, entry) in entries.enumerated() {
            var runs = ""
            if index == 0 {
                runs += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                    + "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            runs += run(entry, format: RunFormat())
            if index == entries.count - 1 { runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>\(runs)</w:p>"
        }
        return xml
    }

    // The note's paragraphs are appended to the document's text: each
    // paragraph, block and note built as a string of its own and then
    // joined to its parent's copied the whole document three times over.

    mutating func appendNote(_ note: Note, to xml: inout String) {
        language = note.language
        rightToLeft = note.isRightToLeft
        defer { language = "en"; rightToLeft = false }
        referencedLabels = []
        footnoteNumbering = FootnoteNumbering(note.document, firstNumber: footnoteBodies.count + 1)
        if let title = note.title { appendParagraph(style: "Heading2", inlines: [.text(title)], to: &xml) }
        if let segment = note.segment {
            appendParagraph(style: nil, inlines: [.emphasis([.text(segment.displayName)])], to: &xml)
        }
        if let author = note.author {
            appendParagraph(style: nil, inlines: [.emphasis([.text(author + (note.role.map { " (\($0))" } ?? ""))])], to: &xml)
        }
        appendBlocks(note.document.blocks, depth: 0, to: &xml)
        while let (id, definition) = footnoteNumbering.nextToRender() {
            insideFootnote = true
            var content = blocks(definition, depth: 0, paragraphStyle: "FootnoteText")
            insideFootnote = false
            let reference = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
            if let end = Self.endOfFirstParagraphProperties(in: content) {
                content.insert(contentsOf: reference, at: end)
            } else {
                content = "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\(reference)</w:p>" + content
            }
            footnoteBodies.append("<w:footnote w:id=\"\(id)\">\(content)</w:footnote>")
        }
    }

    /// Where the first `</w:pPr>` in `xml` ends, searched from the start
    /// (it closes the first paragraph's properties, a few dozen bytes in;
    /// the library's searchers scanned the whole footnote first).
    static func endOfFirstParagraphProperties(in xml: String) -> String.Index? {
        let target = Array("</w:pPr>".utf8)
        let utf8 = xml.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == target[0], utf8[index...].starts(with: target) {
                return utf8.index(index, offsetBy: target.count)
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block], depth: Int, paragraphStyle: String? = nil) -> String {
        var xml = ""
        appendBlocks(blocks, depth: depth, paragraphStyle: paragraphStyle, to: &xml)
        return xml
    }

    mutating func appendBlocks(_ blocks: [Block], depth: Int, paragraphStyle: String? = nil, to xml: inout String) {
        for block in blocks { appendBlock(block, depth: depth, paragraphStyle: paragraphStyle, to: &xml) }
    }

    mutating func appendBlock(_ block: Block, depth: Int, paragraphStyle: String? = nil, numbering: String? = nil, to xml: inout String) {
        switch block {
        case .paragraph(let content):
            appendParagraph(style: paragraphStyle, inlines: content, numbering: numbering, indent: numbering == nil ? depth : 0, to: &xml)
        case .heading(_, let content):
            appendParagraph(style: insideFootnote ? paragraphStyle : "Heading3", inlines: content, to: &xml)
        case .blockQuote(let children):
            appendBlocks(children, depth: depth, paragraphStyle: paragraphStyle ?? "Quote", to: &xml)
        case .list(let ordered, let start, _, let items):
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
        case .code(let text):
            var format = runFormat
            format.code = true
            let lines = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let runs = lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                (index > 0 ? "<w:r><w:br/></w:r>" : "") + run(String(line), format: format)
            }.joined()
            xml += "<w:p>\(paragraphProperties(style: paragraphStyle, indent: depth))\(runs)</w:p>"
        case .thematicBreak:
            xml += "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>"
        case .table(let header, let rows):
            appendTable(header: header.map { [.strong($0)] }, rows: rows, to: &xml)
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

    // MARK: Paragraphs and runs

    var runFormat: RunFormat {
        RunFormat(language: language, rightToLeft: rightToLeft)
    }

    func paragraphProperties(style: String?, numbering: String? = nil, indent: Int = 0, centered: Bool = false) -> String {
        var xml = ""
        if let style { xml += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numbering { xml += numbering }
        if rightToLeft { xml += "<w:bidi/>" }
        if indent > 0 { xml += "<w:ind w:left=\"\(720 * indent)\"/>" }
        if centered { xml += "<w:jc w:val=\"center\"/>" }
        return xml.isEmpty ? "" : "<w:pPr>\(xml)</w:pPr>"
    }

    mutating func paragraph(style: String?, centered: Bool = false, text: String) -> String {
        paragraph(style: style, centered: centered, inlines: [.text(text)])
    }

    mutating func paragraph(style: String?, centered: Bool = false, inlines: [Inline], numbering: String? = nil, indent: Int = 0) -> String {
        var xml = ""
        appendParagraph(style: style, centered: centered, inlines: inlines, numbering: numbering, indent: indent, to: &xml)
        return xml
    }

    mutating func appendParagraph(
        style: String?, centered: Bool = false, inlines: [Inline], numbering: String? = nil, indent: Int = 0, to xml: inout String
    ) {
        xml += "<w:p>"
        xml += paragraphProperties(style: style, numbering: numbering, indent: indent, centered: centered)
        appendRuns(inlines, format: runFormat, to: &xml)
        xml += "</w:p>"
    }

    func run(_ text: String, format: RunFormat) -> String {
        var xml = ""
        appendRun(text, format: format, to: &xml)
        return xml
    }

    // Runs are appended to their paragraph's text: they are most of the
    // document, and building each as a string of its own to join later
    // made the .docx slower to render than all the notes were to parse.

    func appendRun(_ text: String, format: RunFormat, to xml: inout String) {
        xml += runStarts.start(of: format)
        WordXML.append(text, to: &xml)
        xml += "</w:t></w:r>"
    }

    /// The opening of a run up to its text (`<w:r>`, its properties,
    /// `<w:t>`), made once per format: a run is opened for every piece of
    /// text in the summary, and building its properties each time was a
    /// good part of rendering the document.
    private let runStarts = RunStarts()

    private final class RunStarts {
        /// The language and direction of the starts kept (those of the note being rendered).
        private var language = ""
        private var rightToLeft = false
        /// By the format's five flags.
        private var starts = [String?](repeating: nil, count: 32)

        func start(of format: RunFormat) -> String {
            if format.language != language || format.rightToLeft != rightToLeft {
                language = format.language
                rightToLeft = format.rightToLeft
                starts = [String?](repeating: nil, count: 32)
            }
            let flags = (format.bold ? 1 : 0) | (format.italic ? 2 : 0) | (format.strike ? 4 : 0)
                | (format.code ? 8 : 0) | (format.hyperlink ? 16 : 0)
            if let start = starts[flags] { return start }
            var start = "<w:r>"
            format.appendProperties(to: &start)
            start += "<w:t xml:space=\"preserve\">"
            starts[flags] = start
            return start
        }
    }

    mutating func runs(_ inlines: [Inline], format: RunFormat) -> String {
        var xml = ""
        appendRuns(inlines, format: format, to: &xml)
        return xml
    }

    mutating func appendRuns(_ inlines: [Inline], format: RunFormat, to xml: inout String) {
        for inline in inlines { appendInline(inline, format: format, to: &xml) }
    }

    mutating func inline(_ inline: Inline, format: RunFormat) -> String {
        var xml = ""
        appendInline(inline, format: format, to: &xml)
        return xml
    }

    /// A media part's path relative to `word/`.
    static func mediaPath(_ number: Int, _ image: ImageAsset) -> String {
        "media/image\(number).\(image.format.fileExtension)"
    }

    /// The width of the text between the margins, in EMU (English Metric
    /// Units, 914,400 to the inch): A4 less two 1134-twip margins.
    static let textWidthEMU = (11906 - 2 * 1134) * 635

    /// The largest extent Word accepts, in EMU (ST_PositiveCoordinate).
    static let maximumCoordinate = 27_273_042_316_900

    /// A picture's extent in EMU at 96 pixels to the inch (9525 EMU a pixel),
    /// scaled down to the text width, each side kept within 1 EMU and
    /// `maximumCoordinate` whatever size a header claims.
    static func extent(pixelWidth: Int, pixelHeight: Int) -> (width: Int, height: Int) {
        // In Double: a claimed size times 9525 need not fit an Int's range checks.
        var width = Double(pixelWidth) * 9525
        var height = Double(pixelHeight) * 9525
        if width > Double(textWidthEMU) {
            height = (height * Double(textWidthEMU) / width).rounded()
            width = Double(textWidthEMU)
        }
        func clamped(_ value: Double) -> Int { Int(min(max(value, 1), Double(maximumCoordinate))) }
        return (clamped(width), clamped(height))
    }

    /// An inline picture at 96 pixels to the inch, scaled down to the text width.
    mutating func appendDrawing(_ image: ImageAsset, alt: String, to xml: inout String) {
        let number: Int
        if let existing = mediaNumbers[image.path] {
            number = existing
        } else {
            media.append(image)
            number = media.count
            mediaNumbers[image.path] = number
        }
        drawingCount += 1
        let (width, height) = Self.extent(pixelWidth: image.pixelWidth, pixelHeight: image.pixelHeight)
        let description = WordXML.escape(alt)
        xml += "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/>"
            + "<wp:docPr id=\"\(drawingCount)\" name=\"Picture \(drawingCount)\" descr=\"\(description)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(drawingCount)\" name=\"image\(number).\(image.format.fileExtension)\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdImage\(number)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
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
            let id: Int
            if let existing = hyperlinkIds[destination] {
                id = existing
            } else {
                id = 100 + hyperlinks.count
                hyperlinkIds[destination] = id
                hyperlinks.append(destination)
            }
            xml += "<w:hyperlink r:id=\"rId\(id)\">"
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
}
