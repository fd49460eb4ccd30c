import Diagnostics

/// What cannot be kept, found in a paragraph; said with the paragraph's
/// number and first words once its text is known.
struct Loss {
    var message: String
    var hint: String?
    /// A loss that refuses the whole file (tracked changes).
    var refuses = false
}

/// Reads one story (the body, or a footnote or endnote) into blocks: the
/// paragraphs, the tables, and in them the runs with their formatting,
/// links, footnote references and pictures. Everything it cannot keep is
/// a `Loss` at its paragraph, never dropped silently.
final class StoryReader {
    let package: WordPackage
    let styles: WordStyles
    let numbering: WordNumbering
    let relationships: [String: Relationship]
    let comments: [String: (author: String, text: String)]
    let picturePrefix: String
    /// The folder the body names pictures in ("" for beside the note).
    let pictureFolder: String
    /// What the story is called in messages ("paragraph", "footnote 2, paragraph").
    var storyName = "paragraph"

    var diagnostics: [Diagnostic] = []
    var pictures: [(name: String, bytes: [UInt8])] = []
    /// Labels of the footnotes and endnotes referred to, in order: ("f", id) or ("e", id).
    var noteLabels: [(kind: String, id: String, label: String)] = []
    var refused = false

    private var paragraphCount = 0
    private var losses: [Loss] = []
    /// Complex fields open (`w:fldChar`): instruction text until `separate`, then the result.
    private var fields: [(instruction: String, inResult: Bool, kind: FieldKind)] = []
    private var linkOpen = false

    enum FieldKind { case hyperlink, pageNumber, other }

    init(
        package: WordPackage, styles: WordStyles, numbering: WordNumbering, relationships: [String: Relationship],
        comments: [String: (author: String, text: String)], picturePrefix: String, pictureFolder: String = ""
    ) {
        self.package = package
        self.styles = styles
        self.numbering = numbering
        self.relationships = relationships
        self.comments = comments
        self.picturePrefix = picturePrefix
        self.pictureFolder = pictureFolder
    }

    /// The blocks up to the end of the element `end`.
    func blocks(_ reader: XMLReader, until end: String) throws(XMLProblem) -> [WordBlock] {
        var blocks: [WordBlock] = []
        while let event = try reader.next() {
            switch event {
            case .end(let name) where name == end: return blocks
            case .start(let element):
                switch element.name {
                case "w:p": blocks.append(.paragraph(try paragraph(reader)))
                case "w:tbl": blocks.append(.table(try table(reader)))
                case "w:sdt", "w:sdtContent", "w:customXml", "w:smartTag": continue
                case "w:sdtPr", "w:sectPr", "w:sdtEndPr": try reader.skipElement(element.name)
                default:
                    if Self.trackedChanges.contains(element.name) {
                        paragraphCount += 1
                        refuse(at: WordParagraph(number: paragraphCount))
                    }
                    try reader.skipElement(element.name)
                }
            default: continue
            }
        }
        return blocks
    }

    static let trackedChanges: Set<String> = [
        "w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange",
        "w:trPrChange", "w:tcPrChange", "w:tblGridChange", "w:numberingChange", "w:cellIns", "w:cellDel", "w:cellMerge",
    ]

    private func refuse(at paragraph: WordParagraph) {
        losses.append(
            Loss(
                message: "the document has tracked changes", hint: "accept or reject the changes in Word first (Review, Accept), then save",
                refuses: true))
        report(paragraph)
    }

    // MARK: Paragraphs

    func paragraph(_ reader: XMLReader) throws(XMLProblem) -> WordParagraph {
        paragraphCount += 1
        var paragraph = WordParagraph(number: paragraphCount)
        var style: String?
        var list: (id: String, level: Int)?
        var outline: Int?
        var rightToLeft: Bool?
        while let event = try reader.next() {
            switch event {
            case .end("w:p"):
                if let id = list?.id ?? styles.numbering(style)?.id, id != "0", numbering.exists(list: id) {
                    paragraph.list = (id, list?.level ?? styles.numbering(style)?.level ?? 0)
                }
                paragraph.headingLevel = outline.map { $0 < 9 ? min($0 + 1, 6) : nil } ?? styles.headingLevel(style)
                if paragraph.headingLevel != nil { paragraph.list = nil }
                paragraph.isRightToLeft = rightToLeft ?? styles.isRightToLeft(style)
                if linkOpen {
                    paragraph.pieces.append(.linkEnd)
                    linkOpen = false
                }
                report(paragraph)
                return paragraph
            case .start(let element):
                if element.name == "w:pPr" {
                    try properties(reader) { element in
                        switch element.name {
                        case "w:pStyle": style = element["w:val"]
                        case "w:numId": list = (element["w:val"] ?? "0", list?.level ?? 0)
                        case "w:ilvl": list = (list?.id ?? "0", wordLevel(element["w:val"]) ?? 0)
                        case "w:bidi": rightToLeft = isOn(element)
                        case "w:outlineLvl": outline = wordLevel(element["w:val"])
                        default: break
                        }
                    }
                    if let id = list?.id, id == "0" { list = nil }
                    if list != nil, let id = list?.id, !numbering.exists(list: id) { list = nil }
                } else {
                    try inline(element, reader, into: &paragraph)
                }
            default: continue
            }
        }
        return paragraph
    }

