import Forum
import Foundation
import Mustache
import WorkingDays

/// Renders the summary's document model (the same one the Markdown and HTML
/// renderers walk) as a WordprocessingML package. Headings use Word's
/// built-in styles: sessions and the annex are Heading 1, note titles
/// Heading 2, headings inside notes Heading 3. Footnotes are real Word
/// footnotes numbered across the document in order of first reference.
///
/// Everything is appended to one buffer (`to xml: inout String`): a node
/// rendered to a `String` of its own and joined into its parent's is copied
/// once per level of the document (Benchmarks/compile.sh, docx).
///
/// The renderer by concern: this file, the package, the document and the
/// notes; `DocxRenderer+Blocks.swift`, blocks, paragraphs and tables;
/// `DocxRenderer+Runs.swift`, runs, links and footnote references;
/// `DocxRenderer+Drawing.swift`, pictures.
struct DocxRenderer {
    let summary: Summary
    var hyperlinks: [String] = []
    var hyperlinkIds: [String: Int] = [:]
    /// The pictures shown, in order of first use: each becomes one media part.
    var media: [ImageAsset] = []
    var mediaNumbers: [String: Int] = [:]
    /// Drawings so far; each needs its own `wp:docPr` id.
    var drawingCount = 0
    var orderedLists: [(start: Int, level: Int)] = []
    private(set) var footnoteBodies: [String] = []
    /// The footnotes of the note being rendered, numbered as in the other formats.
    var footnoteNumbering = FootnoteNumbering()
    /// Labels of the note being rendered already cited by a footnote reference mark.
    var referencedLabels: Set<String> = []
    var insideFootnote = false
    var language = "en"
    var rightToLeft = false
    /// The opening of each run format of the note being rendered (`RunStarts`).
    var runStarts = RunStarts()
    /// forum.yaml's `document.numberParagraphs`: the notes' paragraphs numbered by Word.
    let numberParagraphs: Bool

    /// The width text may take: the reference's page, else A4 with imrf's margins.
    let textWidth: Int
    /// Whether each note's part of the body is marked (`noteMark`), for
    /// `TrackedChanges` to attribute a change to the note's author; never
    /// in a summary's own document.
    var marksNotes = false
    /// Notes left out of the body but for their marks (`marksNotes`): in
    /// the earlier build of a changes document, the notes it shares with
    /// the current one, compared by identity rather than by their text.
    var skippedNotes: Set<Int> = []
    /// The index in `checked.notes` of the note being rendered.
    var currentNote = 0
    /// Each rendered footnote's content (inside `w:footnote`) by its note's
    /// index and its place among the note's definitions, when `keepsFootnotes`:
    /// the earlier build's, for the changes document to compare.
    var keepsFootnotes = false
    var footnoteContents: [Int: [Int: String]] = [:]
    /// The same contents by their footnote's `w:id`, when `keepsFootnotes`.
    var footnoteContentsById: [Int: String] = [:]
    /// Given the note's index, the footnote's place and its content, the
    /// content written: the changes document's footnotes with their changes tracked.
    var revisingFootnote: ((_ note: Int, _ position: Int, _ content: String) -> String)?
    /// The letter form's letter (`Summary.letter(library:)`); nil in the official form.
    let letter: Summary.Letter?
    /// The official form's masthead (`Summary.mastheadText(library:)`); nil in the letter form.
    let masthead: Summary.MastheadText?

    /// - Parameter library: the templates the letter and the masthead
    ///   come from when it has them; else the built-in ones.
    init(summary: Summary, library: MustacheLibrary? = nil) {
        self.summary = summary
        letter = summary.letter(library: library)
        masthead = summary.mastheadText(library: library)
        numberParagraphs = summary.checked.forum.document.numberParagraphs
        textWidth = summary.reference?.page?.textWidth ?? Self.textWidthTwips
    }

