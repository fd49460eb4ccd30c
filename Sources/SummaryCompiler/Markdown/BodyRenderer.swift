import Foundation

/// Renders a note's Markdown model as HTML or Markdown. Every piece of text
/// is escaped; footnote references become the document-wide numbers the
/// caller assigns through `footnoteNumber`.
struct BodyRenderer {
    enum Format { case html, markdown }

    var format: Format
    /// The pictures of the workspace by their workspace-relative path; an
    /// image not found here renders as its alt text.
    var images: [String: ImageAsset] = [:]
    /// The document-wide number of a note-local footnote label.
    var footnoteNumber: (String) -> Int?
    /// The footnotes whose first reference has been written: only that one
    /// carries the `fnref` anchor the footnote's back-link points to, as an
    /// id names one element (a footnote cited twice, or by another footnote).
    /// A reference on purpose: the copies made for a heading or a table cell
    /// (`inHeading`, `inTableCell`) write into the same note and must see
    /// the same anchors. One renderer renders one note.
    private let anchoredFootnotes = AnchoredFootnotes()
    /// Whether a Markdown table cell is being written: the table extension
    /// splits its row at every `|` not escaped by a backslash, inside code
    /// spans too, before it reads the cells; a row is one line.
    var inTableCell = false
    /// Whether a Markdown heading is being written: an ATX heading is one
    /// line, so a setext heading's line breaks are written as spaces.
    var inHeading = false

    private final class AnchoredFootnotes {
        var numbers: Set<Int> = []
    }

    static let htmlEscaper = UTF8Escaper([
        UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
        UInt8(ascii: "\""): "&quot;", UInt8(ascii: "'"): "&#39;",
    ])

    /// The characters Markdown would read as markup.
    static let markdownEscaper = UTF8Escaper(
        Dictionary(
            uniqueKeysWithValues: "\\`*_[]<>#|~!&".utf8.map { ($0, "\\" + String(UnicodeScalar($0))) }
        ))

    static func escapeHTML(_ text: String) -> String { htmlEscaper.escape(text) }

    /// Backslash-escapes the characters Markdown would read as markup, so
    /// note text stays text (and raw HTML stays visible, not live).
    static func escapeMarkdown(_ text: String) -> String { markdownEscaper.escape(text) }

    // Every node is appended to one output string (`append(_:to:)`): a
    // node rendered to a string of its own and joined into its parent's is
    // copied once per level (Benchmarks/compile.sh). `blocks(_:)` is the
    // one entry point that returns a string.

    /// `blocks` rendered, as a string of their own.
    func blocks(_ blocks: [Block]) -> String {
        var output = ""
        append(blocks, to: &output)
        return output
    }

