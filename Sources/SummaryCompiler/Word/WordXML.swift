import Foundation

/// Text made safe for WordprocessingML: XML-escaped, and without the
/// characters XML 1.0 cannot hold at all (C0 controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF), which are dropped.
enum WordXML {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The five XML escapes, and the C0 controls XML cannot hold mapped to nothing.
    static let escaper: UTF8Escaper = {
        var table: [UInt8: String] = [
            UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
            UInt8(ascii: "\""): "&quot;", UInt8(ascii: "'"): "&apos;",
        ]
        for byte in UInt8(0)..<0x20 where !isAllowed(Unicode.Scalar(byte)) { table[byte] = "" }
        return UTF8Escaper(table)
    }()

    static func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Appends `text` made safe for XML to `output`, escaping bytes rather
    /// than walking scalars (the .docx holds every character of the summary).
    static func append(_ text: String, to output: inout String) {
        // U+FFFE and U+FFFF are encoded EF BF BE and EF BF BF; most texts have no 0xEF byte at all.
        if text.utf8Contains(0xEF), text.unicodeScalars.contains(where: { $0.value >= 0xFFFE && $0.value <= 0xFFFF }) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.filter { $0.value < 0xFFFE || $0.value > 0xFFFF })
            escaper.append(String(kept), to: &output)
        } else {
            escaper.append(text, to: &output)
        }
    }
}
