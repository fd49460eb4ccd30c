import Diagnostics
import SummaryCompiler

/// Writes the blocks read from Word as a note's Markdown body, escaping
/// every character that Markdown would read as syntax, so the note reads
/// back as the text the Word file held. Each paragraph with formatting or
/// links is parsed back (`MarkdownParser`) and compared: where emphasis
/// cannot be written so that it reads back (rare flanking cases), the text
/// is kept and the formatting dropped, with a warning.
struct MarkdownWriter {
    var path: String
    /// Which lists are numbered (else bulleted).
    var numbering: WordNumbering
    var diagnostics: [Diagnostic] = []

    // MARK: Blocks

    mutating func body(_ blocks: [WordBlock]) -> String {
        var output = ""
        var listColumns: [Int] = []
        // Per list and level, across the paragraphs between items, as Word numbers them.
        var counters: [String: Int] = [:]
        var previousWasListItem = false
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                if let list = paragraph.list {
                    let level = min(list.level, 8)
                    let ordered = numbering.isOrdered(list: list.id, level: level)
                    // The item nests under the nearest shallower item written.
                    let parentColumns = listColumns.prefix(level)
                    let column = previousWasListItem ? (parentColumns.last ?? 0) : 0
                    if !previousWasListItem { listColumns = [] }
                    let key = "\(list.id)/\(level)"
                    for deeper in (level + 1)...9 { counters["\(list.id)/\(deeper)"] = nil }
                    let number = (counters[key] ?? 0) + 1
                    counters[key] = number
                    let marker = ordered ? "\(number). " : "- "
                    let indent = String(repeating: " ", count: column)
                    let text = inlines(paragraph, continuation: indent + String(repeating: " ", count: marker.count))
                    output += (output.isEmpty ? "" : previousWasListItem ? "\n" : "\n\n") + indent + marker + text
                    listColumns = Array(listColumns.prefix(level))
                    while listColumns.count < level { listColumns.append(column + marker.count) }
                    listColumns.append(column + marker.count)
                    previousWasListItem = true
                    continue
                }
                var paragraph = paragraph
                // A heading is one line: its line breaks become spaces.
                if paragraph.headingLevel != nil { paragraph.pieces = paragraph.pieces.map { $0 == .lineBreak ? .text(" ", RunFormat()) : $0 } }
                let text = inlines(paragraph, continuation: "")
                guard !text.isEmpty else { continue }
                let written = paragraph.headingLevel.map { String(repeating: "#", count: $0) + " " + text } ?? text
                output += (output.isEmpty ? "" : "\n\n") + written
                previousWasListItem = false
            case .table(let table):
                let text = self.table(table)
                guard !text.isEmpty else { continue }
                output += (output.isEmpty ? "" : "\n\n") + text
                previousWasListItem = false
            }
        }
        return output
    }

    mutating func table(_ table: WordTable) -> String {
        let columns = table.rows.map(\.count).max() ?? 0
        guard columns > 0 else { return "" }
        var lines: [String] = []
        for (index, row) in table.rows.enumerated() {
            var cells = row.map { cell in
                cell.map { inlines($0, continuation: nil) }.filter { !$0.isEmpty }.joined(separator: "<br>")
            }
            while cells.count < columns { cells.append("") }
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: columns)) }
        }
        return lines.joined(separator: "\n")
    }

    /// Footnote definitions, `[^label]: text`, further paragraphs indented.
    mutating func footnote(label: String, _ blocks: [WordBlock]) -> String {
        var paragraphs: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                let text = inlines(paragraph, continuation: "    ")
                if !text.isEmpty { paragraphs.append(text) }
            case .table(let table):
                for row in table.rows {
                    let text = row.map { $0.map { inlines($0, continuation: nil) }.joined(separator: " ") }.joined(separator: " · ")
                    if !text.isEmpty { paragraphs.append(text) }
                }
                diagnostics.append(
                    .warning(
                        "footnote \(label): a table in the footnote was written as lines of text", at: SourceLocation(path: path),
                        hint: "check the footnote in the note"))
            }
        }
        if paragraphs.isEmpty { paragraphs = ["\u{00A0}"] }
        return "[^\(label)]: " + paragraphs.joined(separator: "\n\n    ")
    }

    // MARK: Inlines

    /// The paragraph's Markdown; `continuation` is the indent of the lines
    /// after a line break, nil in a table cell (a break is `<br>` there).
    mutating func inlines(_ paragraph: WordParagraph, continuation: String?) -> String {
        let pieces = Self.trimmed(paragraph.pieces)
        var risky = false
        let written = Self.render(pieces, continuation: continuation, formatting: true, risky: &risky)
        guard risky else { return written }
        if Self.readsBack(written, as: pieces) { return written }
        diagnostics.append(
            .warning(
                "paragraph \(paragraph.number) (“\(StoryReader.firstWords(paragraph.plainText))”): its bold, italic or strikethrough could not be kept",
                at: SourceLocation(path: path), hint: "check the paragraph's formatting in the note"))
        return Self.render(pieces, continuation: continuation, formatting: false, risky: &risky)
    }

    /// Leading and trailing white space of the paragraph removed (Markdown
    /// would drop it anyway), and an empty link's text its address.
    static func trimmed(_ pieces: [WordPiece]) -> [WordPiece] {
        var pieces = pieces
        while case .text(let text, let format) = pieces.first {
            let rest = text.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty {
                pieces.removeFirst()
            } else {
                pieces[0] = .text(String(rest), format)
                break
            }
        }
        while let last = pieces.last {
            if case .lineBreak = last {
                pieces.removeLast()
                continue
            }
            guard case .text(let text, let format) = last else { break }
            var rest = Substring(text)
            while rest.last == " " || rest.last == "\t" { rest = rest.dropLast() }
            if rest.isEmpty {
                pieces.removeLast()
            } else {
                pieces[pieces.count - 1] = .text(String(rest), format)
                break
            }
        }
        return pieces
    }

    /// Markdown of `pieces`: links grouped, then bold outermost, italic,
    /// strikethrough innermost, each over the longest run that has it.
    /// `risky` is set when a delimiter written may not read back as one
    /// (`Self.mayMisread`): only then is the paragraph parsed back.
    static func render(_ pieces: [WordPiece], continuation: String?, formatting: Bool, risky: inout Bool) -> String {
        var output = ""
        var index = 0
        var atLineStart = true
        while index < pieces.count {
            if case .linkStart(let url) = pieces[index] {
                var end = index + 1
                while end < pieces.count, pieces[end] != .linkEnd { end += 1 }
                var text = formatted(
                    Array(pieces[(index + 1)..<end]), level: formatting ? 0 : 3, continuation: continuation, atLineStart: false, risky: &risky)
                if text.trimmingSpaces.isEmpty { text = escaped(url, atLineStart: false) }
                output += "[" + text + "](<" + destination(url) + ">)"
                index = end + 1
                atLineStart = false
                continue
            }
            var end = index
            while end < pieces.count, !isLinkStart(pieces[end]) { end += 1 }
            let plain = Array(pieces[index..<end]).filter { $0 != .linkEnd }
            output += formatted(plain, level: formatting ? 0 : 3, continuation: continuation, atLineStart: atLineStart, risky: &risky)
            atLineStart = false
            index = end
        }
        return output
    }

    private static func isLinkStart(_ piece: WordPiece) -> Bool {
        if case .linkStart = piece { return true }
        return false
    }

    private static let delimiters = ["**", "*", "~~"]

    private static func has(_ piece: WordPiece, _ level: Int) -> Bool {
        guard case .text(_, let format) = piece else { return false }
        switch level {
        case 0: return format.bold
        case 1: return format.italic
        default: return format.strike
        }
    }

    private static func formatted(
        _ pieces: [WordPiece], level: Int, continuation: String?, atLineStart: Bool, risky: inout Bool
    )
        -> String
    {
        guard level < 3 else {
            var output = ""
            var lineStart = atLineStart
            for piece in pieces {
                switch piece {
                case .text(let text, _):
                    output += escaped(text, atLineStart: lineStart)
                    lineStart = false
                case .lineBreak:
                    if let continuation {
                        output += "\\\n" + continuation
                        lineStart = true
                    } else {
                        output += "<br>"
                    }
                case .footnote(let label): output += "[^\(label)]"
                case .picture(let name, let alt): output += "![" + escaped(alt, atLineStart: false) + "](" + name + ")"
                case .linkStart, .linkEnd: break
                }
            }
            return output
        }
        var output = ""
        var index = 0
        while index < pieces.count {
            var end = index
            let on = has(pieces[index], level)
            while end < pieces.count, has(pieces[end], level) == on { end += 1 }
            let inner = formatted(
                Array(pieces[index..<end]), level: level + 1, continuation: continuation, atLineStart: atLineStart && output.isEmpty,
                risky: &risky)
            if on {
                let core = inner.trimmingSpaces
                if core.isEmpty {
                    output += inner
                } else {
                    let leading = inner.prefix { $0 == " " || $0 == "\u{00A0}" }
                    let trailing = String(inner.reversed().prefix { $0 == " " || $0 == "\u{00A0}" })
                    let before: Unicode.Scalar? = leading.isEmpty ? output.unicodeScalars.last : " "
                    let after: WordPiece? = trailing.isEmpty ? (end < pieces.count ? pieces[end] : nil) : .text(" ", RunFormat())
                    if mayMisread(core, before: before, after: after, level: level, atLineStart: atLineStart) { risky = true }
                    output += leading + delimiters[level] + core + delimiters[level] + trailing
                }
            } else {
                output += inner
            }
            index = end
        }
        return output
    }

    /// Whether delimiters around `core` might not read back as emphasis:
    /// unless the characters just inside are letters or digits and those
    /// just outside are white space or punctuation other than a delimiter
    /// (CommonMark's flanking rules then always hold), the paragraph is
    /// parsed back to be sure.
    static func mayMisread(_ core: String, before: Unicode.Scalar?, after: WordPiece?, level: Int, atLineStart: Bool) -> Bool {
        func isWord(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        guard isWord(core.unicodeScalars.first), isWord(core.unicodeScalars.last) else { return true }
        if let before {
            if isWord(before) || before == "*" || before == "~" { return true }
        } else if level > 0 || !atLineStart {
            return true
        }
        switch after {
        case nil: return level > 0
        case .text(let text, let format):
            return isWord(text.unicodeScalars.first) || format.bold || format.italic || format.strike
        default: return false
        }
    }

    /// Every character Markdown could read as syntax is escaped with a
    /// backslash (CommonMark: any ASCII punctuation may be), so text stays text.
    static func escaped(_ text: String, atLineStart: Bool) -> String {
        // On UTF-8 bytes: every character escaped is ASCII, and every byte of
        // a multi-byte character is 0x80 or more, so none is taken for one.
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var lineStart = atLineStart
        var digitsAtStart = atLineStart
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "#"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: ":"):
                // A list marker, a setext underline or a number's `1.` at a
                // line's start; cmark-gfm's autolinks read the source raw,
                // backslashes and all, so `www.` and `scheme://` are kept
                // from forming one (`www\.`, `http\://`).
                let isMarker =
                    byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") ? digitsAtStart && !lineStart : lineStart && byte != UInt8(ascii: ":")
                if isMarker || Self.startsAutolink(bytes, at: index) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case 0x09, 0x0A, 0x0D: output.append(UInt8(ascii: " "))
            case 0..<0x20, 0x7F: break
            default: output.append(byte)
            }
            digitsAtStart = digitsAtStart && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            lineStart = false
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the byte at `index` is the `.` of `www.` or the `:` of
    /// `scheme://`, `mailto:` or `xmpp:`, where the autolink extension
    /// would begin a link.
    static func startsAutolink(_ bytes: [UInt8], at index: Int) -> Bool {
        func precededBy(_ word: String) -> Bool {
            let word = Array(word.utf8)
            guard index >= word.count else { return false }
            for (offset, letter) in word.enumerated() where bytes[index - word.count + offset] | 0x20 != letter { return false }
            return true
        }
        switch bytes[index] {
        case UInt8(ascii: "."):
            return precededBy("www")
        case UInt8(ascii: ":"):
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
            return precededBy("mailto") || precededBy("xmpp")
        default:
            return false
        }
    }

    /// A link destination inside `<...>`: the characters that would end it
    /// percent-encoded.
    static func destination(_ url: String) -> String {
        var output = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<": output += "%3C"
            case ">": output += "%3E"
            case "\\": output += "%5C"
            case "\n", "\r": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    // MARK: Reading back

    /// Whether `markdown` parses as one paragraph whose text is the pieces' text.
    static func readsBack(_ markdown: String, as pieces: [WordPiece]) -> Bool {
        var expected = ""
        var labels: [String] = []
        for piece in pieces {
            switch piece {
            case .text(let text, _): expected += text
            case .lineBreak: expected += " "
            case .picture(_, let alt): expected += alt
            case .footnote(let label): labels.append(label)
            case .linkStart, .linkEnd: break
            }
        }
        let definitions = labels.map { "\n\n[^\($0)]: x" }.joined()
        let document = MarkdownParser.parse(markdown + definitions)
        guard document.blocks.count == 1, case .paragraph(let inlines) = document.blocks[0] else { return false }
        return normalised(inlines.map(\.plainText).joined()) == normalised(expected)
    }

    /// Text compared as Markdown keeps it: runs of spaces and tabs as one.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\u{00A0}" { text = text.dropFirst() }
        while text.last == " " || text.last == "\u{00A0}" { text = text.dropLast() }
        return String(text)
    }
}
