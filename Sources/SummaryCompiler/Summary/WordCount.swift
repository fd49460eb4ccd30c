public import Diagnostics
import Forum
import Storage

/// The summary's length in words, as the UN counts a document's: body and
/// footnotes alike (the DGACM word limit). A word is a run of characters
/// between spaces that holds a letter or a digit ("—" alone is none);
/// Chinese, Japanese and Korean characters count one word each, as Word
/// counts them, since those languages put no spaces between words.
public enum WordCount {
    /// The words of `text`.
    /// Over the UTF-8 bytes, a scalar decoded only where one is not ASCII:
    /// a check counts every note's words, and the scalar view cost it a
    /// twentieth of its time (Benchmarks/compile.sh).
    public static func words(in text: String) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable(words(inUTF8:)) { return count }
        return Array(text.utf8).withUnsafeBufferPointer(words(inUTF8:))
    }

    private static func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var wordHasLetter = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if inWord && wordHasLetter { count += 1 }
                    inWord = false
                    wordHasLetter = false
                } else {
                    inWord = true
                    if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { wordHasLetter = true }
                }
                continue
            }
            // A String's bytes are valid UTF-8: the lead byte says how many follow.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
            }
            index += length
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if properties.isWhitespace {
                if inWord && wordHasLetter { count += 1 }
                inWord = false
                wordHasLetter = false
            } else if isEastAsian(scalar) {
                if inWord && wordHasLetter { count += 1 }
                count += 1
                inWord = false
                wordHasLetter = false
            } else {
                inWord = true
                if properties.isAlphabetic || properties.numericType != nil { wordHasLetter = true }
            }
        }
        if inWord && wordHasLetter { count += 1 }
        return count
    }

    /// Han ideographs, kana and Hangul syllables: one word each.
    static func isEastAsian(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// The words of a note as the summary prints them: its title, body and footnotes.
    public static func words(of note: Note) -> Int {
        var count = note.title.map(words(in:)) ?? 0
        for block in note.document.blocks { count += words(of: block) }
        for footnote in note.document.footnotes {
            for block in footnote.blocks { count += words(of: block) }
        }
        return count
    }

    static func words(of block: Block) -> Int {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines): words(of: inlines)
        case .blockQuote(let blocks): blocks.reduce(0) { $0 + words(of: $1) }
        case .list(_, _, _, let items): items.reduce(0) { total, item in item.reduce(total) { $0 + words(of: $1) } }
        case .code(let text): words(in: text)
        case .thematicBreak: 0
        case .table(let header, let rows, _):
            header.reduce(0) { $0 + words(of: $1) } + rows.reduce(0) { total, row in row.reduce(total) { $0 + words(of: $1) } }
        }
    }

    /// Inline text joined as it reads: `word*s*` is one word.
    static func words(of inlines: [Inline]) -> Int {
        var text = ""
        append(inlines, to: &text)
        return words(in: text)
    }

    private static func append(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let value), .code(let value): text += value
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children): append(children, to: &text)
            case .image(_, let alt, _): append(alt, to: &text)
            case .softBreak, .lineBreak: text += " "
            case .footnote: break
            }
        }
    }
}

extension CheckedNotes {
    /// The code of the warning that the summary is over its word limit.
    public static let overWordLimitCode: Diagnostic.Code = "summary.overWordLimit"

    /// The notes' words, their total, and a warning when the total is over
    /// forum.yaml's `document.wordLimit`, naming the longest notes.
    public func wordLimitWarning() -> Diagnostic? {
        // Counted on every core: a walk of every note's text, on every check and compile.
        let counts = zip(notes, notes.concurrentMap { WordCount.words(of: $0) }).map { (note: $0, words: $1) }
        let total = counts.reduce(0) { $0 + $1.words }
        let limit = forum.document.wordLimit
        guard total > limit else { return nil }
        let longest = counts.sorted { $0.words > $1.words }.prefix(3).map { entry in
            "\(entry.note.session.rawValue) (\(Self.fileName(entry.note.path))) \(WordCount.grouped(entry.words))"
        }
        return .warning(
            "the summary's notes have \(WordCount.grouped(total)) words, over the limit of \(WordCount.grouped(limit)); the longest: "
                + longest.joined(separator: ", "),
            at: forum.document.wordLimitLocation ?? SourceLocation(path: WorkspaceLayout(folder).forumFile),
            hint: "shorten the longest notes, or set another limit in forum.yaml (document: wordLimit: N)",
            code: Self.overWordLimitCode)
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension WordCount {
    /// `8,500`: thousands grouped with commas, as the UN writes numbers in English.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
