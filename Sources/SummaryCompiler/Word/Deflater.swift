import CDeflate

/// One archive entry's raw deflate stream (zlib level 3, 32 KiB window,
/// memory level 9), fed in pieces. Level 3 rather than zlib's default 6:
/// deflating word/document.xml is what the .docx waits for, and level 3
/// trades a slightly larger package for a shorter wait (Benchmarks/README.md).
/// The compressed bytes do not depend on how the input is cut: zlib waits
/// for more input rather than end a block early unless it is told to flush.
///
/// Not thread-safe: one thread at a time (`StreamedPart` keeps one on a
/// serial queue).
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private(set) var compressed: [UInt8] = []
    private(set) var crc: UInt32 = 0
    private(set) var size = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    init() {
        // zlib remembers the stream's address: it must not move.
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let level: Int32 = 3
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)
        )
        precondition(status == Z_OK, "zlib refused to start a deflate stream (\(status))")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        crc = UInt32(crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        size += bytes.count
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        run(Z_NO_FLUSH)
    }

    /// Ends the stream; `compressed` then holds all of it.
    func finish() {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        run(Z_FINISH)
    }

    private func run(_ flush: Int32) {
        scratch.withUnsafeMutableBufferPointer { buffer in
            repeat {
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                let status = deflate(stream, flush)
                precondition(status != Z_STREAM_ERROR, "zlib deflate stream error")
                compressed.append(contentsOf: buffer[..<(buffer.count - Int(stream.pointee.avail_out))])
            } while stream.pointee.avail_out == 0
        }
    }
}
