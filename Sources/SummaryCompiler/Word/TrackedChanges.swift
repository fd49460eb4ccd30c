import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The body of the changes document (`Summary.renderChangesDocx`): the
/// current summary's WordprocessingML body with what an earlier build had
/// and this one has not as tracked deletions (`w:del`, its text in
/// `w:delText`), and what this one adds as tracked insertions (`w:ins`).
///
/// Both bodies come from `DocxRenderer` (with `marksNotes`), so they are
/// the markup it writes, not any WordprocessingML: paragraphs and tables at
/// the top level, rows inside tables, runs inside paragraphs and links.
/// Blocks (paragraphs; a table's rows, when the two tables have the same
/// columns and header) are matched by their text (`BoundedDiff`); a
/// paragraph removed next to a similar one added is compared word by word.
/// What the comparison gives up on (more edits than its bounds) is shown
/// whole: the old blocks deleted, the new inserted.
struct TrackedChanges {
    /// Who a change outside any note is attributed to.
    static let office = "Office of the President of the General Assembly"
    /// Block edits beyond which the two bodies are not aligned further.
    static let maximumBlockEdits = 2_000
    /// Word edits beyond which two paired paragraphs are shown replaced whole.
    static let maximumWordEdits = 400
    /// How many added blocks a removed paragraph is compared with.
    static let pairingWindow = 16

    let old: [UInt8]
    let new: [UInt8]
    let oldNotes: [NoteFacts]
    let newNotes: [NoteFacts]
    /// `w:date`: ISO 8601, UTC.
    let date: String
    private var output: [UInt8] = []
    /// The last `w:id` given to a change; each change has its own.
    private(set) var nextId = 1000
    /// The old body's footnotes, kept for its references shown deleted.
    var footnotes = DeletedFootnotes()

    /// The footnotes of the old body by their `w:id` in it; what a deleted
    /// reference to one of them takes with it: a copy of the footnote, its
    /// runs deleted, under an id after the new body's own (`lastId`: the
    /// last taken), in `written` (`w:footnote` elements for footnotes.xml).
    struct DeletedFootnotes {
        var old: [Int: String] = [:]
        var lastId = 0
        var written = ""
    }

    /// What the comparison knows of a note, by its index in its summary's
    /// notes (`DocxRenderer.noteMark`).
    struct NoteFacts {
        var author: String?
        /// Set for a note both summaries have as it was (its file, text and
        /// heading unchanged), the same in both: its part of each body is
        /// one block compared by this key, not by its text. The earlier
        /// body may leave such a note out (`DocxRenderer.skippedNotes`).
        var shared: String?

        init(author: String?, shared: String? = nil) {
            self.author = author
            self.shared = shared
        }
    }

    init(old: String, new: String, oldNotes: [NoteFacts], newNotes: [NoteFacts], date: Date) {
        self.old = Array(old.utf8)
        self.new = Array(new.utf8)
        self.oldNotes = oldNotes
        self.newNotes = newNotes
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        self.date = formatter.string(from: date)
    }

    /// The new body with the changes since the old one tracked; nil when
    /// the comparison would show a shared note deleted (its text is not
    /// in an old body that skipped it): compare with the whole old body.
    /// - Parameter ids: the last `w:id` given to a change before these
    ///   (another part's); on return, the last these took.
    static func body(old: String, new: String, oldNotes: [NoteFacts], newNotes: [NoteFacts], date: Date, ids: inout Int) -> String? {
        var footnotes = DeletedFootnotes()
        return body(old: old, new: new, oldNotes: oldNotes, newNotes: newNotes, date: date, ids: &ids, footnotes: &footnotes)
    }

    /// - Parameter footnotes: the old body's footnotes; on return, with
    ///   those its deleted references took written.
    static func body(
        old: String, new: String, oldNotes: [NoteFacts], newNotes: [NoteFacts], date: Date, ids: inout Int, footnotes: inout DeletedFootnotes
    ) -> String? {
        var changes = TrackedChanges(old: old, new: new, oldNotes: oldNotes, newNotes: newNotes, date: date)
        changes.nextId = ids
        changes.footnotes = footnotes
        guard changes.compare() else { return nil }
        ids = changes.nextId
        footnotes = changes.footnotes
        return String(decoding: changes.output, as: UTF8.self)
    }

