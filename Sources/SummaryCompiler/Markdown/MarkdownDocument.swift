import Foundation

/// A note's Markdown as imrf's own values, so that rendering never depends
/// on the parser: raw HTML is not represented at all, and links keep only
/// destinations that are safe to render.
///
/// Neither enum is `indirect`: their recursion goes through arrays, which are
/// references already; `indirect` would box every case, an allocation per
/// node parsed and a retain per node rendered (Benchmarks/compile.sh).
public enum Block: Sendable, Hashable {
    case paragraph([Inline])
    case heading(level: Int, [Inline])
    case blockQuote([Block])
    /// A tight list (no blank lines between items) renders its paragraphs without `<p>`.
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    case code(String)
    case thematicBreak
    /// `alignments` is empty when no column is aligned (the usual table
    /// allocates nothing for it), else one a column of the header.
    case table(header: [[Inline]], rows: [[[Inline]]], alignments: [TableAlignment] = [])
}

/// A table column's alignment, as its delimiter row writes it (`:--`, `--:`, `:-:`).
public enum TableAlignment: Sendable, Hashable {
    case none, left, center, right
}

public enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    /// A link whose destination is http, https, mailto or relative.
    case link(destination: String, [Inline])
    case softBreak
    case lineBreak
    /// A reference to a footnote defined in the same note, by label.
    case footnote(label: String)
    /// A picture: `source` as written in the note until the workspace
    /// resolves it to a path relative to the workspace folder (see
    /// `Workspace.images`); `line` is the body line it is on, for errors.
    case image(source: String, alt: [Inline], line: Int)
}

/// A parsed Markdown body: its blocks and its footnote definitions in order.
public struct MarkdownDocument: Sendable, Hashable {
    public struct Footnote: Sendable, Hashable {
        public var label: String
        public var blocks: [Block]
    }

    public var blocks: [Block]
    public var footnotes: [Footnote]
    /// The body line (1-based) where the Markdown nests deeper than
    /// `MarkdownParser.maximumDepth`; the document is then left empty.
    public var tooDeepAtLine: Int?
    /// The body line (1-based) of the first footnote past
    /// `MarkdownParser.maximumFootnotes`; the document is then left empty.
    public var tooManyFootnotesAtLine: Int?
    /// The body line (1-based) of the header of the table that takes the
    /// note past `MarkdownParser.maximumTableCells`; the document is then
    /// left empty (cmark-gfm never saw it).
    public var tooManyTableCellsAtLine: Int?
    /// The body line (1-based) with more `@` signs than
    /// `MarkdownParser.maximumAddressesPerLine`; the document is then left empty.
    public var tooManyAddressesAtLine: Int?
    /// Raw HTML the summary leaves out: the body line (1-based) and the
    /// first of what was written there.
    public struct DroppedHTML: Sendable, Hashable {
        public var line: Int
        public var text: String
    }

    /// The raw HTML the summary leaves out (all but `<br>`, a line break),
    /// one per line, so that the note's author is told.
    public var droppedHTML: [DroppedHTML] = []

    /// Markdown that does not mean what its author meant, most likely: a
    /// picture or a footnote printed as text, a table cell left out.
    public struct Slip: Sendable, Hashable {
        /// The body line (1-based).
        public var line: Int
        public var message: String
        public var hint: String
    }

    /// At most `MarkdownParser.maximumSlips`, in the order of the body.
    public var slips: [Slip] = []

    public init(blocks: [Block], footnotes: [Footnote] = [], tooDeepAtLine: Int? = nil) {
        self.blocks = blocks
        self.footnotes = footnotes
        self.tooDeepAtLine = tooDeepAtLine
    }

    /// Whether the body has no block: nothing but footnote definitions,
    /// raw HTML or white space (a note with no text is refused).
    public var isEmpty: Bool { blocks.isEmpty }
}

extension Inline {
    /// The text without markup.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children),
            .image(_, let children, _):
            children.map(\.plainText).joined()
        case .softBreak, .lineBreak: " "
        case .footnote: ""
        }
    }

    /// Whether a link destination may be rendered: no `javascript:`,
    /// `data:`, `vbscript:` or any other scheme than http(s) and mailto, and
    /// no network path (`isNetworkPath`).
    public static func isSafe(destination: String) -> Bool {
        if isNetworkPath(destination) { return false }
        // Read on the UTF-8 bytes: every link of every note comes here, and
        // Foundation's `contains` on the scheme would bridge it to NSString. The
        // scheme is what precedes the first colon, unless a slash, question
        // mark or hash comes first (a relative path, query or fragment);
        // only an ASCII scheme can be one of the three allowed.
        var scheme: [UInt8] = []
        for byte in Whitespace.trimming(destination, Whitespace.isWhitespaceOrNewline).utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return ["http", "https", "mailto"].contains { scheme.elementsEqual($0.utf8) }
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte | 0x20)
            default:
                scheme.append(byte)
            }
        }
        return true
    }

    /// Whether `destination` names another host without a scheme: `//host`,
    /// a Windows UNC path `\\host\share`, or any mix of the two slashes, also
    /// percent-encoded (Word decodes it) or with tabs and line breaks between
    /// (browsers drop them). A browser resolves it against the page (a
    /// summary opened from disk: `file://host`), Word opens it as a network
    /// path: on Windows either sends the user's network login to that host.
    static func isNetworkPath(_ destination: String) -> Bool {
        func isIgnored(_ byte: UInt8) -> Bool { byte <= 0x20 }  // C0 controls and space, as browsers strip them
        func isSlash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
        func isLineBreakOrTab(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // Only a destination that begins with a slash, a percent sign or a
        // stripped character can be one: any other costs a look at one byte.
        guard let first = destination.utf8.first,
            isSlash(first) || first == UInt8(ascii: "%") || isIgnored(first)
        else { return false }
        var bytes = destination.utf8.filter { !isLineBreakOrTab($0) }
        // Decoded until nothing changes (a few rounds: each one shortens it).
        for _ in 0..<4 {
            let decoded = percentDecoded(bytes).filter { !isLineBreakOrTab($0) }
            if decoded == bytes { break }
            bytes = decoded
        }
        let start = bytes.drop(while: isIgnored)
        return start.count >= 2 && isSlash(start[start.startIndex]) && isSlash(start[start.startIndex + 1])
    }

    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
