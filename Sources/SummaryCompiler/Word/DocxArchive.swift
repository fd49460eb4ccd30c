import WorkingDays

/// Builds a .docx package (a ZIP archive) in memory: parts deflated, in
/// the order added, every entry dated `date` at noon, so the same summary
/// gives the same bytes. Plain ZIP: UTF-8 names, made by Unix, version 2.0
/// to extract, permissions 0644, sizes in the local headers, no data
/// descriptors, no extra fields, no ZIP64 (`finish` refuses past 4 GiB or
/// 65,535 entries).
///
/// imrf writes its own archive because a ZIP library needs a part's size
/// before it compresses it; here `StreamedPart` deflates the document on
/// another core while it is rendered (Benchmarks/compile.sh, docx).
/// ZIPFoundation reads every package back in the tests.
struct DocxArchive {
    struct Failure: Error, Sendable, CustomStringConvertible {
        var reason: String
        var description: String { "cannot build the .docx archive: \(reason)" }
    }

    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var entries = 0
    /// Whether a part or an offset outgrew the 32-bit fields.
    private var tooLarge = false
    private let dosDate: UInt16
    private let dosTime: UInt16

    init(date: CivilDate) {
        let year = min(max(date.year, 1980), 2099)
        dosDate = UInt16(date.day + date.month * 32 + (year - 1980) * 512)
        dosTime = UInt16(12 * 2048)
    }

    /// Deflates `text` and adds it as the entry `path`.
    mutating func add(_ path: String, text: String) {
        let deflater = Deflater()
        deflater.write(text)
        deflater.finish()
        add(path, deflated: deflater)
    }

    /// Deflates `data` and adds it as the entry `path`.
    mutating func add(_ path: String, bytes data: [UInt8]) {
        let deflater = Deflater()
        data.withUnsafeBytes { deflater.write($0) }
        deflater.finish()
        add(path, deflated: deflater)
    }

    /// Adds an entry already deflated.
    mutating func add(_ path: String, deflated part: Deflater) {
        let offset = bytes.count
        let name = Array(path.utf8)
        if part.size > Int(UInt32.max) || offset > Int(UInt32.max) { tooLarge = true }
        append32(0x0403_4B50, to: &bytes)
        append16(20, to: &bytes)  // version needed to extract
        appendCommonFields(part, nameLength: name.count, to: &bytes)
        bytes += name
        bytes += part.compressed

        append32(0x0201_4B50, to: &directory)
        append16(0x0315, to: &directory)  // made by: Unix, ZIP 2.1
        append16(20, to: &directory)
        appendCommonFields(part, nameLength: name.count, to: &directory)
        append16(0, to: &directory)  // comment length
        append16(0, to: &directory)  // disk number
        append16(0, to: &directory)  // internal attributes
        append32(0o100644 << 16, to: &directory)  // external attributes: regular file, rw-r--r--
        append32(UInt32(truncatingIfNeeded: offset), to: &directory)
        directory += name
        entries += 1
    }

    /// The archive: the entries, their central directory and its end record.
    /// Fails past the plain ZIP format's limits (4 GiB, 65,535 entries).
    mutating func finish() throws(Failure) -> [UInt8] {
        let directoryOffset = bytes.count
        guard !tooLarge, directoryOffset + directory.count <= Int(UInt32.max), entries <= Int(UInt16.max) else {
            throw Failure(reason: "the summary is larger than a .docx can hold (4 GiB)")
        }
        bytes += directory
        append32(0x0605_4B50, to: &bytes)
        append16(0, to: &bytes)  // this disk
        append16(0, to: &bytes)  // disk of the central directory
        append16(UInt16(truncatingIfNeeded: entries), to: &bytes)
        append16(UInt16(truncatingIfNeeded: entries), to: &bytes)
        append32(UInt32(truncatingIfNeeded: directory.count), to: &bytes)
        append32(UInt32(truncatingIfNeeded: directoryOffset), to: &bytes)
        append16(0, to: &bytes)  // comment length
        return bytes
    }

    /// The fields a local header and a central directory record share,
    /// from the flags to the extra field's length.
    private func appendCommonFields(_ part: Deflater, nameLength: Int, to output: inout [UInt8]) {
        append16(0x0800, to: &output)  // flags: UTF-8 names
        append16(8, to: &output)  // deflate
        append16(dosTime, to: &output)
        append16(dosDate, to: &output)
        append32(part.crc, to: &output)
        append32(UInt32(truncatingIfNeeded: part.compressed.count), to: &output)
        append32(UInt32(truncatingIfNeeded: part.size), to: &output)
        append16(UInt16(nameLength), to: &output)
        append16(0, to: &output)  // extra field length
    }

    private func append16(_ value: UInt16, to output: inout [UInt8]) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to output: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
