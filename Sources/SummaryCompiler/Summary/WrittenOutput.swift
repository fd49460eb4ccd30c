/// A file `Summary.compile(formats:templates:into:)` wrote: its path and the
/// SHA-256 of the bytes written, which the ledger records without reading
/// the file back.
public struct WrittenOutput: Sendable, Equatable {
    public let format: Summary.Format
    public let path: String
    /// Lowercase hexadecimal.
    public let sha256: String
}