    /// Adds the package's parts to `archive` in archive order (the
    /// pictures excepted: they follow). `word/document.xml`, most of the
    /// package, is deflated on another thread while its body is rendered,
    /// and so are the footnotes on a third; the parts after the document
    /// are deflated on threads of their own while the document's last
    /// pieces are. Deflating the document takes longer than rendering it:
    /// it is what the .docx waits for, and whatever is deflated after it
    /// adds to the time.
    /// - Parameter revising: when given, the whole body is rendered first
    ///   and written as it returns it, given the body and how many footnotes
    ///   it has (their ids are 1 to that); the footnotes it returns are added
    ///   after those (the changes document's tracked changes).
    mutating func write(
        to archive: inout DocxArchive, revising: ((_ body: String, _ footnoteCount: Int) -> (body: String, footnotes: String))? = nil
    ) {
        let forum = summary.checked.forum
        let draft = summary.checked.isDraft
        let reference = summary.reference
        var contentTypes = draft ? DocxParts.draftContentTypes : DocxParts.contentTypes
        if reference?.theme != nil { contentTypes = contentTypes.replacingOccurrences(of: "</Types>", with: DocxParts.themeContentType + "</Types>") }
        archive.add("[Content_Types].xml", text: contentTypes)
        archive.add("_rels/.rels", text: DocxParts.packageRelationships)
        archive.add("docProps/core.xml", text: DocxParts.coreProperties(title: documentTitle, date: Self.w3cDate(forum.start)))
        let document = StreamedPart()
        let footnotes = StreamedPart()
        document.write(DocxParts.declaration + "<w:document \(DocxParts.wordNamespaces)><w:body>")
        footnotes.write(
            DocxParts.declaration + "<w:footnotes \(DocxParts.wordNamespaces)>"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>")
        var whole = ""
        var (rest, restOfFootnotes) = documentBody { piece, newFootnotes in
            if revising == nil { document.write(piece) } else { whole += piece }
            footnotes.write(newFootnotes)
        }
        if let revising {
            let revised = revising(whole + rest, footnoteBodies.count)
            rest = revised.body
            restOfFootnotes += revised.footnotes
        }
        document.write(
            rest
                + "<w:sectPr>" + (draft ? "<w:headerReference w:type=\"default\" r:id=\"rId5\"/>" : "")
                + "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                + (reference?.page?.sectionProperties
                    ?? "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                    + "<w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>")
                + "</w:sectPr></w:body></w:document>")
        footnotes.write(restOfFootnotes + "</w:footnotes>")
        let relationshipsPart = StreamedPart()
        relationshipsPart.write(documentRelationships)
        let numbering = StreamedPart()
        numbering.write(DocxParts.numbering(orderedLists: orderedLists))
        archive.add("word/document.xml", deflated: document.finish())
        archive.add("word/_rels/document.xml.rels", deflated: relationshipsPart.finish())
        archive.add("word/styles.xml", text: reference.map { $0.mergedStyles(with: DocxParts.styles) } ?? DocxParts.styles)
        if let theme = reference?.theme { archive.add("word/theme/theme1.xml", bytes: theme) }
        archive.add("word/settings.xml", text: DocxParts.settings)
        archive.add("word/numbering.xml", deflated: numbering.finish())
        archive.add("word/footnotes.xml", deflated: footnotes.finish())
        archive.add("word/footer1.xml", text: DocxParts.footer)
        if draft { archive.add("word/header1.xml", text: DocxParts.draftHeader) }
    }

    /// The document's title in its properties, as the HTML's `<title>`
    /// words it: what Word's title bar, a PDF viewer (the PDF's title,
    /// which PDF/UA has it show) and a screen reader announce.
    var documentTitle: String {
        (summary.checked.isDraft ? "DRAFT: " : "") + summary.checked.forum.title + ": summary of the President of the General Assembly"
    }

    /// `word/_rels/document.xml.rels`: the fixed parts, then the hyperlinks
    /// (from rId100) and the pictures the document used.
    private var documentRelationships: String {
        let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return DocxParts.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + DocxParts.fixedDocumentRelationships
            + (summary.checked.isDraft ? DocxParts.draftHeaderRelationship : "")
            + (summary.reference?.theme != nil ? DocxParts.themeRelationship : "")
            + hyperlinks.enumerated().map { index, target in
                "<Relationship Id=\"rId\(100 + index)\" Type=\"\(relationshipType)/hyperlink\" Target=\"\(WordXML.escape(target))\" TargetMode=\"External\"/>"
            }.joined()
            + media.enumerated().map { index, image in
                "<Relationship Id=\"rIdImage\(index + 1)\" Type=\"\(relationshipType)/image\" Target=\"\(Self.mediaPath(index + 1, image))\"/>"
            }.joined()
            + "</Relationships>"
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
        var xml = ""
        if summary.checked.isDraft {
            appendParagraph(style: nil, centered: true, inlines: [.strong([.text(DocxParts.draftMark)])], to: &xml)
        }
        if let masthead { appendMasthead(masthead, to: &xml) }
        if let letter { appendLetter(letter, to: &xml) }
        if !Summary.titleNamesForum(forum.title) {
            appendParagraph(style: nil, centered: true, text: "\(Summary.forumName) \(forum.edition)", to: &xml)
        }
        appendParagraph(style: "Title", text: forum.title, to: &xml)
        appendParagraph(style: nil, centered: true, text: "\(forum.place), \(Summary.dateRange(forum.start, forum.end))", to: &xml)
        appendParagraph(style: nil, centered: true, inlines: [.strong([.text("Summary of the President of the General Assembly")])], to: &xml)
        appendTableOfContents(Session.allCases.map(summary.sessionHeading) + [summary.objectivesHeading], to: &xml)

        let notesBySession = summary.checked.noteIndicesBySession
        let headings = summary.noteHeadings()
        var footnotesFlushed = footnoteBodies.count
        for session in Session.allCases {
            appendSessionOpening(session, to: &xml)
            let notes = notesBySession[session] ?? []
            if notes.isEmpty {
                appendParagraph(style: nil, inlines: [.emphasis([.text("No note was received for this session.")])], to: &xml)
            }
            for index in notes {
                if marksNotes { xml += Self.noteMark(index) }
                currentNote = index
                if !skippedNotes.contains(index) { appendNote(summary.checked.notes[index], heading: headings[index], to: &xml) }
                if marksNotes { xml += Self.noteEndMark }
                if xml.utf8.count >= 1 << 16 {
                    flush(xml, footnoteBodies[footnotesFlushed...].joined())
                    footnotesFlushed = footnoteBodies.count
                    xml = ""
                }
            }
        }
        appendAnnex(to: &xml)
        return (xml, footnoteBodies[footnotesFlushed...].joined())
    }

    /// The comment before the body of the note at `index` in `checked.notes`
    /// when `marksNotes`; `noteEndMark` follows it.
    static func noteMark(_ index: Int) -> String { "<!--imrf-note:\(index)-->" }
    static let noteEndMark = "<!--imrf-note-end-->"

    /// A session's heading, its date (and facilitator), and a round table's
    /// co-chairs, keynote and objectives.
    private mutating func appendSessionOpening(_ session: Session, to xml: inout String) {
        let forum = summary.checked.forum
        appendHeading1(summary.sessionHeading(session), entry: Session.allCases.firstIndex(of: session)! + 1, to: &xml)
        var meta: [LinePiece] = [
            .words(
                session == .plenary
                    ? Summary.dateRange(forum.plenary.first ?? forum.end, forum.plenary.last ?? forum.end)
                    : forum.date(of: session).unStyle)
        ]
        if session == .policyDebate, !forum.policyDebate.facilitator.isEmpty {
            meta += [.words(". Facilitated by "), .quoted(Quoted(text: forum.policyDebate.facilitator))]
        }
        appendMetaLine(meta, to: &xml)
        guard let number = session.roundTableNumber, let table = forum.roundTable(number) else { return }
        if !table.coChairs.isEmpty {
            var pieces: [LinePiece] = [.words("Co-chairs: ")]
            for (index, name) in table.coChairs.enumerated() {
                if index > 0 { pieces.append(.words(" and ")) }
                pieces.append(.quoted(Quoted(text: name)))
            }
            appendMetaLine(pieces, to: &xml)
        }
        if let keynote = table.keynote, !keynote.isEmpty {
            appendMetaLine([.words("Keynote: "), .quoted(Quoted(text: keynote))], to: &xml)
        }
        let objectives = table.objectives.compactMap(Objective.numbered)
        if !objectives.isEmpty {
            appendParagraph(style: nil, text: "Objectives of the Global Compact discussed:", to: &xml)
            appendBlock(
                .list(
                    ordered: false, start: 1, tight: true,
                    items: objectives.map {
                        [.paragraph([.text("Objective \($0.number): \($0.title)")])]
                    }), depth: 0, to: &xml)
        }
    }

    /// A paragraph of the summary's own words in italics (a date, the
    /// co-chairs, an author) with the names in it quoted.
    private mutating func appendMetaLine(_ pieces: [LinePiece], to xml: inout String) {
        var format = runFormat
        format.italic = true
        xml += "<w:p>" + paragraphProperties(style: nil)
        appendPieces(pieces, format: format, to: &xml)
        xml += "</w:p>"
    }

    /// The annex: each objective, the round table that covers it and the
    /// notes that address it.
    private mutating func appendAnnex(to xml: inout String) {
        let forum = summary.checked.forum
        appendHeading1(summary.objectivesHeading, entry: Session.allCases.count + 1, pageBreakBefore: true, to: &xml)
        let addressing = summary.notesAddressingObjectives
        appendTable(
            header: ["No.", "Objective", "Short title", "Round table", "Addressed in"].map { [.strong([.text($0)])] },
            rows: Objective.all.map { objective in
                [
                    "\(objective.number)", objective.title, objective.shortTitle,
                    forum.roundTable(coveringObjective: objective.number).map { "\($0.number)" } ?? "-",
                ].map { [LinePiece.words($0)] } + [Self.addressedIn(addressing[objective.number] ?? [])]
            },
            columns: 5, shares: [6, 38, 20, 10, 26], to: &xml
        ) { renderer, pieces, xml in
            renderer.appendPieces(pieces, format: renderer.runFormat, to: &xml)
        }
    }

    /// The annex's "Addressed in" of an objective: each note's session and
    /// title, the title quoted in its note's language and direction; "-" when none.
    static func addressedIn(_ notes: [Summary.AddressingNote]) -> [LinePiece] {
        guard !notes.isEmpty else { return [.words("-")] }
        var pieces: [LinePiece] = []
        for (index, note) in notes.enumerated() {
            pieces.append(.words((index > 0 ? "; " : "") + note.session.shortName + (note.title == nil ? "" : ": ")))
            if let title = note.title { pieces.append(.quoted(Quoted(text: title, language: note.language, rightToLeft: note.rightToLeft))) }
        }
        return pieces
    }

    /// The contents: each entry a link to its heading's bookmark (`_TocN`,
    /// `appendHeading1`) with a PAGEREF field for its page, after a dot
    /// leader. Not a TOC field: LibreOffice shows a TOC field's saved text
    /// and never lays it out again, so its page numbers would stay what
    /// imrf wrote, which no layout has measured; a PAGEREF it fills in on
    /// opening. Word fills them in too, told to update fields on opening
    /// (`w:updateFields`, `DocxParts.settings`). The entries are the
    /// sessions and the annex, which every summary has: nothing to rebuild.
    mutating func appendTableOfContents(_ entries: [String], to xml: inout String) {
        xml += "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>"
        appendRun("Contents", format: RunFormat(), to: &xml)
        xml += "</w:p>"
        for (index, entry) in entries.enumerated() {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:hyperlink w:anchor=\"_Toc\(index + 1)\" w:history=\"1\">"
            appendRun(entry, format: RunFormat(), to: &xml)
            // No page number saved in the field: none is known before a layout, and a wrong one is worse than none.
            xml +=
                "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc\(index + 1) \\h </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>"
        }
    }

    /// A session's or the annex's heading inside the bookmark `_Toc<entry>`
    /// the contents' entry `entry` (from 1) links to and takes its page from.
    mutating func appendHeading1(_ text: String, entry: Int, pageBreakBefore: Bool = false, to xml: inout String) {
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>" + (pageBreakBefore ? "<w:pageBreakBefore/>" : "") + "</w:pPr>"
        xml += "<w:bookmarkStart w:id=\"\(entry)\" w:name=\"_Toc\(entry)\"/>"
        appendRun(text, format: runFormat, to: &xml)
        xml += "<w:bookmarkEnd w:id=\"\(entry)\"/></w:p>"
    }

    // MARK: Notes

    /// A note's title, segment, author and body; its footnotes go to
    /// `footnoteBodies`, numbered on from the last note's.
    /// - Parameter heading: the note's title as its heading (lettered when the summary is numbered).
    mutating func appendNote(_ note: Note, heading: String?, to xml: inout String) {
        language = note.language
        rightToLeft = note.isRightToLeft
        defer {
            language = "en"
            rightToLeft = false
        }
        referencedLabels = []
        footnoteNumbering = FootnoteNumbering(note.document, firstNumber: footnoteBodies.count + 1)
        if let heading { appendParagraph(style: "Heading2", inlines: [.text(heading)], to: &xml) }
        if let segment = note.segment {
            appendParagraph(style: nil, inlines: [.emphasis([.text(segment.displayName)])], to: &xml)
        }
        if let author = note.author {
            appendMetaLine(
                [.quoted(Quoted(text: author, language: note.language))] + (note.roleWords.map { [.words(" (\($0))")] } ?? []), to: &xml)
        }
        if numberParagraphs {
            // One numbering instance for the whole document: Word counts on across the notes.
            let numbered = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(DocxParts.paragraphNumberingId)\"/></w:numPr>"
            for block in note.document.blocks {
                let numbers = BodyRenderer.numbersParagraph(block)
                appendBlock(block, depth: 0, paragraphStyle: numbers ? "NumberedParagraph" : nil, numbering: numbers ? numbered : nil, to: &xml)
            }
        } else {
            appendBlocks(note.document.blocks, depth: 0, to: &xml)
        }
        while let (id, definition, position) = footnoteNumbering.nextToRender() {
            insideFootnote = true
            var content = ""
            appendBlocks(definition, depth: 0, paragraphStyle: "FootnoteText", to: &content)
            insideFootnote = false
            let reference =
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
            if let end = Self.endOfFirstParagraphProperties(in: content) {
                content.insert(contentsOf: reference, at: end)
            } else {
                content = "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\(reference)</w:p>" + content
            }
            if keepsFootnotes {
                footnoteContents[currentNote, default: [:]][position] = content
                footnoteContentsById[id] = content
            }
            if let revisingFootnote { content = revisingFootnote(currentNote, position, content) }
            footnoteBodies.append("<w:footnote w:id=\"\(id)\">\(content)</w:footnote>")
        }
    }

    /// Where the first `</w:pPr>` in `xml` ends, searched from the start:
    /// it closes the first paragraph's properties, a few dozen bytes into a
    /// footnote that may be long.
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
}
