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
    /// starting with a space or a tab). Works on Unicode scalars because Swift
    /// treats CRLF as one `Character`, and a fold may fall before a combining
    /// mark. Blank lines are dropped.
    static func unfold(_ text: String) -> [(text: String, line: Int)] {
        var result: [(text: String, line: Int)] = []
        var current: String.UnicodeScalarView?
        var currentLine = 0
        var physical = String.UnicodeScalarView()
        var lineNumber = 0
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func flush() {
            if let done = current { result.append((String(done), currentLine)) }
            current = nil
        }
        func take(_ physical: String.UnicodeScalarView) {
            lineNumber += 1
            var body = physical[...]
            if body.last == "\r" { body = body.dropLast() }
            if let first = body.first, first == " " || first == "\t", current != nil {
                current!.append(contentsOf: body.dropFirst())
                return
            }
            flush()
            if body.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            current = String.UnicodeScalarView(body)
            currentLine = lineNumber
        }
        for scalar in scalars {
            if scalar == "\n" {
                take(physical)
                physical = String.UnicodeScalarView()
            } else {
                physical.append(scalar)
            }
        }
        if !physical.isEmpty { take(physical) }
        flush()
        return result
    }

    /// Parses one logical line; nil when it is not `NAME[;PARAM=v]*:value`.
    init?(_ text: String, line: Int) {
        let s = Array(text.unicodeScalars)
        var i = 0
        func isNameScalar(_ c: Unicode.Scalar) -> Bool {
            c == "-" || ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c)
        }
        func readName() -> String {
            var name = String.UnicodeScalarView()
            while i < s.count, isNameScalar(s[i]) { name.append(s[i]); i += 1 }
            return String(name).uppercased()
        }
        let name = readName()
        guard !name.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        while true {
            guard i < s.count else { return nil }
            if s[i] == ":" { i += 1; break }
            guard s[i] == ";" else { return nil }
            i += 1
            let key = readName()
            guard !key.isEmpty, i < s.count, s[i] == "=" else { return nil }
            i += 1
            var value = String.UnicodeScalarView()
            var quoted = false
            while i < s.count {
                let c = s[i]
                if c == "\"" { quoted.toggle(); i += 1; continue }
                if !quoted, c == ";" || c == ":" { break }
                value.append(c)
                i += 1
            }
            guard !quoted else { return nil }
            parameters[key] = String(value)
        }
        self.name = name
        self.parameters = parameters
        self.value = String(String.UnicodeScalarView(s[i...]))
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
                default: out.append("\\"); out.append(c)
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
