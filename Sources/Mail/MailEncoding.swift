import Foundation

/// The encodings a message's headers and parts are written in: RFC 2047
/// encoded words for text in headers, quoted-printable (RFC 2045) for the
/// bodies, CRLF line ends throughout.
enum MailEncoding {
    /// A display name as a header phrase, in pieces that may go on lines of
    /// their own: one quoted string when it is printable ASCII, else UTF-8
    /// encoded words.
    static func phraseTokens(_ text: String) -> [String] {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return ["\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""]
        }
        return encodedWords(text)
    }

    /// A header's unstructured text (the subject), folded: plain ASCII as
    /// it is, folded at spaces; anything else as encoded words, one per
    /// folded line.
    static func unstructured(_ text: String, headerLength: Int) -> String {
        let flattened = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        if flattened.unicodeScalars.allSatisfy({ $0.value < 0x7F }) && !flattened.contains("=?") {
            var lines: [String] = []
            var line = ""
            var room = 78 - headerLength
            for word in flattened.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                    room = 77
                }
            }
            lines.append(line)
            return lines.joined(separator: "\r\n ")
        }
        // The first word shares its line with the header's name.
        return encodedWords(flattened, firstBytes: max(3, (78 - headerLength - 12) / 4 * 3)).joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?...?=` words of at most 75 characters, each holding whole
    /// characters (a character split across two words would not decode).
    /// `firstBytes`: fewer bytes in the first word, for a line that begins with a header's name.
    static func encodedWords(_ text: String, firstBytes: Int = 45) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes are 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72.
            if chunk.count + bytes.count > (words.isEmpty ? firstBytes : 45) && !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// `text` as quoted-printable with CRLF line ends and lines of at most
    /// 76 characters. A line's leading `.` (SMTP's end of data) and the `F`
    /// of a leading `From ` (mbox's separator) are encoded too, so no relay
    /// on the way can alter them.
    static func quotedPrintable(_ text: String) -> String {
        var output: [String] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let bytes = Array(line.utf8)
            var current = ""
            func emit(_ token: String) {
                if current.count + token.count > 75 {
                    output.append(current + "=")
                    current = ""
                }
                current += token
            }
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal: Bool
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"): literal = !isLast
                case UInt8(ascii: "="): literal = false
                case UInt8(ascii: "."): literal = !(index == 0 && current.isEmpty)
                case UInt8(ascii: "F"): literal = !(index == 0 && bytes.starts(with: Array("From ".utf8)))
                case 33...126: literal = true
                default: literal = false
                }
                emit(literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte))
            }
            output.append(current)
        }
        return output.joined(separator: "\r\n")
    }
}