    static func body(old: String, new: String, oldNotes: [NoteFacts], newNotes: [NoteFacts], date: Date) -> String? {
        var ids = 1000
        return body(old: old, new: new, oldNotes: oldNotes, newNotes: newNotes, date: date, ids: &ids)
    }

    /// A footnote's content with its changes since `old` (nil: the footnote
    /// is new) tracked, attributed to `author`: its paragraphs compared as a
    /// body's are.
    static func footnote(old: String?, new: String, author: String?, date: Date, ids: inout Int) -> String {
        let mark = DocxRenderer.noteMark(0)
        let facts = [NoteFacts(author: author)]
        return body(
            old: old.map { mark + $0 + DocxRenderer.noteEndMark } ?? "", new: mark + new + DocxRenderer.noteEndMark, oldNotes: facts,
            newNotes: facts, date: date, ids: &ids) ?? new
    }

    // MARK: Blocks

    /// `note`: a shared note's part of the body, whole (`NoteFacts.shared`).
    enum Kind { case paragraph, table, note, other }

    struct Block {
        var kind: Kind
        var range: Range<Int>
        var author: String?
        var key: String
        /// A table's opening (properties and grid), rows and closing.
        var head: Range<Int> = 0..<0
        var rows: [Range<Int>] = []
        var rowKeys: [String] = []
        var tail: Range<Int> = 0..<0

        /// A paragraph's words, for pairing.
        var words: Set<Substring> { Set(key.split(separator: " ")) }
    }

    /// False when a shared note would be shown deleted.
    private mutating func compare() -> Bool {
        let oldBlocks = Self.blocks(old, notes: oldNotes)
        let newBlocks = Self.blocks(new, notes: newNotes)
        var keys: [String: Int] = [:]
        func number(_ key: String) -> Int {
            if let known = keys[key] { return known }
            keys[key] = keys.count
            return keys.count - 1
        }
        let oldKeys = oldBlocks.map { number($0.key) }
        let newKeys = newBlocks.map { number($0.key) }
        let operations =
            BoundedDiff.operations(oldKeys, newKeys, maximumEdits: Self.maximumBlockEdits)
            ?? (oldBlocks.indices.map { .delete(old: $0) } + newBlocks.indices.map { .insert(new: $0) })
        var removed: [Block] = []
        var added: [Block] = []
        for operation in operations {
            switch operation {
            case .delete(let index):
                guard oldBlocks[index].kind != .note else { return false }
                removed.append(oldBlocks[index])
            case .insert(let index): added.append(newBlocks[index])
            case .equal(let oldIndex, let newIndex):
                writeGap(removed: removed, added: added)
                removed = []
                added = []
                writeSame(oldBlocks[oldIndex], newBlocks[newIndex])
            }
        }
        writeGap(removed: removed, added: added)
        return true
    }

    /// Blocks with the same key: a paragraph as it is now; a table with its
    /// rows compared.
    private mutating func writeSame(_ before: Block, _ after: Block) {
        guard after.kind == .table, before.kind == .table else {
            output += new[after.range]
            return
        }
        output += new[after.head]
        var keys: [String: Int] = [:]
        func number(_ key: String) -> Int {
            if let known = keys[key] { return known }
            keys[key] = keys.count
            return keys.count - 1
        }
        let operations =
            BoundedDiff.operations(before.rowKeys.map(number), after.rowKeys.map(number), maximumEdits: Self.maximumBlockEdits)
            ?? (before.rows.indices.map { .delete(old: $0) } + after.rows.indices.map { .insert(new: $0) })
        var removed: [Int] = []
        for operation in operations {
            switch operation {
            case .equal(_, let index):
                for row in removed { writeRow(before.rows[row], from: old, inserted: false, author: before.author) }
                removed = []
                output += new[after.rows[index]]
            case .delete(let index): removed.append(index)
            case .insert(let index):
                for row in removed { writeRow(before.rows[row], from: old, inserted: false, author: before.author) }
                removed = []
                writeRow(after.rows[index], from: new, inserted: true, author: after.author)
            }
        }
        for row in removed { writeRow(before.rows[row], from: old, inserted: false, author: before.author) }
        output += new[after.tail]
    }

