/// Appends text to a `String` with some ASCII bytes replaced, working on the
/// UTF-8 bytes: the escapers run over every character of a summary (a few
/// megabytes), and walking `Character`s (grapheme breaking) made them the
/// largest cost of `imrf compile`.
///
/// Working on bytes also escapes an ASCII markup character that a combining
/// mark follows (`"` + U+0301 is one `Character` but still a quote to an
/// HTML or Markdown reader), which the per-`Character` versions let through.
struct UTF8Escaper {
    /// The replacement of each byte value, nil for bytes copied as they are.
    /// Only ASCII bytes (< 0x80) may be replaced, so multi-byte scalars are
    /// never split.
    private let replacements: [String?]

    init(_ table: [UInt8: String]) {
        var replacements = [String?](repeating: nil, count: 128)
        for (byte, replacement) in table {
            precondition(byte < 0x80, "only ASCII bytes can be escaped")
            replacements[Int(byte)] = replacement
        }
        self.replacements = replacements
    }

    func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Appends `text` escaped to `output`, copying the runs between escaped
    /// bytes in one piece.
    func append(_ text: String, to output: inout String) {
        var text = text
        let unchanged = text.withUTF8 { bytes in
            var runStart = 0
            var escaped = false
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x80, let replacement = replacements[Int(byte)] else { continue }
                if runStart < index {
                    output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self))
                }
                output.append(replacement)
                runStart = index + 1
                escaped = true
            }
            if escaped, runStart < bytes.count {
                output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self))
            }
            return !escaped
        }
        if unchanged { output.append(text) }
    }
}
