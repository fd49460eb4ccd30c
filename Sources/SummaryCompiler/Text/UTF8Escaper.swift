/// Appends text to a `String` with some ASCII bytes replaced, working on the
/// UTF-8 bytes: the escapers run over every character of a summary (a few
/// megabytes), and walking `Character`s (grapheme breaking) would make them
/// the largest cost of a compile (Benchmarks/compile.sh).
///
/// Working on bytes also escapes an ASCII markup character that a combining
/// mark follows (`"` + U+0301 is one `Character` but still a quote to an
/// HTML or Markdown reader), which the per-`Character` versions let through.
struct UTF8Escaper {
    /// The replacement of each byte value, nil for bytes copied as they are.
    /// Only ASCII bytes (< 0x80) may be replaced, so multi-byte scalars are
    /// never split.
    private let replacements: [String?]
    /// Whether each of the 256 byte values is replaced: the test made for
    /// every byte of every note, cheaper than reading an optional string.
    private let escaped: [Bool]

    init(_ table: [UInt8: String]) {
        var replacements = [String?](repeating: nil, count: 128)
        var escaped = [Bool](repeating: false, count: 256)
        for (byte, replacement) in table {
            precondition(byte < 0x80, "only ASCII bytes can be escaped")
            replacements[Int(byte)] = replacement
            escaped[Int(byte)] = true
        }
        self.replacements = replacements
        self.escaped = escaped
    }

    func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Appends `text` escaped to `output`, copying the runs between escaped
    /// bytes in one piece, as slices of `text` (no `String` per run: one
    /// longer than fifteen bytes would be an allocation).
    func append(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        let handled: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
            escaped.withUnsafeBufferPointer { escaped in
                var runStart = 0
                for index in bytes.indices where escaped[Int(bytes[index])] {
                    if runStart < index {
                        output += text[utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: index)]
                    }
                    output += replacements[Int(bytes[index])]!
                    runStart = index + 1
                }
                if runStart == 0 {
                    output += text
                } else if runStart < bytes.count {
                    output += text[utf8.index(utf8.startIndex, offsetBy: runStart)...]
                }
                return true
            }
        }
        if handled == nil {  // a bridged, non-contiguous string: made native first
            var native = text
            native.makeContiguousUTF8()
            append(native, to: &output)
        }
    }
}
