import Foundation

/// Trimming with exactly Foundation's `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines` (which on Linux include U+200B), done on
/// Unicode scalars: `trimmingCharacters(in:)` bridges the whole text to
/// `NSString` first, and trimming runs for every front matter line, every
/// note body and every link.
enum Whitespace {
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20: true
        case 0..<0x80: false
        default: CharacterSet.whitespaces.contains(scalar)
        }
    }

    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x80: false
        default: CharacterSet.whitespacesAndNewlines.contains(scalar)
        }
    }

    /// `text` without the leading and trailing scalars for which `isTrimmed`
    /// (one of the two above, false for every visible ASCII character) holds.
    static func trimming<Text: StringProtocol>(_ text: Text, _ isTrimmed: (Unicode.Scalar) -> Bool) -> Substring {
        // Most texts begin and end with a visible ASCII character: nothing to trim.
        let text = Substring(text)
        if let first = text.utf8.first, let last = text.utf8.last,
            (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last)
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