    /// Blocks removed and blocks added between two that stayed: a removed
    /// paragraph similar to one added soon after it is compared word by
    /// word; the others are shown deleted or inserted whole, each in its order.
    private mutating func writeGap(removed: [Block], added: [Block]) {
        var next = 0
        var addedWords: [Int: Set<Substring>] = [:]
        for block in removed {
            let window = added.indices[next..<min(added.count, next + Self.pairingWindow)]
            let words = block.kind == .paragraph ? block.words : []
            if block.kind == .paragraph,
                let partner = window.first(where: { index in
                    guard added[index].kind == .paragraph else { return false }
                    if addedWords[index] == nil { addedWords[index] = added[index].words }
                    return Self.similar(addedWords[index]!, words)
                })
            {
                for earlier in added[next..<partner] { writeWhole(earlier, inserted: true) }
                writeWords(block, added[partner])
                next = partner + 1
            } else {
                writeWhole(block, inserted: false)
            }
        }
        for block in added[next...] { writeWhole(block, inserted: true) }
    }

    /// Whether two paragraphs share at least half their words.
    static func similar(_ a: Set<Substring>, _ b: Set<Substring>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        return 2 * a.intersection(b).count >= max(a.count, b.count)
    }

    private mutating func writeWhole(_ block: Block, inserted: Bool) {
        let source = inserted ? new : old
        switch block.kind {
        case .paragraph: writeParagraph(block.range, from: source, inserted: inserted, author: block.author, markParagraph: true)
        case .table:
            output += source[block.head]
            for row in block.rows { writeRow(row, from: source, inserted: inserted, author: block.author) }
            output += source[block.tail]
        case .note:
            // Only ever inserted (`compare` gives up on a deleted one): its blocks, each inserted.
            for var inner in Self.blocks(source, in: block.range, notes: []) {
                inner.author = block.author
                writeWhole(inner, inserted: true)
            }
        case .other: if inserted { output += source[block.range] }
        }
    }

    // MARK: Marks

    private mutating func mark(_ inserted: Bool, author: String?) -> String {
        nextId += 1
        return "<w:\(inserted ? "ins" : "del") w:id=\"\(nextId)\" w:author=\"\(WordXML.escape(author ?? Self.office))\" w:date=\"\(date)\""
    }

    private mutating func open(_ inserted: Bool, author: String?) {
        output += Array((mark(inserted, author: author) + ">").utf8)
    }

    private mutating func close(_ inserted: Bool) {
        output += Array((inserted ? "</w:ins>" : "</w:del>").utf8)
    }

    /// A row inserted or deleted: its mark in `w:trPr`, its runs tracked.
    private mutating func writeRow(_ range: Range<Int>, from source: [UInt8], inserted: Bool, author: String?) {
        var index = range.lowerBound
        if let properties = Self.find("</w:trPr>", in: source, from: index, to: range.upperBound) {
            output += source[index..<properties]
            output += Array((mark(inserted, author: author) + "/>").utf8)
            index = properties
        }
        while let start = Self.find("<w:p>", in: source, from: index, to: range.upperBound),
            let end = Self.find("</w:p>", in: source, from: start, to: range.upperBound)
        {
            output += source[index..<start]
            writeParagraph(start..<(end + 6), from: source, inserted: inserted, author: author, markParagraph: false)
            index = end + 6
        }
        output += source[index..<range.upperBound]
    }

    /// A paragraph inserted or deleted whole: each run in `w:ins` or
    /// `w:del`, and, when `markParagraph`, its mark too (so that accepting
    /// a deletion or rejecting an insertion leaves no empty paragraph). A
    /// deleted paragraph loses its links, pictures and bookmarks (the new
    /// package has not their parts); a footnote reference takes its footnote along.
    private mutating func writeParagraph(_ range: Range<Int>, from source: [UInt8], inserted: Bool, author: String?, markParagraph: Bool) {
        var index = range.lowerBound + 5  // after <w:p>
        output += Array("<w:p>".utf8)
        let end = range.upperBound - 6  // before </w:p>
        if Self.starts("<w:pPr>", source, at: index), let properties = Self.find("</w:pPr>", in: source, from: index, to: end) {
            output += source[index..<properties]
            if markParagraph { output += Array(("<w:rPr>" + mark(inserted, author: author) + "/></w:rPr>").utf8) }
            output += Array("</w:pPr>".utf8)
            index = properties + 8
        } else if markParagraph {
            output += Array(("<w:pPr><w:rPr>" + mark(inserted, author: author) + "/></w:rPr></w:pPr>").utf8)
        }
        while index < end {
            guard let element = Self.element(source, at: index, end: end) else {
                output += source[index..<end]
                break
            }
            switch element.kind {
            case .run:
                if inserted {
                    open(true, author: author)
                    output += source[element.range]
                    close(true)
                } else {
                    writeDeletedRun(source[element.range], author: author)
                }
            case .other:
                if inserted { output += source[element.range] }
            }
            index = element.range.upperBound
        }
        output += Array("</w:p>".utf8)
    }

