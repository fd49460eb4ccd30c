/// One logical line of an RFC 5545 file: `NAME;PARAM=value:VALUE`, after
/// unfolding, with the physical line number where it starts.
///
/// Kept separate from the reader so that unfolding and splitting, the parts
/// most often got wrong (CRLF vs LF, continuation lines, quoted parameters,
/// multibyte text split by folding), can be reasoned about on their own.
public struct ContentLine: Sendable, Equatable {
    /// Upper-cased property name (`DTSTART`).
    var name: String
    /// Parameters with upper-cased names; values without their quotes.
    var parameters: [String: String]
    /// The raw value, still escaped if it is TEXT.
    var value: String
    /// 1-based physical line where this logical line starts.
    var line: Int

    /// Splits `text` into logical lines, joining continuation lines (those
    /// starting with a space or a tab). Works on UTF-8 bytes because Swift
    /// treats CRLF as one `Character`, a fold may fall before a combining
    /// mark (or, in files from elsewhere, inside a multibyte character), and
    /// byte scanning keeps loading a calendar cheap for `imrf status`, which
    /// cron runs as a whole process (Benchmarks/status.sh). Blank lines are
    /// dropped.
    static func unfold(_ text: String) -> [(text: String, line: Int)] {
        var result: [(text: String, line: Int)] = []
        var current: [UInt8] = []
        var hasCurrent = false
        var currentLine = 0
        var lineNumber = 0
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let space: UInt8 = 0x20
        let tab: UInt8 = 0x09
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A

        func flush() {
            if hasCurrent { result.append((String(decoding: current, as: UTF8.self), currentLine)) }
            hasCurrent = false
            current.removeAll(keepingCapacity: true)
        }
        var physicalLines = bytes.split(separator: lf, omittingEmptySubsequences: false)
        if physicalLines.last?.isEmpty == true { physicalLines.removeLast() }
        for physical in physicalLines {
            lineNumber += 1
            var body = physical
            if body.last == cr { body = body.dropLast() }
            if let first = body.first, first == space || first == tab, hasCurrent {
                current.append(contentsOf: body.dropFirst())
                continue
            }
            flush()
            if body.allSatisfy({ $0 == space || $0 == tab }) { continue }
            current.append(contentsOf: body)
            hasCurrent = true
            currentLine = lineNumber
        }
        flush()
        return result
    }

    /// Parses one logical line; nil when it is not `NAME[;PARAM=v]*:value`.
    /// Scans UTF-8 bytes: the delimiters are ASCII, and no byte of a
    /// multibyte character can be mistaken for one.
    init?(_ text: String, line: Int) {
        let s = Array(text.utf8)
        var i = 0
        func isNameByte(_ c: UInt8) -> Bool {
            c == 0x2D || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c)
        }
        func readName() -> String {
            let start = i
            while i < s.count, isNameByte(s[i]) { i += 1 }
            return String(decoding: s[start..<i], as: UTF8.self).uppercased()
        }
        let colon: UInt8 = 0x3A
        let semicolon: UInt8 = 0x3B
        let equals: UInt8 = 0x3D
        let quote: UInt8 = 0x22
        let name = readName()
        guard !name.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        while true {
            guard i < s.count else { return nil }
            if s[i] == colon {
                i += 1
                break
            }
            guard s[i] == semicolon else { return nil }
            i += 1
            let key = readName()
            guard !key.isEmpty, i < s.count, s[i] == equals else { return nil }
            i += 1
            var value: [UInt8] = []
            var quoted = false
            while i < s.count {
                let c = s[i]
                if c == quote {
                    quoted.toggle()
                    i += 1
                    continue
                }
                if !quoted, c == semicolon || c == colon { break }
                value.append(c)
                i += 1
            }
            guard !quoted else { return nil }
            parameters[key] = String(decoding: value, as: UTF8.self)
        }
        self.name = name
        self.parameters = parameters
        self.value = String(decoding: s[i...], as: UTF8.self)
        self.line = line
    }

    /// Decodes an RFC 5545 TEXT value (`\\`, `\;`, `\,`, `\n`, `\N`).
    /// An unknown escape keeps its backslash, so nothing is lost.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = String.UnicodeScalarView()
        var escaping = false
        for c in text.unicodeScalars {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                case "\\", ";", ",": out.append(c)
                default:
                    out.append("\\")
                    out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return String(out)
    }

    /// Encodes TEXT so that `unescape(escape(t)) == t`; CR is dropped from
    /// CRLF so a Windows newline becomes one `\n`.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, c) in scalars.enumerated() {
            switch c {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": break
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Folds one logical line at 75 octets (RFC 5545 3.1), cutting only
    /// between Unicode scalars so no UTF-8 sequence is split; every physical
    /// line ends with CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var chunk = String.UnicodeScalarView()
        var octets = 0
        var limit = 75
        for c in line.unicodeScalars {
            let size = String(c).utf8.count
            if octets + size > limit {
                out += String(chunk) + "\r\n "
                chunk = String.UnicodeScalarView()
                octets = 0
                limit = 74
            }
            chunk.append(c)
            octets += size
        }
        out += String(chunk) + "\r\n"
        return out
    }
}
