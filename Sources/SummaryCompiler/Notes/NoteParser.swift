public import Diagnostics
public import Forum
import Foundation
import Storage
import Yams

/// Reads a note file: checks the encoding, splits the front matter off at
/// its `---` lines (keeping the line offset), decodes it into typed values
/// and parses the body. Reports every problem it finds, not just the first.
public enum NoteParser {
    struct FrontMatter: Decodable {
        var session: String?
        var title: String?
        var author: String?
        var role: String?
        var segment: String?
        var objectives: [Int]?
        var language: String?

        /// `objectives` is read from its node (`FrontMatterSlips.objectives`),
        /// which takes the forms people write besides a list.
        enum CodingKeys: String, CodingKey { case session, title, author, role, segment, language }
    }

    static let knownKeys: Set<String> = ["session", "title", "author", "role", "segment", "objectives", "language"]

    /// The largest note accepted, in bytes (4 MiB): a summary note is a few
    /// pages; anything bigger is a mistake (or an attack) and is refused
    /// before parsing rather than compiled for minutes.
    public static let maximumBytes = WorkspaceLayout.maximumNoteBytes

    /// The longest line accepted, in characters (Unicode scalars): a long
    /// paragraph typed without line breaks is a few thousand; a line of a
    /// hundred thousand is pasted material, and the Markdown parser's
    /// inline pass is slowest on one huge line. Refused before parsing.
    public static let maximumLineLength = 100_000

    /// The error for a note of `size` bytes, over `maximumBytes`, at its line 1.
    public static func tooLarge(_ path: String, size: Int) -> Diagnostic {
        .error(
            "note is larger than 4 MB (\(size) bytes)", at: SourceLocation(path: path, line: 1, column: 1),
            hint: "split it into several notes or remove pasted material"
        )
    }

    /// The note, when its front matter could be read, and the diagnostics about it.
    /// The note keeps `bytes` as its `source`.
    public static func parse(bytes: [UInt8], path: String, forum: Forum? = nil) -> (note: Note?, diagnostics: [Diagnostic]) {
        var parsed = parse(unkeptBytes: bytes, path: path, forum: forum)
        parsed.note?.source = bytes
        return parsed
    }