    /// A run of the old body deleted. One that refers to another part of
    /// the old package is left out (a picture, whose relationship the new
    /// package lacks), but for a footnote reference: its footnote is copied
    /// into the new package (`footnotes`), shown deleted with it.
    private mutating func writeDeletedRun(_ slice: ArraySlice<UInt8>, author: String?) {
        var run = Array(slice)
        if Self.find("<w:drawing>", in: run, from: 0, to: run.count) != nil { return }
        let marker = "<w:footnoteReference w:id=\""
        if let reference = Self.find(marker, in: run, from: 0, to: run.count) {
            let start = reference + marker.utf8.count
            guard let quote = Self.find("\"", in: run, from: start, to: run.count),
                let id = Int(String(decoding: run[start..<quote], as: UTF8.self)), let content = footnotes.old[id]
            else { return }
            footnotes.lastId += 1
            run.replaceSubrange(start..<quote, with: Array(String(footnotes.lastId).utf8))
            writeDeletedFootnote(content, id: footnotes.lastId, author: author)
        }
        open(false, author: author)
        output += Self.deletedRun(run[...])
        close(false)
    }

    /// A footnote of the old body as a footnote of the new package, each
    /// paragraph's runs deleted (its own mark, `w:footnoteRef`, too: the
    /// reference that shows it is deleted with them).
    private mutating func writeDeletedFootnote(_ content: String, id: Int, author: String?) {
        let source = Array(content.utf8)
        let body = output
        output = Array("<w:footnote w:id=\"\(id)\">".utf8)
        var index = 0
        while let start = Self.find("<w:p>", in: source, from: index, to: source.count),
            let end = Self.find("</w:p>", in: source, from: start, to: source.count)
        {
            output += source[index..<start]
            writeParagraph(start..<(end + 6), from: source, inserted: false, author: author, markParagraph: false)
            index = end + 6
        }
        output += source[index...]
        output += Array("</w:footnote>".utf8)
        footnotes.written += String(decoding: output, as: UTF8.self)
        output = body
    }

    /// A run's text as deleted text.
    static func deletedRun(_ run: ArraySlice<UInt8>) -> [UInt8] {
        var text = String(decoding: run, as: UTF8.self)
        text = text.replacingOccurrences(of: "<w:t>", with: "<w:delText>")
        text = text.replacingOccurrences(of: "<w:t ", with: "<w:delText ")
        text = text.replacingOccurrences(of: "</w:t>", with: "</w:delText>")
        text = text.replacingOccurrences(of: "<w:instrText", with: "<w:delInstrText")
        text = text.replacingOccurrences(of: "</w:instrText>", with: "</w:delInstrText>")
        return Array(text.utf8)
    }

    /// Whether a run refers to another part of its package (a footnote, a picture).
    static func refersToPackage(_ source: [UInt8], _ range: Range<Int>) -> Bool {
        find("<w:footnoteReference", in: source, from: range.lowerBound, to: range.upperBound) != nil
            || find("<w:drawing>", in: source, from: range.lowerBound, to: range.upperBound) != nil
    }

    // MARK: Words

    /// A piece of a paragraph compared word by word.
    struct Token {
        enum Kind { case word, run, other }
        var kind: Kind
        /// What it is compared by.
        var key: String
        /// A word's text (escaped), a run's or other element's markup.
        var bytes: ArraySlice<UInt8>
        /// A word's run properties (`<w:rPr>...</w:rPr>`) and text opening tag.
        var properties: ArraySlice<UInt8> = []
        var textTag: ArraySlice<UInt8> = []
        /// The link (`<w:hyperlink ...>`) it is inside, if any.
        var link: ArraySlice<UInt8>?
    }