    /// Reads a properties element (`w:pPr`, `w:rPr`), calling `each` for
    /// every element in it except the tracked formatting changes, which refuse.
    private func properties(_ reader: XMLReader, _ each: (XMLElement) -> Void) throws(XMLProblem) {
        var depth = 1
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                if Self.trackedChanges.contains(element.name) {
                    losses.append(
                        Loss(
                            message: "the document has tracked changes",
                            hint: "accept or reject the changes in Word first (Review, Accept), then save", refuses: true))
                    try reader.skipElement(element.name)
                    continue
                }
                each(element)
                depth += 1
            case .end:
                depth -= 1
                if depth == 0 { return }
            case .text: break
            }
        }
    }

    /// One element inside a paragraph (a run, a link, a field, a comment mark...).
    private func inline(_ element: XMLElement, _ reader: XMLReader, into paragraph: inout WordParagraph) throws(XMLProblem) {
        switch element.name {
        case "w:r": try run(reader, into: &paragraph)
        case "w:hyperlink":
            let target = element["r:id"].flatMap { relationships[$0] }
            let url = target.flatMap { $0.isExternal ? $0.target : nil }
            let external = url.map(Self.isExternal) ?? false
            if external, let url { paragraph.pieces.append(.linkStart(url)) }
            try inlines(reader, until: element.name, into: &paragraph)
            if external { paragraph.pieces.append(.linkEnd) } else { linkKeptAsText(url ?? element["w:anchor"].map { "#" + $0 }) }
        case "w:fldSimple":
            let instruction = element["w:instr"] ?? ""
            switch Self.fieldKind(instruction) {
            case .pageNumber: try reader.skipElement(element.name)
            case .hyperlink:
                let url = Self.hyperlinkTarget(instruction)
                let external = url.map(Self.isExternal) ?? false
                if external, let url { paragraph.pieces.append(.linkStart(url)) }
                try inlines(reader, until: element.name, into: &paragraph)
                if external { paragraph.pieces.append(.linkEnd) } else { linkKeptAsText(url) }
            case .other:
                fieldKeptAsText(instruction)
                try inlines(reader, until: element.name, into: &paragraph)
            }
        case "w:sdt", "w:sdtContent", "w:smartTag", "w:customXml", "w:dir", "w:bdo":
            try inlines(reader, until: element.name, into: &paragraph)
        case "w:sdtPr", "w:sdtEndPr", "w:smartTagPr", "w:customXmlPr": try reader.skipElement(element.name)
        case "m:oMath", "m:oMathPara":
            losses.append(Loss(message: "an equation was left out", hint: "type it as text, or send it to the office as a picture"))
            try reader.skipElement(element.name)
        case "mc:AlternateContent": try alternateContent(reader, into: &paragraph)
        default:
            if Self.trackedChanges.contains(element.name) {
                losses.append(
                    Loss(
                        message: "the document has tracked changes",
                        hint: "accept or reject the changes in Word first (Review, Accept), then save", refuses: true))
            }
            try reader.skipElement(element.name)
        }
    }

    private func inlines(_ reader: XMLReader, until end: String, into paragraph: inout WordParagraph) throws(XMLProblem) {
        while let event = try reader.next() {
            switch event {
            case .end(let name) where name == end: return
            case .start(let element): try inline(element, reader, into: &paragraph)
            default: continue
            }
        }
    }

    /// Markup compatibility: the first choice is read, the fallback (the
    /// same thing for older readers) skipped, so nothing is read twice.
    private func alternateContent(_ reader: XMLReader, into paragraph: inout WordParagraph) throws(XMLProblem) {
        var chosen = false
        while let event = try reader.next() {
            switch event {
            case .end("mc:AlternateContent"): return
            case .start(let element):
                if element.name == "mc:Choice", !chosen {
                    chosen = true
                    try runContent(reader, until: element.name, into: &paragraph, format: RunFormat())
                } else {
                    try reader.skipElement(element.name)
                }
            default: continue
            }
        }
    }

    // MARK: Runs

    private func run(_ reader: XMLReader, into paragraph: inout WordParagraph) throws(XMLProblem) {
        var format = RunFormat()
        while let event = try reader.next() {
            switch event {
            case .end("w:r"): return
            case .start(let element):
                if element.name == "w:rPr" {
                    var direct: [String: Bool] = [:]
                    var characterStyle: String?
                    try properties(reader) { element in
                        switch element.name {
                        case "w:rStyle": characterStyle = element["w:val"]
                        case "w:b", "w:i", "w:strike", "w:dstrike": direct[element.name] = isOn(element)
                        case "w:u": direct["w:u"] = (element["w:val"] ?? "single") != "none"
                        default: break
                        }
                    }
                    if let characterStyle, let style = styles.styles[characterStyle] { format = style.format }
                    if let bold = direct["w:b"] { format.bold = bold }
                    if let italic = direct["w:i"] { format.italic = italic }
                    if let strike = direct["w:strike"] ?? direct["w:dstrike"] { format.strike = strike }
                    if direct["w:u"] == true { format.italic = true }
                } else {
                    try runElement(element, reader, into: &paragraph, format: format)
                }
            default: continue
            }
        }
    }

    private func runContent(
        _ reader: XMLReader, until end: String, into paragraph: inout WordParagraph, format: RunFormat
    )
        throws(XMLProblem)
    {
        while let event = try reader.next() {
            switch event {
            case .end(let name) where name == end: return
            case .start(let element): try runElement(element, reader, into: &paragraph, format: format)
            default: continue
            }
        }
    }

    private var fieldHidesText: Bool {
        fields.contains { !$0.inResult || $0.kind == .pageNumber }
    }

    private func runElement(
        _ element: XMLElement, _ reader: XMLReader, into paragraph: inout WordParagraph, format: RunFormat
    )
        throws(XMLProblem)
    {
        switch element.name {
        case "w:t":
            let text = try reader.text(of: element.name)
            if !fieldHidesText { append(text, format, to: &paragraph) }
        case "w:tab", "w:ptab": if !fieldHidesText { append(" ", format, to: &paragraph) }
        case "w:br":
            let type = element["w:type"] ?? "textWrapping"
            if type == "textWrapping", !fieldHidesText { paragraph.pieces.append(.lineBreak) }
            try reader.skipElement(element.name)
        case "w:cr": if !fieldHidesText { paragraph.pieces.append(.lineBreak) }
        case "w:noBreakHyphen": if !fieldHidesText { append("\u{2011}", format, to: &paragraph) }
        case "w:sym":
            losses.append(
                Loss(message: "a symbol from the font '\(element["w:font"] ?? "?")' was left out", hint: "use Insert, Symbol with a Unicode font"))
        case "w:instrText":
            let text = try reader.text(of: element.name)
            if let last = fields.indices.last, !fields[last].inResult { fields[last].instruction += text }
        case "w:fldChar":
            switch element["w:fldCharType"] {
            case "begin": fields.append(("", false, .other))
            case "separate":
                if let last = fields.indices.last {
                    fields[last].inResult = true
                    let instruction = fields[last].instruction
                    fields[last].kind = Self.fieldKind(instruction)
                    switch fields[last].kind {
                    case .hyperlink:
                        if let url = Self.hyperlinkTarget(instruction), Self.isExternal(url), !linkOpen {
                            paragraph.pieces.append(.linkStart(url))
                            linkOpen = true
                        } else {
                            linkKeptAsText(Self.hyperlinkTarget(instruction))
                        }
                    case .other: fieldKeptAsText(instruction)
                    case .pageNumber: break
                    }
                }
            case "end":
                if let field = fields.popLast(), field.kind == .hyperlink, linkOpen {
                    paragraph.pieces.append(.linkEnd)
                    linkOpen = false
                }
            default: break
            }
            try reader.skipElement(element.name)
        case "w:footnoteReference", "w:endnoteReference":
            if let id = element["w:id"] {
                let label = String(noteLabels.count + 1)
                noteLabels.append((element.name == "w:footnoteReference" ? "f" : "e", id, label))
                paragraph.pieces.append(.footnote(label: label))
            }
            try reader.skipElement(element.name)
        case "w:commentReference":
            // Every comment has one reference, a range or not.
            if let id = element["w:id"] { commentDropped(id) }
            try reader.skipElement(element.name)
        case "w:drawing": try drawing(reader, into: &paragraph)
        case "w:pict":
            losses.append(Loss(message: "a shape or text box was left out", hint: "put its text in the note's paragraphs"))
            try reader.skipElement(element.name)
        case "w:object":
            losses.append(Loss(message: "an embedded object was left out", hint: "paste its content as text or a table, or send it as a picture"))
            try reader.skipElement(element.name)
        case "mc:AlternateContent": try alternateContent(reader, into: &paragraph)
        case "w:delText":
            try reader.skipElement(element.name)
        default:
            try reader.skipElement(element.name)
        }
    }

    private func append(_ text: String, _ format: RunFormat, to paragraph: inout WordParagraph) {
        guard !text.isEmpty else { return }
        if case .text(let previous, let previousFormat) = paragraph.pieces.last, previousFormat == format {
            paragraph.pieces[paragraph.pieces.count - 1] = .text(previous + text, format)
        } else {
            paragraph.pieces.append(.text(text, format))
        }
    }

    // MARK: Drawings

    /// A `w:drawing`: a picture (PNG or JPEG) is kept under a safe name; a
    /// chart, shape, text box or picture of another format is said.
    private func drawing(_ reader: XMLReader, into paragraph: inout WordParagraph) throws(XMLProblem) {
        var alt = ""
        var embed: String?
        var kind = "a drawing"
        var depth = 1
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                depth += 1
                switch element.name {
                case "wp:docPr": alt = element["descr"] ?? element["title"] ?? ""
                case "a:graphicData":
                    let uri = element["uri"] ?? ""
                    if uri.hasSuffix("/chart") { kind = "a chart" }
                    if uri.hasSuffix("/picture") { kind = "a picture" }
                    if uri.hasSuffix("wordprocessingShape") { kind = "a shape" }
                    if uri.hasSuffix("/diagram") { kind = "a SmartArt diagram" }
                case "a:blip": embed = element["r:embed"]
                case "wps:txbx":
                    kind = "a text box"
                    try reader.skipElement(element.name)
                    depth -= 1
                default: break
                }
            case .end:
                depth -= 1
                if depth == 0 {
                    finishDrawing(kind: kind, embed: embed, alt: alt, into: &paragraph)
                    return
                }
            case .text: break
            }
        }
    }

    private func finishDrawing(kind: String, embed: String?, alt: String, into paragraph: inout WordParagraph) {
        guard kind == "a picture", let embed, let relationship = relationships[embed], !relationship.isExternal else {
            let hint =
                kind == "a text box" || kind == "a shape"
                ? "put its text in the note's paragraphs" : "save it as a picture (PNG or JPEG) and insert the picture instead"
            losses.append(Loss(message: "\(kind) was left out", hint: hint))
            return
        }
        let target = Self.partName(relationship.target, from: "word/")
        guard let bytes = try? package.part(target) else {
            losses.append(Loss(message: "a picture was left out: the file is damaged", hint: "insert the picture again"))
            return
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let fileExtension = bytes.starts(with: png) ? "png" : bytes.starts(with: [0xFF, 0xD8, 0xFF]) ? "jpg" : nil
        guard let fileExtension else {
            losses.append(
                Loss(message: "a picture that is neither PNG nor JPEG was left out", hint: "save it as PNG or JPEG and insert it again"))
            return
        }
        let name = "\(picturePrefix)-\(pictures.count + 1).\(fileExtension)"
        pictures.append((name, bytes))
        paragraph.pieces.append(.picture(name: pictureFolder.isEmpty ? name : pictureFolder + "/" + name, alt: alt))
    }

    /// The part a relationship's target names, relative to `base` (word/).
    static func partName(_ target: String, from base: String) -> String {
        var parts = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    // MARK: Tables

    func table(_ reader: XMLReader) throws(XMLProblem) -> WordTable {
        var rows: [[[WordParagraph]]] = []
        var merged = false
        var nested = false
        var firstParagraph: WordParagraph?
        while let event = try reader.next() {
            switch event {
            case .end("w:tbl"):
                if merged || nested, let first = firstParagraph {
                    if merged {
                        losses.append(
                            Loss(message: "a table's merged cells were split: the text is in the first of them", hint: "check the table in the note"))
                    }
                    if nested {
                        losses.append(Loss(message: "a table inside a table cell was flattened to text", hint: "check the table in the note"))
                    }
                    report(first)
                }
                return WordTable(rows: rows)
            case .start(let element):
                switch element.name {
                case "w:tr": rows.append([])
                case "w:tc":
                    var cell: [WordParagraph] = []
                    var span = 1
                    var continued = false
                    while let event = try reader.next() {
                        if case .end("w:tc") = event { break }
                        guard case .start(let inner) = event else { continue }
                        switch inner.name {
                        case "w:gridSpan": span = max(1, min(inner["w:val"].flatMap { Int($0) } ?? 1, 64))
                        case "w:vMerge": continued = (inner["w:val"] ?? "continue") == "continue"
                        case "w:hMerge": continued = (inner["w:val"] ?? "continue") == "continue"
                        case "w:p":
                            let paragraph = try paragraph(reader)
                            if firstParagraph == nil { firstParagraph = paragraph }
                            cell.append(paragraph)
                        case "w:tbl":
                            nested = true
                            for row in try table(reader).rows {
                                for inner in row { cell.append(contentsOf: inner) }
                            }
                        case "w:tcPr", "w:tcBorders", "w:shd", "w:tcW", "w:vAlign", "w:sdt", "w:sdtContent": continue
                        default:
                            if Self.trackedChanges.contains(inner.name) { refuse(at: WordParagraph(number: paragraphCount)) }
                            try reader.skipElement(inner.name)
                        }
                    }
                    if span > 1 || continued { merged = true }
                    if rows.isEmpty { rows.append([]) }
                    rows[rows.count - 1].append(continued ? [] : cell)
                    for _ in 1..<span { rows[rows.count - 1].append([]) }
                case "w:tblPr", "w:tblGrid", "w:trPr", "w:tblPrEx": try reader.skipElement(element.name)
                default:
                    if Self.trackedChanges.contains(element.name) { refuse(at: WordParagraph(number: paragraphCount)) }
                    try reader.skipElement(element.name)
                }
            default: continue
            }
        }
        return WordTable(rows: rows)
    }

    // MARK: Losses

    private func linkKeptAsText(_ target: String?) {
        losses.append(
            Loss(
                message:
                    "a link \(target.map { "to '\(String($0.prefix(80)))' " } ?? "")was kept as text: only http, https and mailto links are kept",
                hint: "link to a web address instead"))
    }

    private func fieldKeptAsText(_ instruction: String) {
        let name = instruction.split(separator: " ").first.map(String.init) ?? "?"
        losses.append(Loss(message: "a field (\(name)) was kept as the text it last showed", hint: "check that text in the note"))
    }

    private func commentDropped(_ id: String) {
        let comment = comments[id]
        let words = comment.map { " by \($0.author.isEmpty ? "someone" : $0.author): “\(Self.firstWords($0.text))”" } ?? ""
        losses.append(Loss(message: "a comment\(words) was dropped", hint: "comments are not part of the note"))
    }

    /// Turns the paragraph's losses into diagnostics that name it.
    private func report(_ paragraph: WordParagraph) {
        guard !losses.isEmpty else { return }
        let words = Self.firstWords(paragraph.plainText)
        let place = "\(storyName) \(paragraph.number)\(words.isEmpty ? "" : " (“\(words)”)")"
        for loss in losses {
            if loss.refuses {
                refused = true
                diagnostics.append(
                    .error("\(place): \(loss.message)", at: SourceLocation(path: package.path), hint: loss.hint, code: "wordImport.trackedChanges"))
            } else {
                diagnostics.append(.warning("\(place): \(loss.message)", at: SourceLocation(path: package.path), hint: loss.hint))
            }
        }
        losses = []
    }

    /// The first six words (at most 40 characters) of `text`, for messages.
    static func firstWords(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).prefix(6).joined(separator: " ")
        return words.count > 40
            ? String(words.prefix(40)).trimmingSpaces + "…" : (text.split(whereSeparator: { $0.isWhitespace }).count > 6 ? words + "…" : words)
    }

    // MARK: Fields and links

    static func fieldKind(_ instruction: String) -> FieldKind {
        let name = instruction.split(separator: " ").first.map { $0.uppercased() } ?? ""
        switch name {
        case "HYPERLINK": return .hyperlink
        case "PAGE", "NUMPAGES", "SECTIONPAGES": return .pageNumber
        default: return .other
        }
    }

    /// The address of `HYPERLINK "url"`, nil for a link within the document (`\l`).
    static func hyperlinkTarget(_ instruction: String) -> String? {
        guard !instruction.contains("\\l") else { return nil }
        let parts = instruction.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 2 ? String(parts[1]) : nil
    }

    /// Only web and mail addresses are links in a note.
    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }
}
