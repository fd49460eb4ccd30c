import Foundation

/// The lines of a file descriptor, each cut to its first `keep` bytes, so
/// a line of any length costs no more memory than that. Lines end at LF;
/// a CR before it is dropped.
struct BoundedLineReader {
    struct Line {
        var text: String
        /// The line was longer than `keep` bytes; `text` is its beginning.
        var isCut: Bool
    }

    private let fileDescriptor: Int32
    private let keep: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var atEnd = false

    init(fileDescriptor: Int32, keep: Int) {
        self.fileDescriptor = fileDescriptor
        self.keep = keep
    }

    /// The next line, or nil at the end of the input (or on a read error).
    mutating func next() -> Line? {
        var kept: [UInt8] = []
        var isCut = false
        var sawAny = false
        while true {
            if start == end {
                guard !atEnd, fill() else { break }
            }
            sawAny = true
            let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n"))
            let stop = newline ?? end
            let room = keep - kept.count
            if room > 0 { kept += buffer[start..<min(stop, start + room)] }
            if stop - start > max(room, 0) { isCut = true }
            start = newline.map { $0 + 1 } ?? end
            if newline != nil { return Self.line(kept, isCut: isCut) }
        }
        return sawAny ? Self.line(kept, isCut: isCut) : nil
    }

    private static func line(_ bytes: [UInt8], isCut: Bool) -> Line {
        var bytes = bytes[...]
        if !isCut, bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return Line(text: String(decoding: bytes, as: UTF8.self), isCut: isCut)
    }

    /// Reads more into the buffer; false at the end of the input.
    private mutating func fill() -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { return fill() }
        guard count > 0 else {
            atEnd = true
            return false
        }
        start = 0
        end = count
        return true
    }
}