    private static func parse(unkeptBytes bytes: [UInt8], path: String, forum: Forum?) -> (note: Note?, diagnostics: [Diagnostic]) {
        guard bytes.count <= maximumBytes else { return (nil, [tooLarge(path, size: bytes.count)]) }
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // UTF-16 with its byte order mark: Notepad's "Unicode" and Word's
        // "Unicode text". Read, with a warning: the office's tools want UTF-8.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = utf16Text(bytes) else {
                return (
                    nil,
                    [
                        .error(
                            "note begins as UTF-16 text but is not valid UTF-16", at: SourceLocation(path: path, line: 1, column: 1),
                            hint: "save the file as UTF-8")
                    ]
                )
            }
            var parsed = parse(text: text, path: path, forum: forum)
            parsed.diagnostics.insert(
                .warning(
                    "note is saved as UTF-16 (Notepad's \"Unicode\"): read as such", at: SourceLocation(path: path, line: 1, column: 1),
                    hint: "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"), at: 0)
            return parsed
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [notUTF8(bytes, path: path)])
        }
        return parse(text: text, path: path, forum: forum)
    }

    /// A note's bytes as text to show a person, decoded as `parse(bytes:)`
    /// reads them (UTF-16 with its byte order mark, else UTF-8); a byte
    /// that is neither shows as U+FFFD.
    public static func displayText(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), let text = utf16Text(bytes) { return text }
        return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    }

    /// The text of UTF-16 `bytes` that begin with their byte order mark; nil when they are not valid UTF-16.
    static func utf16Text(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        var text = ""
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: return text
            case .error: return nil
            }
        }
    }

    /// The error for bytes that are not UTF-8, at the first bad byte's line
    /// and column (in characters), naming the byte.
    static func notUTF8(_ bytes: [UInt8], path: String) -> Diagnostic {
        // The longest valid prefix: its lines and last line's characters place the bad byte.
        var valid = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                valid += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error: break loop
            }
        }
        let byte = valid < bytes.count ? String(format: "0x%02X", bytes[valid]) : "the end"
        return .error(
            "note is not UTF-8 text: the byte \(byte) at line \(line), column \(column) is not UTF-8",
            at: SourceLocation(path: path, line: line, column: column),
            hint: "save the file as UTF-8 (it may have been saved as Windows-1252 or Latin-1)")
    }

    public static func parse(text: String, path: String, forum: Forum? = nil) -> (note: Note?, diagnostics: [Diagnostic]) {
        parse(text: text, path: path, forum: forum, simpleFrontMatter: true)
    }

    /// - Parameter simpleFrontMatter: read the usual `key: value` front
    ///   matter without Yams (`SimpleFrontMatter`); false forces Yams, for
    ///   the tests that check both agree.
    static func parse(text: String, path: String, forum: Forum?, simpleFrontMatter: Bool) -> (note: Note?, diagnostics: [Diagnostic]) {
        let lines = lines(of: text)
        let front: ReadFrontMatter
        do throws(Refusal) {
            try refuseLongLines(lines, path: path)
            let close = try frontMatterEnd(lines, path: path)
            front = try readFrontMatter(lines[1..<close], path: path, simple: simpleFrontMatter)
        } catch {
            return (nil, error.diagnostics)
        }
        var diagnostics = front.warnings
        let (session, segment) = checkedFields(front, forum: forum, path: path, diagnostics: &diagnostics)
        let (body, bodyLine) = body(of: text, lines: lines, close: front.lines.upperBound)
        let document = MarkdownParser.parse(body)
        if let problem = bodyProblem(document, lines: lines, bodyLine: bodyLine, path: path) { diagnostics.append(problem) }
        for dropped in document.droppedHTML {
            diagnostics.append(
                .warning(
                    "raw HTML is left out of the summary: '\(dropped.text)'",
                    at: SourceLocation(path: path, line: bodyLine + dropped.line - 1, column: 1),
                    hint: "write it in Markdown (**bold**, *italic*, lists, tables); only <br> is kept, as a line break"))
        }
        for slip in document.slips {
            diagnostics.append(
                .warning(slip.message, at: SourceLocation(path: path, line: bodyLine + slip.line - 1, column: 1), hint: slip.hint))
        }

        // A note with a known session is returned even with errors, so that
        // a mistake in it does not also report its session as missing;
        // callers compile nothing while there are errors.
        guard let session else { return (nil, diagnostics) }
        let values = front.values
        let note = Note(
            path: path, session: session, title: values.title, author: values.author, role: values.role, segment: segment,
            objectives: (values.objectives ?? []).filter { Objective.numbers.contains($0) }, language: values.language ?? "en",
            body: body, bodyLine: bodyLine, document: document
        )
        return (note, diagnostics)
    }

    /// Why a note is refused before its fields are checked: the problems
    /// found so far.
    private struct Refusal: Error {
        var diagnostics: [Diagnostic]
        init(_ diagnostic: Diagnostic) { diagnostics = [diagnostic] }
        init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// Refuses a line longer than `maximumLineLength`, before anything is parsed.
    private static func refuseLongLines(_ lines: [Substring], path: String) throws(Refusal) {
        // A line has no more scalars than UTF-8 bytes: only a long one is counted.
        guard let long = lines.firstIndex(where: { $0.utf8.count > maximumLineLength && $0.unicodeScalars.count > maximumLineLength })
        else { return }
        throw Refusal(
            .error(
                "line \(long + 1) is longer than 100,000 characters (\(lines[long].unicodeScalars.count))",
                at: SourceLocation(path: path, line: long + 1, column: 1),
                hint: "break the paragraph into several lines: Markdown joins lines of one paragraph"
            ))
    }

    /// The index of the line that closes the front matter the first line opens.
    private static func frontMatterEnd(_ lines: [Substring], path: String) throws(Refusal) -> Int {
        func isFence(_ line: Substring) -> Bool { Whitespace.trimming(line, Whitespace.isWhitespace) == "---" }
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard let first = lines.first, isFence(first) else {
            throw Refusal(
                .error(
                    "note has no front matter", at: start,
                    hint: lines.first.flatMap(FrontMatterSlips.fenceLookalike)
                        ?? "begin the note with a '---' line, the front matter (session: ...), and another '---' line"
                ))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            // Where it should have ended: a dash look-alike, else the first
            // line that is not `key: value` (nor a list item or a continuation).
            // (The empty "line" after a file's last line end is not one.)
            let ending = lines.indices.dropFirst().dropLast(lines.last?.isEmpty == true ? 1 : 0).first { index in
                let line = lines[index]
                if FrontMatterSlips.fenceLookalike(line) != nil { return true }
                return !line.hasPrefix(" ") && !line.hasPrefix("-") && !line.hasPrefix("#") && !line.contains(":")
            }
            guard let ending else { throw Refusal(.error("front matter is not closed by a '---' line", at: start)) }
            throw Refusal(
                .error(
                    "front matter is not closed by a '---' line", at: SourceLocation(path: path, line: ending + 1, column: 1),
                    hint: FrontMatterSlips.fenceLookalike(lines[ending])
                        ?? "the front matter seems to end before line \(ending + 1): put a line '---' there, after its last 'key: value' line"))
        }
        return close
    }

    /// The front matter's values, where each one is written, and the
    /// warnings about it (unknown keys).
    private struct ReadFrontMatter {
        var values: FrontMatter
        /// Where the value of a key, or an element of a list value, starts in the file.
        var location: (_ key: String, _ element: Int?) -> SourceLocation
        var warnings: [Diagnostic] = []
        /// The front matter's lines in the file, the fences excluded (0-based).
        var lines: Range<Int>
    }

    /// Reads the front matter `lines` (between the fences): the usual
    /// `key: value` lines without Yams when `simple` allows it, anything
    /// else through Yams.
    private static func readFrontMatter(_ lines: ArraySlice<Substring>, path: String, simple: Bool) throws(Refusal) -> ReadFrontMatter {
        if simple, let simple = SimpleFrontMatter.read(lines) {
            return ReadFrontMatter(
                values: simple.values,
                location: { key, element in
                    let position =
                        element.flatMap { $0 < simple.objectivePositions.count ? simple.objectivePositions[$0] : nil }
                        ?? simple.valuePositions[key]
                    guard let position else { return SourceLocation(path: path, line: 2, column: 1) }
                    return SourceLocation(path: path, line: position.line + 1, column: position.column)
                }, lines: lines.indices)
        }
        let source = YAMLSource(text: lines.joined(separator: "\n"), path: path, lineOffset: 1)
        let root: Node
        do { root = try source.compose() } catch { throw Refusal(error.diagnostics) }
        guard let mapping = root.mapping else {
            throw Refusal(.error("front matter must be a mapping of keys to values", at: source.location(root.mark)))
        }
        var values: FrontMatter
        do { values = try source.decode(FrontMatter.self, from: root) } catch { throw Refusal(error.diagnostics) }
        let firstLine = lines.startIndex + 1
        var warnings = FrontMatterSlips.comments(lines, path: path, firstLine: firstLine)
        warnings += FrontMatterSlips.noBreakSpaces(lines, path: path, firstLine: firstLine)
        let (objectives, objectiveProblems) = FrontMatterSlips.objectives(mapping["objectives"], source: source)
        values.objectives = objectives
        warnings += objectiveProblems
        for key in ["session", "title", "author", "role", "segment", "language"] {
            let keyPath: WritableKeyPath<FrontMatter, String?> =
                switch key {
                case "session": \.session
                case "title": \.title
                case "author": \.author
                case "role": \.role
                case "segment": \.segment
                default: \.language
                }
            guard let value = values[keyPath: keyPath],
                let (inner, warning) = FrontMatterSlips.curlyQuoted(value, key: key, at: source.location(mapping[key]?.mark))
            else { continue }
            values[keyPath: keyPath] = inner
            warnings.append(warning)
        }
        for (key, _) in mapping {
            if let name = key.string, !knownKeys.contains(name) {
                warnings.append(
                    .warning(
                        "unknown front matter key '\(name)'", at: source.location(key.mark),
                        hint: "known keys: session, title, author, role, segment, objectives, language"
                    ))
            }
        }
        let objectiveNodes = mapping["objectives"]?.sequence.map(Array.init) ?? []
        return ReadFrontMatter(
            values: values,
            location: { key, element in
                if let element, element < objectiveNodes.count { return source.location(objectiveNodes[element].mark) }
                return source.location(mapping[key]?.mark)
            }, warnings: warnings, lines: lines.indices)
    }

    /// The session and plenary segment the front matter names, checked
    /// against the forum with its language and objectives; the problems
    /// are added to `diagnostics`.
    private static func checkedFields(
        _ front: ReadFrontMatter, forum: Forum?, path: String, diagnostics: inout [Diagnostic]
    ) -> (session: Session?, segment: PlenarySegment?) {
        let values = front.values
        let location = front.location
        var session: Session?
        if let name = values.session {
            session = Session(rawValue: name)
            if session == nil {
                diagnostics.append(
                    .error(
                        "unknown session '\(name)'", at: location("session", nil),
                        hint: "use one of: " + Session.allCases.map(\.rawValue).joined(separator: ", ")
                    ))
            }
        } else {
            diagnostics.append(
                .error(
                    "missing key 'session'", at: SourceLocation(path: path, line: 1, column: 1),
                    hint: "add e.g. 'session: round-table-1' to the front matter"
                ))
        }

        var segment: PlenarySegment?
        if let name = values.segment {
            if let known = PlenarySegment(rawValue: name) {
                if session == nil || session == .plenary {
                    segment = known
                } else {
                    diagnostics.append(
                        .error(
                            "'segment' is only for plenary notes", at: location("segment", nil),
                            hint: "remove it, or make the note's session 'plenary'"
                        ))
                }
            } else {
                diagnostics.append(
                    .error(
                        "unknown plenary segment '\(name)'", at: location("segment", nil),
                        hint: "use one of: " + PlenarySegment.allCases.map(\.rawValue).joined(separator: ", ")
                    ))
            }
        }

        if let language = values.language, let problem = languageProblem(language) {
            diagnostics.append(.error(problem.message, at: location("language", nil), hint: problem.hint))
        }

        for (index, number) in (values.objectives ?? []).enumerated() {
            if !Objective.numbers.contains(number) {
                diagnostics.append(.error("objective \(number) is outside 1-23", at: location("objectives", index)))
            } else if let table = session?.roundTableNumber {
                let covered = forum?.roundTable(table)?.objectives ?? RoundTable.indicativeClustering[table] ?? []
                if !covered.contains(number) {
                    diagnostics.append(
                        .warning(
                            "objective \(number) (\(Objective.numbered(number)!.shortTitle)) is not covered by round table \(table)",
                            at: location("objectives", index)
                        ))
                }
            }
        }
        return (session, segment)
    }

    /// The body after the front matter's closing line `close`, and the
    /// file line it starts on. Line ends are LF in the body: a text without
    /// a CR is cut as it is, one with a CR has its lines joined again.
    private static func body(of text: String, lines: [Substring], close: Int) -> (body: String, line: Int) {
        let body =
            close + 1 < lines.count && !text.utf8Contains(UInt8(ascii: "\r"))
            ? String(text[lines[close + 1].startIndex...])
            : lines[(close + 1)...].joined(separator: "\n")
        return (body, close + 2)
    }

    /// The error that refuses the parsed body: a limit it passed (table
    /// cells, addresses on a line, footnotes, nesting), or no text at all.
    private static func bodyProblem(_ document: MarkdownDocument, lines: [Substring], bodyLine: Int, path: String) -> Diagnostic? {
        /// The file location of the body's line `line` (1-based).
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: bodyLine + line - 1, column: 1) }
        if let line = document.tooManyTableCellsAtLine {
            return .error(
                "tables with more than 100,000 cells in one note (columns times rows)", at: at(line),
                hint: "split the table, or give its rows no more columns than they need"
            )
        } else if let line = document.tooManyAddressesAtLine {
            let index = bodyLine + line - 2  // the body's lines are the file's from bodyLine on
            let addresses = lines.indices.contains(index) ? lines[index].utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "@") ? 1 : 0) } : 0
            return .error(
                "line \(bodyLine + line - 1) holds more than 100 e-mail addresses ('@' signs: \(NoteBudget.grouped(addresses)))",
                at: at(line),
                hint: "put the addresses on lines of their own, or break the paragraph into shorter lines"
            )
        } else if let line = document.tooManyFootnotesAtLine {
            return .error("more than 10,000 footnotes in one note", at: at(line), hint: "split the note, or cite one footnote several times")
        } else if let line = document.tooDeepAtLine {
            return .error(
                "nesting deeper than \(MarkdownParser.maximumDepth) levels (block quotes, lists or emphasis)", at: at(line),
                hint: "flatten the quotes or lists"
            )
        } else if document.isEmpty {
            return .error("note has no text after its front matter", at: SourceLocation(path: path, line: min(bodyLine, lines.count), column: 1))
        }
        return nil
    }

    /// What is wrong with `text` as a note's language, if anything: a tag
    /// of the wrong shape, a language's name instead of its code ("did you
    /// mean ar?"), or a language subtag ISO 639 does not have (its two- and
    /// three-letter codes, `LanguageCodes`). The script, region and other
    /// subtags are checked for their shape only.
    static func languageProblem(_ text: String) -> (message: String, hint: String)? {
        let examples = "write its code: en, fr, es, ar, ru, zh (the UN's six), or another ISO 639 code such as pt or pt-BR"
        let primary = text.split(separator: "-", omittingEmptySubsequences: false)[0].lowercased()
        let firstWord = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," }).first.map { $0.lowercased() } ?? ""
        let named = [text.lowercased(), primary, firstWord].lazy.compactMap { LanguageCodes.byName[$0] ?? endonyms[$0] }.first
        if let code = named, !isLanguageTag(text) || text.count > 3 {
            return ("'\(text)' is a language's name, not its code", "did you mean \(code)?")
        }
        guard isLanguageTag(text) else { return ("'\(text)' is not a language code", examples) }
        switch primary.count {
        case 1: return nil  // x-...: private use
        case 2 where LanguageCodes.twoLetter.contains(Substring(primary)), 3 where LanguageCodes.threeLetter.contains(Substring(primary)):
            return nil
        default:
            return ("'\(text)' is not a language code ISO 639 knows ('\(primary)')", examples)
        }
    }

    /// The UN's six languages by their own names.
    static let endonyms: [String: String] = [
        "english": "en", "français": "fr", "francais": "fr", "español": "es", "espanol": "es", "русский": "ru",
        "العربية": "ar", "中文": "zh", "汉语": "zh",
    ]

    /// Whether `text` is a well-formed language tag (RFC 5646's shape:
    /// subtags of ASCII letters and digits, one to eight each, joined by
    /// hyphens, the first a language of letters), as the HTML `lang`
    /// attribute and Word's `w:lang` take it: `en`, `es-419`, `zh-Hant-TW`.
    static func isLanguageTag(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let subtags = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let first = subtags[0]
        // A language (two to eight letters), or x- for a private-use tag.
        let privateUse = first.count == 1 && first.first! | 0x20 == UInt8(ascii: "x") && subtags.count > 1
        guard privateUse || (2...8).contains(first.count) && first.allSatisfy(isLetter) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    /// The lines of `text`: a line ends at LF, CR LF or a lone CR, as in
    /// CommonMark and YAML, so that line numbers match the parsers' and the
    /// user's editor (a lone CR is a classic Mac line end; counted only by
    /// the parsers, it would shift every later line). Works on UTF-8 bytes:
    /// splitting at `Character`s is slow (grapheme breaking) and never
    /// splits a CRLF file (`"\r\n"` is one `Character`).
    static func lines(of text: String) -> [Substring] {
        // The line ends are found in the contiguous UTF-8 buffer, then the
        // lines are cut at those offsets: stepping `String.UTF8View` indices
        // byte by byte costs more than the rest of reading a front matter.
        var copy = text
        let ends: [(end: Int, next: Int)] = copy.withUTF8 { bytes in
            var ends: [(end: Int, next: Int)] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                    index += 1
                    continue
                }
                let end = index
                index += 1
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                ends.append((end, index))
            }
            return ends
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var lineStart = utf8.startIndex
        for (end, next) in ends {
            lines.append(text[lineStart..<utf8.index(utf8.startIndex, offsetBy: end)])
            lineStart = utf8.index(utf8.startIndex, offsetBy: next)
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }
}
