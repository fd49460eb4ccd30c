import CCmarkArena
import CCmarkGFM
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses CommonMark with the GitHub extensions imrf accepts (tables,
/// strikethrough, autolinks, footnotes) using cmark-gfm, without its unsafe
/// option: raw HTML never reaches the model.
public enum MarkdownParser {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held for the whole of a parse, feeding and finishing: cmark-gfm's
    /// inline parser keeps the extensions' special characters (`~`, `:`,
    /// `w`) in a process-wide table that each parse extends and restores
    /// (github/cmark-gfm#221), so two documents parsed at once lose each
    /// other's strikethrough and autolinks. Which steps touch the table
    /// differs between cmark-gfm releases, and holding it for less gained
    /// nothing measurable (Benchmarks/README.md): notes are still read,
    /// pre-scanned and converted to imrf's model concurrently; only
    /// cmark-gfm's parse is one at a time.
    /// `WorkspaceCheckTests.concurrentParsingKeepsEveryExtensionAndTheOrder`
    /// guards it.
    private static let parsing = NSLock()

    /// The deepest nesting of the syntax tree accepted (block quotes, list
    /// items, emphasis, links...): the conversion and the renderers recurse,
    /// so a hostile note must not reach them with thousands of levels.
    public static let maximumDepth = 100

    /// The most footnotes one note may cite: a long summary note has a few
    /// dozen; ten thousand leaves room for a note that is mostly references
    /// while keeping the Word footnotes part and the numbering bounded.
    public static let maximumFootnotes = 10_000

    /// The most table cells one note may hold, all its tables together
    /// (columns times rows, the header row included): cmark-gfm pads every
    /// row to the header's column count, about 280 bytes a cell, so a
    /// 180 KB note with a wide header and short rows would need gigabytes.
    /// A summary's tables have some hundreds of cells; this is 28 MB.
    public static let maximumTableCells = 100_000

    /// The most `@` signs one line may hold: the autolink extension's work
    /// and memory for a line's e-mail addresses grow with their number times
    /// the line's length, so this bounds a note's to a hundred times its size
    /// (the measured worst cases: Benchmarks/README.md).
    public static let maximumAddressesPerLine = 100

    public static func parse(_ text: String) -> MarkdownDocument {
        _ = registered
        let prescan = prescan(text)
        if prescan.tableHeaderLineOverLimit != nil || prescan.lineOverAddressLimit != nil {
            var refused = MarkdownDocument(blocks: [])
            refused.tooManyTableCellsAtLine = prescan.tableHeaderLineOverLimit
            refused.tooManyAddressesAtLine = prescan.lineOverAddressLimit
            return refused
        }
        return withTree(of: text) { root in
            guard let root else { return MarkdownDocument(blocks: []) }
            var document = document(root)
            // Raw HTML needs a `<`: a note without one is not walked again.
            if text.utf8.contains(UInt8(ascii: "<")) { document.droppedHTML = droppedHTML(root) }
            // Only a note with a `|`, `[^` or `![` can have these slips: the
            // others (most notes) pay one scan of their bytes, no walk.
            let (pipes, brackets) = slipMarks(text.utf8)
            if pipes || brackets { document.slips = slips(root, text: text, tables: pipes, brackets: brackets) }
            return document
        }
    }

    /// `<br>`, `<br/>`, `<br />` (any case): the raw HTML kept, as a line break.
    static func isLineBreakTag(_ html: String) -> Bool {
        let tag = html.lowercased().filter { !$0.isWhitespace }
        return tag == "<br>" || tag == "<br/>"
    }

    /// The raw HTML of the tree (blocks and inline) that `document` leaves
    /// out, the first of each line, in order.
    private static func droppedHTML(_ root: OpaquePointer) -> [MarkdownDocument.DroppedHTML] {
        var dropped: [MarkdownDocument.DroppedHTML] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { continue }
            let html = literal(node)
            if type == CMARK_NODE_HTML_INLINE && isLineBreakTag(html) { continue }
            var current: OpaquePointer? = node
            var line = 0
            while let candidate = current, line == 0 {
                line = Int(cmark_node_get_start_line(candidate))
                current = cmark_node_parent(candidate)
            }
            if dropped.last?.line != line {
                let first = html.split(whereSeparator: \.isNewline).first.map(String.init) ?? html
                dropped.append(.init(line: line, text: String(first.prefix(60))))
            }
        }
        return dropped
    }

    /// The document of cmark-gfm's tree `root`.
    private static func document(_ root: OpaquePointer) -> MarkdownDocument {
        if let line = lineTooDeep(root) { return MarkdownDocument(blocks: [], tooDeepAtLine: line) }
        var document = MarkdownDocument(blocks: [])
        for child in children(of: root) {
            if cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION {
                guard document.footnotes.count < maximumFootnotes else {
                    let line = max(Int(cmark_node_get_start_line(child)), 1)
                    var refused = MarkdownDocument(blocks: [])
                    refused.tooManyFootnotesAtLine = line
                    return refused
                }
                // cmark-gfm numbers references in order of first use (their
                // literal is that number) and moves the definitions that are
                // used to the end of the document in the same order.
                let label = String(document.footnotes.count + 1)
                document.footnotes.append(.init(label: label, blocks: blocks(in: child)))
            } else if let block = block(child) {
                document.blocks.append(block)
            }
        }
        return document
    }

    /// The body lines of the raw HTML cmark-gfm finds in `text` (blocks and
    /// inline), which `parse` drops: for checking that the Markdown imrf
    /// writes reads back without markup the note did not mean (tests and
    /// the fuzz target).
    public static func rawHTMLLines(in text: String) -> [Int] {
        _ = registered
        return withTree(of: text) { root in
            guard let root else { return [] }
            var lines: [Int] = []
            let iterator = cmark_iter_new(root)
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    var current: OpaquePointer? = node
                    var line = 0
                    while let candidate = current, line == 0 {
                        line = Int(cmark_node_get_start_line(candidate))
                        current = cmark_node_parent(candidate)
                    }
                    if lines.last != line { lines.append(line) }
                }
            }
            return lines
        }
    }

    /// Runs `body` on cmark-gfm's tree of `text` (nil when cmark-gfm made
    /// none). Everything cmark-gfm allocates for it, parser and tree, comes
    /// from the thread's arena and goes with it when `body` returns (no
    /// cmark_parser_free or cmark_node_free: the arena frees it all).
    private static func withTree<Result>(of text: String, _ body: (OpaquePointer?) -> Result) -> Result {
        let footnotes: Int32 = 1 << 13  // CMARK_OPT_FOOTNOTES
        let memory = imrf_cmark_arena_begin()
        defer { imrf_cmark_arena_end() }
        guard let parser = cmark_parser_new_with_mem(footnotes, memory) else { return body(nil) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var text = text
        let root: OpaquePointer? = parsing.withLock {
            text.withUTF8 { buffer in
                guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
                start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
            return cmark_parser_finish(parser)
        }
        return body(root)
    }

    /// The table cells cmark-gfm would build for `text`, counted in one pass
    /// over its lines before it sees them, and the line of the header of the
    /// table that takes the count past `limit` (the count stops there).
    ///
    /// The count is never below cmark-gfm's, and equal to it for ordinary
    /// tables. A delimiter row (only `|`, `-`, `:`, spaces; at least one `-`)
    /// is recognised after any run of spaces, tabs and `>` (block quotes, list
    /// items' indentation), as cmark-gfm finds it after its containers, below
    /// a line that is not blank (the header); its cells are the table's columns (cmark-gfm requires the header to have as
    /// many). Every later line up to a blank one (nothing but spaces, tabs and
    /// `>`, which ends a table in any container) counts as a row of that many
    /// cells; a delimiter row among them may start a new table or be a row,
    /// so it adds its own cells for a header and never lowers the columns.
    static func countTableCells(_ text: String, limit: Int = maximumTableCells) -> (cells: Int, headerLineOverLimit: Int?) {
        let result = prescan(text, tableCellLimit: limit)
        return (result.tableCells, result.tableHeaderLineOverLimit)
    }

    /// What one pass over a body's lines finds before cmark-gfm sees it:
    /// the table cells (`countTableCells`) and the first line with more `@`
    /// signs than `maximumAddressesPerLine`. The pass stops at the first problem.
    struct Prescan {
        var tableCells = 0
        var tableHeaderLineOverLimit: Int?
        var lineOverAddressLimit: Int?
    }

    static func prescan(_ text: String, tableCellLimit limit: Int = maximumTableCells) -> Prescan {
        var text = text
        return text.withUTF8 { bytes in
            let space = UInt8(ascii: " ")
            let tab = UInt8(ascii: "\t")
            let quote = UInt8(ascii: ">")
            let pipe = UInt8(ascii: "|")
            let dash = UInt8(ascii: "-")
            let colon = UInt8(ascii: ":")
            let newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r")
            let at = UInt8(ascii: "@")
            var cells = 0
            var columns = 0
            var headerLine = 1
            var line = 1
            var afterBlank = true
            var index = 0
            while index < bytes.count {
                var addresses = 0
                while index < bytes.count, bytes[index] == space || bytes[index] == tab || bytes[index] == quote { index += 1 }
                let contentStart = index
                // The delimiter row's cells: runs between pipes holding a `-` or `:`.
                var isDelimiterRow = true
                var hasDash = false
                var rowCells = 0
                var cellHasContent = false
                while index < bytes.count, bytes[index] != newline, bytes[index] != carriageReturn {
                    if bytes[index] == at { addresses += 1 }
                    if isDelimiterRow {
                        switch bytes[index] {
                        case pipe:
                            if cellHasContent { rowCells += 1 }
                            cellHasContent = false
                        case dash:
                            hasDash = true
                            cellHasContent = true
                        case colon: cellHasContent = true
                        case space, tab: break
                        default: isDelimiterRow = false
                        }
                    }
                    index += 1
                }
                let isBlank = index == contentStart
                if isBlank {
                    columns = 0
                } else if isDelimiterRow && hasDash && !afterBlank {
                    if cellHasContent { rowCells += 1 }
                    if rowCells > columns { headerLine = max(line - 1, 1) }
                    cells += rowCells + columns
                    columns = max(columns, rowCells)
                } else {
                    cells += columns
                }
                if cells > limit { return Prescan(tableCells: cells, tableHeaderLineOverLimit: headerLine) }
                if addresses > maximumAddressesPerLine {
                    return Prescan(tableCells: cells, lineOverAddressLimit: line)
                }
                afterBlank = isBlank
                if index < bytes.count {
                    if bytes[index] == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                    index += 1
                    line += 1
                }
            }
            return Prescan(tableCells: cells)
        }
    }

    /// The line of the first node nested deeper than `maximumDepth`, found
    /// without recursion; nil when the tree is shallow enough.
    private static func lineTooDeep(_ root: OpaquePointer) -> Int? {
        var node = root
        var depth = 0
        while true {
            if let child = cmark_node_first_child(node) {
                node = child
                depth += 1
                if depth > maximumDepth {
                    var current: OpaquePointer? = node
                    while let candidate = current {
                        let line = Int(cmark_node_get_start_line(candidate))
                        if line > 0 { return line }
                        current = cmark_node_parent(candidate)
                    }
                    return 1
                }
                continue
            }
            while node != root, cmark_node_next(node) == nil {
                node = cmark_node_parent(node)!
                depth -= 1
            }
            if node == root { return nil }
            node = cmark_node_next(node)!
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] { mapChildren(of: node) { $0 } }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether the node is of the extension type named `name` ("table",
    /// "strikethrough"): compared as C strings, with no Swift `String` (an
    /// allocation) made for each table, row and struck text.
    private static func isType(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return strcmp(type, UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The blocks of a node's children, converted as they are walked (no
    /// array of the children first: an allocation per container).
    private static func blocks(in node: OpaquePointer) -> [Block] {
        var result: [Block] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let block = block(current) { result.append(block) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func mapChildren<T>(of node: OpaquePointer, _ transform: (OpaquePointer) -> T) -> [T] {
        var result: [T] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(transform(current))
            child = cmark_node_next(current)
        }
        return result
    }

    private static func block(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(in: node))
        case CMARK_NODE_LIST:
            let items = mapChildren(of: node) { blocks(in: $0) }
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let tight = cmark_node_get_list_tight(node) != 0
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), tight: tight, items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .code(literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_FOOTNOTE_DEFINITION:
            return nil
        default:
            guard isType(node, "table") else { return nil }
            var header: [[Inline]] = []
            var rows: [[[Inline]]] = []
            for row in children(of: node) {
                let cells = mapChildren(of: row) { inlines(of: $0) }
                if isType(row, "table_header") { header = cells } else { rows.append(cells) }
            }
            return .table(header: header, rows: rows, alignments: alignments(of: node, columns: header.count))
        }
    }

    /// The columns' alignments, empty when none is aligned; cmark-gfm keeps
    /// one byte a column: `l`, `c`, `r`, or 0.
    private static func alignments(of table: OpaquePointer, columns: Int) -> [TableAlignment] {
        let count = min(columns, Int(cmark_gfm_extensions_get_table_columns(table)))
        guard let bytes = cmark_gfm_extensions_get_table_alignments(table), count > 0 else { return [] }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        guard buffer.contains(where: { $0 != 0 }) else { return [] }
        return buffer.map { byte in
            switch byte {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }

    private static func inlines(of node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        appendInlines(of: node, to: &result)
        return result
    }

    // The inlines are appended to their parent's array as they are
    // converted: an array returned for every node and flattened into its
    // parent's would be an allocation per word of text.

    private static func appendInlines(of node: OpaquePointer, to result: inout [Inline]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            appendInline(current, to: &result)
            child = cmark_node_next(current)
        }
    }

    private static func appendInline(_ node: OpaquePointer, to result: inout [Inline]) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: result.append(.text(literal(node)))
        case CMARK_NODE_CODE: result.append(.code(literal(node)))
        case CMARK_NODE_SOFTBREAK: result.append(.softBreak)
        case CMARK_NODE_LINEBREAK: result.append(.lineBreak)
        case CMARK_NODE_EMPH: result.append(.emphasis(inlines(of: node)))
        case CMARK_NODE_STRONG: result.append(.strong(inlines(of: node)))
        case CMARK_NODE_LINK:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if Inline.isSafe(destination: destination) {
                result.append(.link(destination: destination, inlines(of: node)))
            } else {
                appendInlines(of: node, to: &result)
            }
        case CMARK_NODE_IMAGE:
            let source = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            result.append(.image(source: source, alt: inlines(of: node), line: Int(cmark_node_get_start_line(node))))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            result.append(.footnote(label: literal(node)))
        case CMARK_NODE_HTML_INLINE:
            if isLineBreakTag(literal(node)) { result.append(.lineBreak) }
        default:
            if isType(node, "strikethrough") {
                result.append(.strikethrough(inlines(of: node)))
            } else {
                appendInlines(of: node, to: &result)
            }
        }
    }
}

// MARK: - Slips: Markdown that most likely does not mean what its author meant

extension MarkdownParser {
    /// The most slips reported for one note: a note with more has a problem
    /// the first ones show.
    public static let maximumSlips = 20

    /// Tables whose rows have more cells than their header (cmark-gfm drops
    /// the extra ones), a table without its separator row (printed as
    /// text), and in text: a footnote reference with no definition and a
    /// picture whose path has a space (both printed as written).
    fileprivate static func slips(_ root: OpaquePointer, text: String, tables: Bool, brackets: Bool) -> [MarkdownDocument.Slip] {
        var found: [MarkdownDocument.Slip] = []
        func add(_ line: Int, _ message: String, _ hint: String) {
            found.append(.init(line: line, message: message, hint: hint))
        }
        // The lines' byte ranges, and only for a table: a split into
        // substrings costs more than the slips themselves.
        let lines = tables ? lineRanges(text) : []
        func sourceLine(_ number: Int) -> Substring? {
            guard number >= 1 && number <= lines.count else { return nil }
            let utf8 = text.utf8
            let range = lines[number - 1]
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
        // Tables and paragraphs at the top of the note: a walk of the root's children only.
        if tables {
            for node in children(of: root) {
                if isType(node, "table") {
                    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                    let first = Int(cmark_node_get_start_line(node))
                    let last = Int(cmark_node_get_end_line(node))
                    guard last >= first + 2 else { continue }
                    for number in (first + 2)...last {
                        guard let line = sourceLine(number) else { continue }
                        let cells = cellCount(line)
                        if cells > columns {
                            add(
                                number,
                                "this table row has \(cells) cells and the header \(columns): "
                                    + (cells - columns == 1 ? "the last one is left out" : "the last \(cells - columns) are left out"),
                                "add the column to the header row and the separator row, or join the cells")
                        }
                    }
                } else if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                    let number = Int(cmark_node_get_start_line(node))
                    if let line = sourceLine(number), startsWithPipe(line),
                        line.utf8.lazy.filter({ $0 == UInt8(ascii: "|") }).count >= 2,
                        let next = sourceLine(number + 1), startsWithPipe(next)
                    {
                        add(number, "a table without its separator row is printed as text", "put a row like | --- | --- | under the header row")
                    }
                }
            }
        }
        if brackets { found += textSlips(text) }
        return Array(found.sorted { $0.line < $1.line }.prefix(maximumSlips))
    }

    /// Whether the text has a `|`, and a `[^` or `![`, in one pass over its bytes.
    static func slipMarks(_ bytes: String.UTF8View) -> (pipes: Bool, brackets: Bool) {
        var pipes = false
        var brackets = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "|") {
                pipes = true
            } else if (previous == UInt8(ascii: "[") && byte == UInt8(ascii: "^")) || (previous == UInt8(ascii: "!") && byte == UInt8(ascii: "[")) {
                brackets = true
            }
            if pipes && brackets { break }
            previous = byte
        }
        return (pipes, brackets)
    }

    /// Footnote references with no definition and pictures whose path has
    /// a space, found in the text as written (outside code: fenced blocks
    /// and backtick spans), since cmark-gfm leaves both as plain text.
    /// One pass over the UTF-8 bytes, no line split: every mark looked for
    /// is ASCII, and a note with footnotes pays this at every check and compile.
    static func textSlips(_ text: String) -> [MarkdownDocument.Slip] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ textSlips(bytes: $0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { textSlips(bytes: $0) }
    }

    private static func textSlips(bytes: UnsafeBufferPointer<UInt8>) -> [MarkdownDocument.Slip] {
        let count = bytes.count
        func at(_ index: Int, _ byte: UInt8) -> Bool { index < count && bytes[index] == byte }
        func find(_ byte: UInt8, from index: Int, before end: Int) -> Int? {
            var position = index
            while position < end {
                if bytes[position] == byte { return position }
                position += 1
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func isFence(_ index: Int) -> Bool {
            (at(index, UInt8(ascii: "`")) && at(index + 1, UInt8(ascii: "`")) && at(index + 2, UInt8(ascii: "`")))
                || (at(index, UInt8(ascii: "~")) && at(index + 1, UInt8(ascii: "~")) && at(index + 2, UInt8(ascii: "~")))
        }

        var defined = Set<String>()
        var references: [(label: String, line: Int)] = []
        var pictures: [(target: String, line: Int)] = []
        var fenced = false
        var line = 0
        var start = 0
        while start <= count {
            line += 1
            let end = find(UInt8(ascii: "\n"), from: start, before: count) ?? count
            defer { start = end + 1 }
            var first = start
            while first < end && bytes[first] == UInt8(ascii: " ") { first += 1 }
            if isFence(first) {
                fenced.toggle()
                continue
            }
            // Every mark looked for has a `[`: a line without one is passed over by memchr.
            guard !fenced, end > start, let base = bytes.baseAddress, memchr(base + start, Int32(UInt8(ascii: "[")), end - start) != nil
            else { continue }
            var index = start
            // A definition, `[^label]:` at the line's start, is not a reference.
            if at(start, UInt8(ascii: "[")) && at(start + 1, UInt8(ascii: "^")), let close = find(UInt8(ascii: "]"), from: start + 2, before: end),
                at(close + 1, UInt8(ascii: ":"))
            {
                defined.insert(text(start + 2..<close))
                index = close + 2
            }
            var inCode = false
            var pictureSeen = false
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "`") {
                    inCode.toggle()
                } else if !inCode && byte == UInt8(ascii: "[") && at(index + 1, UInt8(ascii: "^")) {
                    guard let close = find(UInt8(ascii: "]"), from: index + 2, before: end) else { break }
                    let label = text(index + 2..<close)
                    if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }) { references.append((label, line)) }
                    index = close
                    continue
                } else if !inCode && !pictureSeen && byte == UInt8(ascii: "!") && at(index + 1, UInt8(ascii: "[")) {
                    pictureSeen = true
                    var middle = index + 2
                    while middle + 1 < end && !(bytes[middle] == UInt8(ascii: "]") && bytes[middle + 1] == UInt8(ascii: "(")) { middle += 1 }
                    if middle + 1 < end, let close = find(UInt8(ascii: ")"), from: middle + 2, before: end) {
                        let target = UnsafeBufferPointer(rebasing: bytes[(middle + 2)..<close])
                        if target.contains(UInt8(ascii: " ")) && target.first != UInt8(ascii: "<") && !target.contains(UInt8(ascii: "`")) {
                            pictures.append((text(middle + 2..<close), line))
                        }
                    }
                }
                index += 1
            }
        }
        // In line order; on one line, the footnotes before the picture.
        var found: [MarkdownDocument.Slip] = []
        var nextPicture = 0
        func addPictures(before line: Int) {
            while nextPicture < pictures.count && pictures[nextPicture].line < line && found.count < maximumSlips {
                let (target, pictureLine) = pictures[nextPicture]
                found.append(
                    .init(
                        line: pictureLine, message: "a picture whose path has a space is printed as text: ](\(target))",
                        hint: "put the path in angle brackets: ](<\(target)>), or rename the file without spaces"))
                nextPicture += 1
            }
        }
        for (label, referenceLine) in references where !defined.contains(label) {
            addPictures(before: referenceLine)
            guard found.count < maximumSlips else { break }
            found.append(
                .init(
                    line: referenceLine, message: "footnote [^\(label)] has no definition: it is printed as text",
                    hint: "define it on a line of its own: [^\(label)]: the footnote's text"))
        }
        addPictures(before: Int.max)
        return found
    }

    /// The byte range of each line of `text`, without its `\n`.
    /// memchr over the contiguous bytes: an iterator over `String.UTF8View`
    /// took a twentieth of a compile (Benchmarks/compile.sh).
    static func lineRanges(_ text: String) -> [Range<Int>] {
        func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            while start < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                ranges.append(start..<offset)
                start = offset + 1
            }
            ranges.append(start..<bytes.count)
            return ranges
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(ranges) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(ranges)
    }

    /// Cells of a table row as written: `|` separated, an outer `|` on either
    /// side not counted, `\|` not a separator.
    static func cellCount(_ line: Substring) -> Int {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let pipe = UInt8(ascii: "|")
        let backslash = UInt8(ascii: "\\")
        var text = line.utf8.drop(while: blank)
        while let last = text.last, blank(last) { text = text.dropLast() }
        if text.first == pipe { text = text.dropFirst() }
        if text.last == pipe && text.dropLast().last != backslash { text = text.dropLast() }
        var count = 1
        var escaped = false
        for byte in text {
            if byte == pipe && !escaped { count += 1 }
            escaped = byte == backslash && !escaped
        }
        return count
    }

    /// Whether the line's first byte other than a space or tab is `|`.
    static func startsWithPipe(_ line: Substring) -> Bool {
        line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: "|")
    }
}
