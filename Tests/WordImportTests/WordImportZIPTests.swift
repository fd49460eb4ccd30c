import Diagnostics
import Testing
import WordImport

/// ZIPs built byte by byte, whose directory declares sizes and positions
/// no writer would, and levels no Word writes: each is refused with a
/// message or read as not given, never a trap (the process would die on an
/// overflow, a read past the end or a negative count).
@Suite("Word import: crafted sizes, positions and levels")
struct WordImportZIPTests {
    static let contentTypes = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """.utf8)
    static let document = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?><w:document \(TestDocument.namespaces)><w:body>\
        \(TestDocument.paragraph("Hello from a ZIP64 file."))</w:body></w:document>
        """.utf8)

    func refusal(_ zip: HandMadeZIP) throws -> Diagnostic {
        let failure = try #require(throws: DiagnosticFailure.self) { try WordImport.note(from: zip.bytes, path: "note.docx") }
        #expect(failure.kind == .badInput)
        return try #require(failure.diagnostics.first { $0.severity == .error })
    }

    func package(_ document: HandMadeZIP.Entry) -> HandMadeZIP {
        HandMadeZIP(entries: [HandMadeZIP.Entry(name: "[Content_Types].xml", data: Self.contentTypes), document])
    }

    @Test func aZIP64FileWithHonestNumbersIsRead() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.zip64 = (uncompressed: UInt64(Self.document.count), compressed: UInt64(Self.document.count), offset: nil)
        document.zip64Offset = true
        let note = try WordImport.note(from: package(document).bytes, path: "note.docx")
        #expect(note.markdown.contains("Hello from a ZIP64 file."))
    }

    @Test func aSizeNearUInt64MaxInTheDirectoryIsRefused() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.zip64 = (uncompressed: .max - 10, compressed: UInt64(Self.document.count), offset: nil)
        let error = try refusal(package(document))
        #expect(error.code == "wordImport.bomb")
        #expect(
            error.message
                == "this Word file's part 'word/document.xml' declares a size or position of 18446744073709551605 bytes: it is not a document Word wrote"
        )
        #expect(error.hint == "save it again from Word")
    }

    /// The size in a ZIP64 data descriptor is read by ZIPFoundation from the
    /// data, not the directory: the sizes are checked before they are added up.
    @Test func aSizeNearUInt64MaxInADataDescriptorIsRefused() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.descriptor = (compressed: UInt64(Self.document.count), uncompressed: .max - 10)
        let error = try refusal(package(document))
        #expect(error.code == "wordImport.bomb")
        #expect(
            error.message == "this Word file's part 'word/document.xml' would unpack to 18446744073709551605 bytes: it is not a document Word wrote")
    }

    @Test func aCompressedSizeNearUInt64MaxInADataDescriptorIsRefused() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.descriptor = (compressed: .max - 10, uncompressed: 1)
        #expect(try refusal(package(document)).code == "wordImport.bomb")
    }

    @Test(arguments: [UInt64(1) << 63, .max, 5 << 20])
    func aZIP64PositionPastTheEndIsRefused(position: UInt64) throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.zip64 = (uncompressed: nil, compressed: nil, offset: position)
        let error = try refusal(package(document))
        #expect(error.code == "wordImport.bomb")
        #expect(error.message.hasPrefix("this Word file's part 'word/document.xml' declares a size or position of \(position) bytes"))
    }

    @Test func aLocalHeaderPastTheEndIsRefused() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.localHeader = 0x00FF_FFFF
        #expect(try refusal(package(document)).code == "wordImport.bomb")
    }

    @Test func aDataDescriptorPastTheEndIsRefused() throws {
        var document = HandMadeZIP.Entry(name: "word/document.xml", data: Self.document)
        document.descriptor = (compressed: UInt64(Self.document.count), uncompressed: UInt64(Self.document.count))
        document.declaredSize = 0x00FF_FFFF
        #expect(try refusal(package(document)).code == "wordImport.bomb")
    }

    @Test func aTableOfContentsPastTheEndIsRefused() throws {
        var archive = package(HandMadeZIP.Entry(name: "word/document.xml", data: Self.document))
        archive.directoryStart = 0x00FF_FFFF
        let error = try refusal(archive)
        #expect(error.message == "this Word file's table of contents declares a position of 16777215 bytes: it is not a document Word wrote")
    }

    @Test func anEntryRunningPastTheEndIsRefused() throws {
        var archive = package(HandMadeZIP.Entry(name: "word/document.xml", data: Self.document))
        archive.entries[0].commentLength = 0xFFFF
        #expect(try refusal(archive).code == "wordImport.bomb")
    }

    /// The same part over and over does not grow the parts by name: the
    /// count is of the directory's entries.
    @Test func manyEntriesOfOneNameAreCounted() throws {
        var archive = package(HandMadeZIP.Entry(name: "word/document.xml", data: Self.document))
        archive.entries += Array(repeating: HandMadeZIP.Entry(name: "word/document.xml", data: Self.document), count: 1_000)
        #expect(try refusal(archive).message == "this Word file holds more than 1000 parts")
    }
}