    /// A paragraph removed and the similar one added in its place: the
    /// new paragraph's properties, its words tracked.
    private mutating func writeWords(_ before: Block, _ after: Block) {
        let (_, oldTokens) = Self.tokens(old, before.range)
        let (properties, newTokens) = Self.tokens(new, after.range)
        var keys: [String: Int] = [:]
        func number(_ key: String) -> Int {
            if let known = keys[key] { return known }
            keys[key] = keys.count
            return keys.count - 1
        }
        guard
            let operations = BoundedDiff.operations(
                oldTokens.map { number($0.key) }, newTokens.map { number($0.key) }, maximumEdits: Self.maximumWordEdits)
        else {
            writeWhole(before, inserted: false)
            return writeWhole(after, inserted: true)
        }
        output += Array("<w:p>".utf8) + properties
        var openLink: ArraySlice<UInt8>?
        func follow(_ link: ArraySlice<UInt8>?) {
            guard link != openLink else { return }
            if openLink != nil { output += Array("</w:hyperlink>".utf8) }
            if let link { output += link }
            openLink = link
        }
        // Consecutive words of one state and format are written as one run.
        var pending: (state: Int, token: Token, text: [UInt8])?
        func flush() {
            guard let run = pending else { return }
            pending = nil
            if run.state != 0 { open(run.state > 0, author: after.author) }
            output += Array("<w:r>".utf8) + run.token.properties
            output += run.state < 0 ? Array("<w:delText xml:space=\"preserve\">".utf8) : Array(run.token.textTag)
            output += run.text
            output += Array((run.state < 0 ? "</w:delText></w:r>" : "</w:t></w:r>").utf8)
            if run.state != 0 { close(run.state > 0) }
        }
        for operation in operations {
            let (state, token): (Int, Token) =
                switch operation {
                case .equal(_, let index): (0, newTokens[index])
                case .insert(let index): (1, newTokens[index])
                case .delete(let index): (-1, oldTokens[index])
                }
            if state >= 0 {
                if token.link != openLink { flush() }
                follow(token.link)
            }
            switch token.kind {
            case .word:
                if let run = pending, run.state == state, run.token.properties == token.properties, run.token.textTag == token.textTag {
                    pending?.text += token.bytes
                } else {
                    flush()
                    pending = (state, token, Array(token.bytes))
                }
            case .run:
                flush()
                if state == 0 {
                    output += token.bytes
                } else if state > 0 {
                    open(true, author: after.author)
                    output += token.bytes
                    close(true)
                } else {
                    writeDeletedRun(token.bytes, author: after.author)
                }
            case .other:
                flush()
                if state >= 0 { output += token.bytes }
            }
        }
        flush()
        follow(nil)
        output += Array("</w:p>".utf8)
    }

    /// A paragraph's properties (`<w:pPr>...</w:pPr>`, or nothing) and its
    /// content as tokens: each run of text split into words and the spaces
    /// between them; any other run, and any other element, one token.
    static func tokens(_ source: [UInt8], _ range: Range<Int>) -> (ArraySlice<UInt8>, [Token]) {
        var index = range.lowerBound + 5
        let end = range.upperBound - 6
        var properties: ArraySlice<UInt8> = []
        if starts("<w:pPr>", source, at: index), let close = find("</w:pPr>", in: source, from: index, to: end) {
            properties = source[index..<(close + 8)]
            index = close + 8
        }
        var tokens: [Token] = []
        var link: ArraySlice<UInt8>?
        while index < end, let element = element(source, at: index, end: end) {
            index = element.range.upperBound
            let bytes = source[element.range]
            if element.kind == .other {
                if starts("<w:hyperlink", source, at: element.range.lowerBound) {
                    link = bytes
                } else if starts("</w:hyperlink>", source, at: element.range.lowerBound) {
                    link = nil
                } else {
                    tokens.append(Token(kind: .other, key: "\u{1}" + String(decoding: bytes, as: UTF8.self), bytes: bytes, link: link))
                }
                continue
            }
            guard let text = plainText(of: element.range, in: source) else {
                let key =
                    refersToPackage(source, element.range) ? "\u{2}" : "\u{1}" + String(decoding: bytes, as: UTF8.self)
                tokens.append(Token(kind: .run, key: key, bytes: bytes, link: link))
                continue
            }
            var start = text.content.lowerBound
            while start < text.content.upperBound {
                let isSpace = source[start] == UInt8(ascii: " ")
                var stop = start + 1
                while stop < text.content.upperBound, (source[stop] == UInt8(ascii: " ")) == isSpace { stop += 1 }
                let word = source[start..<stop]
                tokens.append(
                    Token(
                        kind: .word, key: String(decoding: word, as: UTF8.self), bytes: word, properties: source[text.properties],
                        textTag: source[text.tag], link: link))
                start = stop
            }
        }
        return (properties, tokens)
    }

