import Dispatch

/// A .docx part deflated on another thread while it is still being
/// rendered: `word/document.xml` is most of the package, and rendered and
/// deflated at once on two cores it takes the longer of the two, not their
/// sum (Benchmarks/compile.sh, docx).
///
/// Pieces are deflated in the order written; `finish()` waits for them.
final class StreamedPart: @unchecked Sendable {
    // @unchecked: `deflater` is only touched on `queue`, a serial queue.
    private let deflater = Deflater()
    private let queue = DispatchQueue(label: "imrf.docx.deflate")

    func write(_ text: String) {
        queue.async { self.deflater.write(text) }
    }

    /// Waits for every piece, ends the stream and returns the deflater with the whole part.
    func finish() -> Deflater {
        queue.sync {
            deflater.finish()
            return deflater
        }
    }
}