    /// A note's body: `blocks` with each paragraph at its top level
    /// (`numbersParagraph`) numbered from `firstParagraph` (nil: none).
    func body(_ blocks: [Block], firstParagraph: Int?) -> String {
        guard var number = firstParagraph else { return self.blocks(blocks) }
        var output = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 { output += format == .html ? "\n" : "\n\n" }
            guard Self.numbersParagraph(block), case .paragraph(let content) = block else {
                append(block, to: &output)
                continue
            }
            if format == .html {
                output += "<p class=\"numbered\" id=\"paragraph-\(number)\"><span class=\"paragraph-number\">\(number).</span> "
                append(content, to: &output)
                output += "</p>"
            } else {
                // `12\.`: a paragraph that starts with its number, not an ordered list.
                output += "\(number)\\. "
                append(content, to: &output)
            }
            number += 1
        }
        return output
    }

    /// Whether `block` is a paragraph the UN would number: one of text at a
    /// note's top level (not a picture alone; lists, tables and quotes stay
    /// under the paragraph before them).
    static func numbersParagraph(_ block: Block) -> Bool {
        guard case .paragraph(let content) = block else { return false }
        return content.contains { inline in
            switch inline {
            case .image, .softBreak, .lineBreak: false
            case .text(let text): !text.allSatisfy(\.isWhitespace)
            default: true
            }
        }
    }

    func append(_ blocks: [Block], to output: inout String) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { output += format == .html ? "\n" : "\n\n" }
            append(block, to: &output)
        }
    }

    /// Appends `text` with `prefix` before each line; `emptyPrefix` before
    /// empty lines. The lines are found in place, not split into an array.
    private static func appendLines(of text: String, prefix: String, emptyPrefix: String, firstPrefix: String? = nil, to output: inout String) {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var first = true
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if !first { output += "\n" }
            if first, let firstPrefix {
                output += firstPrefix
            } else {
                output += lineStart == lineEnd ? emptyPrefix : prefix
            }
            output += text[lineStart..<lineEnd]
            first = false
            guard lineEnd != bytes.endIndex else { return }
            lineStart = bytes.index(after: lineEnd)
        }
    }

    // One switch over the block, the format tested inside each case: a
    // switch over `(format, block)` would copy every block into a tuple, a
    // retain and a release per block (Benchmarks/compile.sh).

    func append(_ block: Block, to output: inout String) {
        let html = format == .html
        switch block {
        case .paragraph(let content):
            if html { output += "<p>" }
            append(content, to: &output)
            if html { output += "</p>" }
        case .heading(let level, let content):
            let shifted = min(level + 3, 6)  // notes sit under the document's h2/h3
            if html {
                output += "<h\(shifted)>"
                append(content, to: &output)
                output += "</h\(shifted)>"
            } else {
                output += String(repeating: "#", count: shifted) + " "
                var headingWriter = self
                headingWriter.inHeading = true
                headingWriter.append(content, to: &output)
            }
        case .blockQuote(let children):
            if html {
                output += "<blockquote>\n"
                append(children, to: &output)
                output += "\n</blockquote>"
            } else {
                Self.appendLines(of: blocks(children), prefix: "> ", emptyPrefix: ">", to: &output)
            }
        case .list(let ordered, let start, let tight, let items):
            if html {
                appendHTMLList(ordered: ordered, start: start, tight: tight, items: items, to: &output)
            } else {
                for (index, item) in items.enumerated() {
                    if index > 0 { output += tight ? "\n" : "\n\n" }
                    let marker = ordered ? "\(start + index). " : "- "
                    Self.appendLines(
                        of: blocks(item), prefix: String(repeating: " ", count: marker.count), emptyPrefix: "",
                        firstPrefix: marker, to: &output
                    )
                }
            }
        case .code(let text):
            if html {
                output += "<pre><code>"
                Self.htmlEscaper.append(text, to: &output)
                output += "</code></pre>"
            } else {
                // Only a run of backticks at least as long closes the fence (tildes never do).
                let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(in: text) + 1))
                output += fence + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
            }
        case .thematicBreak:
            output += html ? "<hr>" : "---"
        case .table(let header, let rows, let alignments):
            if html {
                appendHTMLTable(header: header, rows: rows, alignments: alignments, to: &output)
            } else {
                var cellWriter = self
                cellWriter.inTableCell = true
                func row(_ cells: [[Inline]]) {
                    output += "| "
                    for (index, cell) in cells.enumerated() {
                        if index > 0 { output += " | " }
                        cellWriter.append(cell, to: &output)
                    }
                    output += " |"
                }
                row(header)
                output += "\n|"
                for column in 0..<max(header.count, 1) {
                    output += column < alignments.count ? Self.markdownDelimiters[alignments[column]]! : "---|"
                }
                for cells in rows {
                    output += "\n"
                    row(cells)
                }
            }
        }
    }

    private func appendHTMLList(ordered: Bool, start: Int, tight: Bool, items: [[Block]], to output: inout String) {
        let tag = ordered ? "ol" : "ul"
        output += "<\(tag)"
        if ordered && start != 1 { output += " start=\"\(start)\"" }
        output += ">\n"
        for (index, item) in items.enumerated() {
            if index > 0 { output += "\n" }
            output += "<li>"
            for (childIndex, child) in item.enumerated() {
                if childIndex > 0 { output += "\n" }
                if tight, case .paragraph(let inlines) = child {
                    append(inlines, to: &output)
                } else {
                    append(child, to: &output)
                }
            }
            output += "</li>"
        }
        output += "\n</\(tag)>"
    }

    /// A column's delimiter in a Markdown table's delimiter row.
    static let markdownDelimiters: [TableAlignment: String] = [.none: "---|", .left: ":---|", .center: ":---:|", .right: "---:|"]

    /// The class an aligned column's cells carry (the summary's and the web
    /// intake's style sheets set it; the intake's policy forbids `style=`).
    static let htmlAlignmentClasses: [TableAlignment: String] = [
        .left: " class=\"align-left\"", .center: " class=\"align-center\"", .right: " class=\"align-right\"",
    ]

    private func appendHTMLTable(header: [[Inline]], rows: [[[Inline]]], alignments: [TableAlignment], to output: inout String) {
        // Each cell's opening tag by column, made once a table.
        let opens = { (tag: String) in alignments.map { "<\(tag)\(Self.htmlAlignmentClasses[$0] ?? "")>" } }
        let headerOpens = opens("th")
        let cellOpens = opens("td")
        output += "<table>\n<thead><tr>"
        for (column, cell) in header.enumerated() {
            wrap(cell, column < headerOpens.count ? headerOpens[column] : "<th>", "</th>", to: &output)
        }
        output += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            if index > 0 { output += "\n" }
            output += "<tr>"
            for (column, cell) in row.enumerated() {
                wrap(cell, column < cellOpens.count ? cellOpens[column] : "<td>", "</td>", to: &output)
            }
            output += "</tr>"
        }
        output += "\n</tbody>\n</table>"
    }

    func append(_ inlines: [Inline], to output: inout String) {
        guard format == .markdown else {
            for inline in inlines { append(inline, to: &output) }
            return
        }
        // Code spans side by side (raw HTML the parser dropped stood between
        // them) are written as one: two would join their fences into one
        // run of backticks that closes neither, and their text would be live.
        var index = 0
        while index < inlines.count {
            guard case .code(var text) = inlines[index] else {
                append(inlines[index], to: &output)
                index += 1
                continue
            }
            index += 1
            while index < inlines.count, case .code(let next) = inlines[index] {
                text += next
                index += 1
            }
            append(Inline.code(text), to: &output)
        }
    }

    func append(_ inline: Inline, to output: inout String) {
        let html = format == .html
        switch inline {
        case .text(let text):
            if html {
                Self.htmlEscaper.append(text, to: &output)
            } else {
                // Pieces between autolink triggers, each trigger's `.` or `:`
                // behind a backslash (see `autolinkTriggers`).
                var scanned = text
                let before = Self.lastBytes(of: output)
                let triggers = scanned.withUTF8 { Self.autolinkTriggers(in: $0, after: before) }
                guard !triggers.isEmpty else { return appendMarkdownText(text, to: &output) }
                let bytes = Array(text.utf8)
                var start = 0
                for trigger in triggers {
                    appendMarkdownText(String(decoding: bytes[start..<trigger], as: UTF8.self), to: &output)
                    output += "\\"
                    start = trigger
                }
                appendMarkdownText(String(decoding: bytes[start...], as: UTF8.self), to: &output)
            }
        case .code(let text):
            if html {
                output += "<code>"
                Self.htmlEscaper.append(text, to: &output)
                output += "</code>"
            } else {
                appendMarkdownCodeSpan(text, to: &output)
            }
        case .emphasis(let children): wrap(children, html ? "<em>" : "*", html ? "</em>" : "*", to: &output)
        case .strong(let children): wrap(children, html ? "<strong>" : "**", html ? "</strong>" : "**", to: &output)
        case .strikethrough(let children): wrap(children, html ? "<del>" : "~~", html ? "</del>" : "~~", to: &output)
        case .link(let destination, let children):
            if html {
                output += "<a href=\""
                Self.htmlEscaper.append(destination, to: &output)
                output += "\">"
                append(children, to: &output)
                output += "</a>"
            } else {
                output += "["
                append(children, to: &output)
                output += "]("
                Self.linkDestinationEscaper.append(destination, to: &output)
                output += ")"
            }
        // A heading and a table row are one line each in Markdown: their breaks are spaces.
        case .softBreak: output += !html && (inHeading || inTableCell) ? " " : "\n"
        case .lineBreak: output += html ? "<br>\n" : inHeading || inTableCell ? " " : "\\\n"
        case .image(let source, let alt, _):
            guard let image = images[source] else { return append(alt, to: &output) }
            let altText = alt.map(\.plainText).joined()
            if html {
                // Embedded, so the HTML stays one standalone file with no remote resource.
                output += "<img src=\"data:\(image.format.mediaType);base64,\(image.data.base64EncodedString())\" alt=\""
                Self.htmlEscaper.append(altText, to: &output)
                output += "\" width=\"\(image.pixelWidth)\" height=\"\(image.pixelHeight)\" style=\"max-width: 100%; height: auto\">"
            } else {
                output += "!["
                Self.markdownEscaper.append(altText, to: &output)
                output += "]("
                Self.linkDestinationEscaper.append(image.path, to: &output)
                output += ")"
            }
        case .footnote(let label):
            guard let number = footnoteNumber(label) else { return }
            guard html else {
                output += "[^\(number)]"
                return
            }
            let anchor = anchoredFootnotes.numbers.insert(number).inserted ? " id=\"fnref\(number)\"" : ""
            output += "<sup class=\"footnote-ref\"><a href=\"#fn\(number)\"\(anchor)>\(number)</a></sup>"
        }
    }

    /// Note text in Markdown: escaped, with a line's start kept from reading
    /// as a list, heading or footnote definition.
    private func appendMarkdownText(_ text: String, to output: inout String) {
        if output.utf8.last == nil || output.utf8.last == UInt8(ascii: "\n") {
            Self.appendMarkdownLineStart(text, to: &output)
        } else if text.utf8.first == UInt8(ascii: ":"), Self.endsWithFootnoteReferenceLine(output) {
            // `[^1]:` at a line's start would define the footnote.
            output += "\\"
            Self.markdownEscaper.append(text, to: &output)
        } else if text.utf8.first == UInt8(ascii: ".") || text.utf8.first == UInt8(ascii: ")"), Self.lineIsDigits(output) {
            // `3` and `.` written one after another (raw HTML the parser dropped between) would begin an ordered list.
            output += "\\"
            Self.markdownEscaper.append(text, to: &output)
        } else {
            Self.markdownEscaper.append(text, to: &output)
        }
    }

    /// The offsets of the `:` of each `://` and the `.` of each `www.` (any
    /// case) in `bytes`: cmark-gfm's autolink extension reads text there as a
    /// link that runs to the next space, taking a following code span's
    /// backtick with it (so `<b>` inside it would stand as raw HTML) or a
    /// link's bracket; a backslash before the `:` or `.` keeps it text.
    ///
    /// A trigger may begin in what is already written (`after`, the output's
    /// last three bytes): text nodes are written one after another, and two
    /// of them can make `www.` or `://` together (`[ w` and `ww.` around
    /// raw HTML the parser dropped). A `/` that completes a `://` begun
    /// before the text is the trigger then: `\/` keeps it text.
    static func autolinkTriggers(in bytes: UnsafeBufferPointer<UInt8>, after: (UInt8, UInt8, UInt8) = (0, 0, 0)) -> [Int] {
        // The byte at `index`, reaching back into `after` (its last byte at -1).
        func byte(_ index: Int) -> UInt8 {
            switch index {
            case 0...: index < bytes.count ? bytes[index] : 0
            case -1: after.2
            case -2: after.1
            case -3: after.0
            default: 0
            }
        }
        var triggers: [Int] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ":") where byte(index + 1) == UInt8(ascii: "/") && byte(index + 2) == UInt8(ascii: "/"):
                triggers.append(index)
            case UInt8(ascii: ".")
            where byte(index - 3) | 0x20 == UInt8(ascii: "w") && byte(index - 2) | 0x20 == UInt8(ascii: "w")
                && byte(index - 1) | 0x20 == UInt8(ascii: "w"):
                triggers.append(index)
            case UInt8(ascii: "/")
            where index == 0
                && ((byte(-1) == UInt8(ascii: ":") && byte(1) == UInt8(ascii: "/"))
                    || (byte(-2) == UInt8(ascii: ":") && byte(-1) == UInt8(ascii: "/"))):
                triggers.append(index)
            default: break
            }
            index += 1
        }
        return triggers
    }

    /// The last three bytes of `output` (0 for those it does not have), the last one third.
    static func lastBytes(of output: String) -> (UInt8, UInt8, UInt8) {
        var bytes = output.utf8.reversed().makeIterator()
        let last = bytes.next() ?? 0
        let second = bytes.next() ?? 0
        return (bytes.next() ?? 0, second, last)
    }

    /// Spaces and parentheses would end a Markdown link destination; a
    /// backslash would escape the character after it, a `<` at its start
    /// would open one in angle brackets, a `|` would end a table cell.
    static let linkDestinationEscaper = UTF8Escaper([
        UInt8(ascii: " "): "%20", UInt8(ascii: "("): "%28", UInt8(ascii: ")"): "%29",
        UInt8(ascii: "\\"): "\\\\", UInt8(ascii: "<"): "\\<", UInt8(ascii: ">"): "\\>", UInt8(ascii: "|"): "\\|",
    ])

    /// A code span that reads back as `text`: inside a run of backticks
    /// longer than any in the text (a run as long would close it), padded
    /// with a space at each end when the text begins or ends with a backtick
    /// (it would join the fence) or with a space at both ends (CommonMark
    /// strips one from each end then). Empty text writes nothing (an empty
    /// span cannot be written; cmark-gfm never makes one).
    private func appendMarkdownCodeSpan(_ text: String, to output: inout String) {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return }
        let backtick = UInt8(ascii: "`")
        let space = UInt8(ascii: " ")
        let longest = Self.longestBacktickRun(in: text)
        // cmark-gfm closes no code span opened by more than 80 backticks
        // (MAXBACKTICKS): such a span would read back as text with its
        // content live (`<b>` as raw HTML). Its text is written as text.
        guard longest < Self.maximumCodeSpanFence else {
            // As text is written: escaped, and kept from being autolinked
            // (an autolink would take the backslash before a `<`).
            append(Inline.text(text), to: &output)
            return
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded =
            first == backtick || last == backtick
            || (first == space && last == space && bytes.contains { $0 != space })
        output += fence
        if padded { output += " " }
        // In a table cell each `|` is escaped; the table extension removes the backslash before the span is read.
        if inTableCell { Self.pipeEscaper.append(text, to: &output) } else { output += text }
        if padded { output += " " }
        output += fence
    }

    /// Text that begins a line of Markdown, escaped as all text is and
    /// also where only a line's start makes markup: leading spaces and tabs
    /// (dropped there, or four of them an indented code block), vertical
    /// tabs and form feeds as character
    /// references, and a leading `-`, `+`, `=` or `:` (a list item, a setext
    /// underline, a table's delimiter row) or the `.` or `)` after up to nine
    /// digits (an ordered list item) behind a backslash. The rest is
    /// escaped as all text is.
    private static func appendMarkdownLineStart(_ text: String, to output: inout String) {
        var rest = Substring(text)
        // Vertical tab and form feed too: the table extension reads them as
        // space around a delimiter row's `-` (`w` over `\u{0B}-` is a table).
        while let first = rest.utf8.first, first == 0x20 || first == 0x09 || first == 0x0B || first == 0x0C {
            output += "&#\(first);"
            rest = rest.dropFirst()
        }
        guard let first = rest.utf8.first else { return }
        if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ":")].contains(first) {
            output += "\\"
        } else {
            let digits = rest.utf8.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            let marker = rest.utf8.dropFirst(digits).first
            if (1...9).contains(digits), marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")") {
                output += rest.prefix(digits) + "\\"
                rest = rest.dropFirst(digits)
            }
        }
        markdownEscaper.append(rest.count == text.count ? text : String(rest), to: &output)
    }

    /// Whether the last line of `output` is one to nine digits and nothing
    /// else: a `.` or `)` after them would make an ordered list's marker.
    static func lineIsDigits(_ output: String) -> Bool {
        var digits = 0
        for byte in output.utf8.reversed() {
            if byte == UInt8(ascii: "\n") { break }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 9 else { return false }
            digits += 1
        }
        return digits > 0
    }

    /// Whether the last line of `output` is a footnote reference alone (`[^12]`).
    private static func endsWithFootnoteReferenceLine(_ output: String) -> Bool {
        guard output.utf8.last == UInt8(ascii: "]") else { return false }
        let line = output.utf8.reversed().prefix { $0 != UInt8(ascii: "\n") }.reversed()
        guard line.starts(with: "[^".utf8), line.count > 3 else { return false }
        return line.dropFirst(2).dropLast().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static let pipeEscaper = UTF8Escaper([UInt8(ascii: "|"): "\\|"])

    /// The longest backtick fence cmark-gfm closes a code span with.
    static let maximumCodeSpanFence = 80

    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private func wrap(_ children: [Inline], _ open: String, _ close: String, to output: inout String) {
        output += open
        append(children, to: &output)
        output += close
    }
}