    /// A run that holds only text: its properties, its `<w:t ...>` tag and its text.
    static func plainText(of run: Range<Int>, in source: [UInt8]) -> (properties: Range<Int>, tag: Range<Int>, content: Range<Int>)? {
        var index = run.lowerBound + 5  // after <w:r>
        var properties = index..<index
        if starts("<w:rPr>", source, at: index), let close = find("</w:rPr>", in: source, from: index, to: run.upperBound) {
            properties = index..<(close + 8)
            index = close + 8
        }
        guard starts("<w:t>", source, at: index) || starts("<w:t ", source, at: index),
            let tagEnd = find(">", in: source, from: index, to: run.upperBound),
            let textEnd = find("</w:t>", in: source, from: tagEnd, to: run.upperBound),
            textEnd + 6 + 6 == run.upperBound
        else { return nil }
        return (properties, index..<(tagEnd + 1), (tagEnd + 1)..<textEnd)
    }

    // MARK: Reading the renderer's markup

    enum ElementKind { case run, other }

    /// The element at `index` inside a paragraph: a run (`<w:r>...</w:r>`),
    /// or any other tag alone (a link's opening or closing, a bookmark).
    static func element(_ source: [UInt8], at index: Int, end: Int) -> (kind: ElementKind, range: Range<Int>)? {
        guard index < end, source[index] == UInt8(ascii: "<") else { return nil }
        if starts("<w:r>", source, at: index) {
            guard let close = find("</w:r>", in: source, from: index, to: end) else { return nil }
            return (.run, index..<(close + 6))
        }
        guard let close = find(">", in: source, from: index, to: end) else { return nil }
        return (.other, index..<(close + 1))
    }

    /// The body's top-level blocks, each with the author of the note it is in.
    static func blocks(_ source: [UInt8], in range: Range<Int>? = nil, notes: [NoteFacts]) -> [Block] {
        var blocks: [Block] = []
        var author: String?
        let range = range ?? 0..<source.count
        var index = range.lowerBound
        let noteMark = "<!--imrf-note:"
        while index < range.upperBound {
            if starts(noteMark, source, at: index), let close = find("-->", in: source, from: index, to: range.upperBound) {
                let number = Int(String(decoding: source[(index + noteMark.utf8.count)..<close], as: UTF8.self)) ?? -1
                let facts = notes.indices.contains(number) ? notes[number] : NoteFacts(author: nil)
                // A shared note is one block, up to its end mark, found by
                // `findMark` rather than read tag by tag: most of a body's notes
                // are shared, and reading their markup was most of the time.
                if let key = facts.shared, let end = findMark(DocxRenderer.noteEndMark, in: source, from: close, to: range.upperBound) {
                    // Its marks left out, as every other block's are.
                    blocks.append(Block(kind: .note, range: (close + 3)..<end, author: facts.author, key: "\u{4}" + key))
                    index = end + DocxRenderer.noteEndMark.utf8.count
                    continue
                }
                author = facts.author
                index = close + 3
            } else if starts(DocxRenderer.noteEndMark, source, at: index) {
                author = nil
                index += DocxRenderer.noteEndMark.utf8.count
            } else if starts("<w:p>", source, at: index), let close = find("</w:p>", in: source, from: index, to: range.upperBound) {
                let range = index..<(close + 6)
                let key = textKey(source, range)
                blocks.append(Block(kind: .paragraph, range: range, author: author, key: key))
                index = range.upperBound
            } else if starts("<w:tbl>", source, at: index), let close = find("</w:tbl>", in: source, from: index, to: range.upperBound) {
                var block = Block(kind: .table, range: index..<(close + 8), author: author, key: "")
                var rowStart = find("<w:tr>", in: source, from: index, to: close) ?? close
                block.head = index..<rowStart
                while rowStart < close, let rowEnd = find("</w:tr>", in: source, from: rowStart, to: close) {
                    block.rows.append(rowStart..<(rowEnd + 7))
                    block.rowKeys.append(textKey(source, rowStart..<(rowEnd + 7)))
                    rowStart = rowEnd + 7
                }
                block.tail = rowStart..<(close + 8)
                let columns = count("<w:gridCol ", in: source, block.head)
                block.key = "\u{3}table \(columns)\u{0}" + (block.rowKeys.first ?? "")
                blocks.append(block)
                index = close + 8
            } else {
                let close = find("<", in: source, from: index + 1, to: range.upperBound) ?? range.upperBound
                let range = index..<close
                blocks.append(Block(kind: .other, range: range, author: author, key: "\u{1}" + String(decoding: source[range], as: UTF8.self)))
                index = close
            }
        }
        return blocks
    }

