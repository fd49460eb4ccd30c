import Diagnostics
import Foundation
import Storage
import ZIPFoundation

/// The parts of a .docx (a ZIP of XML parts), read with every limit
/// checked from the central directory before anything is inflated, and
/// again while inflating (a directory may lie about sizes).
struct WordPackage {
    /// The Word file itself may be as large as a note (4 MiB).
    static let maximumFileBytes = WorkspaceLayout.maximumNoteBytes
    /// A note's .docx has some dozen parts; a few hundred pictures is already odd.
    static let maximumEntries = 1_000
    /// One part inflated: a 100-page document.xml is some megabytes.
    static let maximumPartBytes = 32 << 20
    /// All parts together, inflated.
    static let maximumTotalBytes = 64 << 20
    /// Inflated over compressed, for parts of more than a megabyte: Word's
    /// XML compresses some 10 to 30 times; a ZIP bomb thousands of times.
    static let maximumRatio = 200

    private let archive: Archive
    private let entries: [String: Entry]
    let path: String

    /// Opens `bytes` as a Word package or says, in words for the person
    /// who sent it, why it is not one.
    init(bytes: [UInt8], path: String) throws(DiagnosticFailure) {
        self.path = path
        let here = SourceLocation(path: path)
        guard bytes.count <= Self.maximumFileBytes else {
            throw Self.refusal(
                "this Word file is larger than 4 MB (\(bytes.count) bytes)", at: here,
                hint: "make the pictures smaller (in Word: File, Compress Pictures) or split the note", code: "wordImport.tooLarge")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw Self.refusal(
                "this Word file is password-protected (or an old .doc file)", at: here,
                hint: "save it without a password as a Word document (.docx): File, Save As, Word Document",
                code: "wordImport.encrypted")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw Self.notWord(here) }
        do {
            try ZIPDirectory.check(bytes, limit: UInt64(Self.maximumPartBytes), maximumEntries: Self.maximumEntries)
        } catch {
            throw Self.refusal(
                error.entryName.map {
                    "this Word file's part '\($0)' declares a size or position of \(error.value) bytes: it is not a document Word wrote"
                }
                    ?? "this Word file's table of contents declares a position of \(error.value) bytes: it is not a document Word wrote",
                at: here, hint: "save it again from Word", code: "wordImport.bomb")
        }
        guard ZIPDirectory.hasEndRecord(bytes), let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            throw Self.notWord(here)
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            // Counted here, not by `entries`: parts of the same name would not add to it.
            count += 1
            guard count <= Self.maximumEntries else {
                throw Self.refusal(
                    "this Word file holds more than \(Self.maximumEntries) parts", at: here, hint: "save it again from Word",
                    code: "wordImport.bomb")
            }
            guard entry.type != .symlink else { throw Self.notWord(here) }
            // Each size is checked before it is added: a size near UInt64.max would overflow the total.
            let size = entry.uncompressedSize
            let ratio = entry.compressedSize == 0 ? UInt64.max : size / entry.compressedSize
            guard size <= Self.maximumPartBytes, entry.compressedSize <= bytes.count, size <= 1 << 20 || ratio <= UInt64(Self.maximumRatio)
            else {
                throw Self.refusal(
                    "this Word file's part '\(entry.path)' would unpack to \(size) bytes: it is not a document Word wrote",
                    at: here, hint: "save it again from Word", code: "wordImport.bomb")
            }
            total += size
            guard total <= Self.maximumTotalBytes else {
                throw Self.refusal(
                    "this Word file would unpack to more than \(Self.maximumTotalBytes >> 20) MB: it is not a document Word wrote",
                    at: here, hint: "save it again from Word", code: "wordImport.bomb")
            }
            entries[entry.path] = entry
        }
        self.archive = archive
        self.entries = entries
        let contentTypes = try part("[Content_Types].xml") ?? []
        if entries["word/vbaProject.bin"] != nil || String(decoding: contentTypes, as: UTF8.self).contains("macroEnabled") {
            throw Self.refusal(
                "this Word file holds macros (.docm)", at: here,
                hint: "save it as a Word document without macros (.docx): File, Save As, Word Document", code: "wordImport.macros")
        }
        guard entries["word/document.xml"] != nil else { throw Self.notWord(here) }
    }

    /// The inflated bytes of the part at `name` (no leading slash), nil
    /// when the package has none. The part's declared size bounds what is
    /// inflated.
    func part(_ name: String) throws(DiagnosticFailure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let limit = Int(entry.uncompressedSize)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw PartTooLarge() }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            throw Self.refusal(
                "this Word file's part '\(name)' is damaged and cannot be read", at: SourceLocation(path: path),
                hint: "open it in Word and save it again", code: "wordImport.damaged")
        }
        return bytes
    }

    private struct PartTooLarge: Error {}

    static func notWord(_ here: SourceLocation) -> DiagnosticFailure {
        refusal(
            "this file is not a Word document (.docx)", at: here,
            hint: "open it in Word and save it as a Word document (.docx), or send the note as Markdown (.md)",
            code: "wordImport.notWord")
    }

    static func refusal(_ message: String, at location: SourceLocation, hint: String, code: Diagnostic.Code) -> DiagnosticFailure {
        DiagnosticFailure(.badInput, .error(message, at: location, hint: hint, code: code))
    }
}