extension WordImportZIPTests {
    @Test(arguments: ["-1", "-100", "10", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "x"])
    func levelsWordNeverWritesAreNotGiven(level: String) throws {
        var document = TestDocument(
            body: """
                <w:p><w:pPr><w:outlineLvl w:val="\(level)"/></w:pPr><w:r><w:t>Outline</w:t></w:r></w:p>\
                <w:p><w:pPr><w:numPr><w:ilvl w:val="\(level)"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>\
                <w:p><w:pPr><w:pStyle w:val="Odd"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>
                """)
        document["word/styles.xml"] = """
            <?xml version="1.0"?><w:styles \(TestDocument.namespaces)><w:style w:type="paragraph" w:styleId="Odd"><w:name w:val="Odd"/>\
            <w:pPr><w:outlineLvl w:val="\(level)"/><w:numPr><w:ilvl w:val="\(level)"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>
            """
        document["word/numbering.xml"] = """
            <?xml version="1.0"?><w:numbering \(TestDocument.namespaces)><w:abstractNum w:abstractNumId="0">\
            <w:lvl w:ilvl="\(level)"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """
        let note = try WordImport.note(from: try document.bytes, path: "note.docx")
        for text in ["Outline", "Item", "Styled"] { #expect(note.markdown.contains(text)) }
    }
}

/// A ZIP of stored (not deflated) entries, written field by field so that a
/// test can declare any size or position.
struct HandMadeZIP {
    struct Entry {
        var name: String
        var data: [UInt8]
        /// The values of a ZIP64 extra field (its 32-bit fields then all ones).
        var zip64: (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?) = (nil, nil, nil)
        /// The local header's true position in a ZIP64 field.
        var zip64Offset = false
        /// A ZIP64 data descriptor after the data, with these sizes.
        var descriptor: (compressed: UInt64, uncompressed: UInt64)?
        var localHeader: UInt32?
        var declaredSize: UInt32?
        var commentLength: UInt16 = 0

        var usesZIP64: Bool {
            entry64Values.contains { $0 != nil } || zip64Offset
        }

        private var entry64Values: [UInt64?] { [zip64.uncompressed, zip64.compressed, zip64.offset] }

        init(name: String, data: [UInt8]) {
            self.name = name
            self.data = data
        }
    }

    var entries: [Entry]
    var directoryStart: UInt32?

    var bytes: [UInt8] {
        var file: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let position = UInt64(file.count)
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.data)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let version: UInt16 = entry.usesZIP64 || entry.descriptor != nil ? 45 : 20
            let flags: UInt16 = entry.descriptor == nil ? 0 : 1 << 3
            file += le(UInt32(0x0403_4B50)) + le(version) + le(flags) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(0x21))
            file += le(crc) + le(size) + le(size) + le(UInt16(name.count)) + le(UInt16(0)) + name + entry.data
            if let descriptor = entry.descriptor {
                file += le(UInt32(0x0807_4B50)) + le(crc) + le(descriptor.compressed) + le(descriptor.uncompressed)
            }
            var extra: [UInt8] = []
            for value in [entry.zip64.uncompressed, entry.zip64.compressed, entry.zip64.offset ?? (entry.zip64Offset ? position : nil)] {
                if let value { extra += le(value) }
            }
            if !extra.isEmpty { extra = le(UInt16(1)) + le(UInt16(extra.count)) + extra }
            directory += le(UInt32(0x0201_4B50)) + le(UInt16(20)) + le(version) + le(flags) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(0x21))
            directory += le(crc) + le(entry.zip64.compressed == nil ? size : .max) + le(entry.zip64.uncompressed == nil ? size : .max)
            directory += le(UInt16(name.count)) + le(UInt16(extra.count)) + le(entry.commentLength) + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0))
            let offset = entry.zip64.offset != nil || entry.zip64Offset ? .max : entry.localHeader ?? UInt32(position)
            directory += le(offset) + name + extra
        }
        let start = UInt32(file.count)
        file += directory
        file += le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(entries.count)) + le(UInt16(entries.count))
        file += le(UInt32(directory.count)) + le(directoryStart ?? start) + le(UInt16(0))
        return file
    }

    private func le(_ value: some FixedWidthInteger) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