    /// What a block is compared by: its paragraphs' styles and text, a
    /// mark for each footnote reference and picture, cells and paragraphs
    /// apart.
    static func textKey(_ source: [UInt8], _ range: Range<Int>) -> String {
        var key: [UInt8] = []
        var index = range.lowerBound
        let style = "<w:pStyle w:val=\""
        let styleLength = style.utf8.count
        while let tag = find("<", in: source, from: index, to: range.upperBound) {
            index = tag
            // Only the tags named below count; most tags are skipped at their third letter.
            guard index + 3 < range.upperBound, "tpfdb/".utf8.contains(source[index + (source[index + 1] == UInt8(ascii: "/") ? 1 : 3)])
            else {
                index += 1
                continue
            }
            if starts("<w:t>", source, at: index) || starts("<w:t ", source, at: index),
                let tagEnd = find(">", in: source, from: index, to: range.upperBound),
                let close = find("</w:t>", in: source, from: tagEnd, to: range.upperBound)
            {
                key += source[(tagEnd + 1)..<close]
                index = close + 6
                continue
            }
            if starts(style, source, at: index), let close = find("\"", in: source, from: index + styleLength, to: range.upperBound) {
                key += source[(index + styleLength)..<close] + [0]
                index = close
                continue
            }
            if starts("<w:footnoteReference", source, at: index) || starts("<w:drawing>", source, at: index) {
                key.append(2)
            } else if starts("<w:br/>", source, at: index) {
                key.append(UInt8(ascii: "\n"))
            } else if starts("<w:tab/>", source, at: index) {
                key.append(UInt8(ascii: "\t"))
            } else if starts("</w:p>", source, at: index) {
                key.append(0x1E)
            } else if starts("</w:tc>", source, at: index) {
                key.append(0x1F)
            }
            index += 1
        }
        return String(decoding: key, as: UTF8.self)
    }

    static func starts(_ prefix: String, _ source: [UInt8], at index: Int) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { pattern in
            guard index >= 0, index + pattern.count <= source.count else { return false }
            return source.withUnsafeBufferPointer { bytes in memcmp(bytes.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 }
        }
    }

    /// The first index of `needle` in `source[from..<to]`.
    static func find(_ needle: String, in source: [UInt8], from: Int, to: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let first = pattern.first, from >= 0, to <= source.count, to - from >= pattern.count else { return nil }
            return source.withUnsafeBufferPointer { bytes -> Int? in
                let base = bytes.baseAddress!
                var index = from
                let last = to - pattern.count
                while index <= last {
                    // The first byte found by memchr, the rest compared.
                    guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }

    /// `find` for a comment mark (`<!--`): memchr looks for its `!`, which
    /// markup rarely has, rather than its `<`, which starts every tag.
    static func findMark(_ needle: String, in source: [UInt8], from: Int, to: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard pattern.count >= 2, pattern[1] == UInt8(ascii: "!"), from >= 0, to <= source.count, to - from >= pattern.count else { return nil }
            return source.withUnsafeBufferPointer { bytes -> Int? in
                let base = bytes.baseAddress!
                var index = from + 1
                let last = to - pattern.count + 1
                while index <= last {
                    guard let found = memchr(base + index, Int32(UInt8(ascii: "!")), last - index + 1) else { return nil }
                    index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + index - 1, pattern.baseAddress!, pattern.count) == 0 { return index - 1 }
                    index += 1
                }
                return nil
            }
        }
    }

    static func count(_ needle: String, in source: [UInt8], _ range: Range<Int>) -> Int {
        var found = 0
        var index = range.lowerBound
        while let next = find(needle, in: source, from: index, to: range.upperBound) {
            found += 1
            index = next + 1
        }
        return found
    }
}
