import Foundation

extension String {
    /// Whether the text's UTF-8 holds `byte`, found with `memchr`: the
    /// generic `utf8.contains` walks a `String` byte by byte, and every note
    /// and every run of the Word document is searched.
    func utf8Contains(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
