import Foundation
import ZIPFoundation

/// A .docx built in the test from XML strings: the parts a minimal Word
/// package needs, and whatever a test adds or replaces.
struct TestDocument {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
        """

    var parts: [String: [UInt8]] = [
        "[Content_Types].xml": Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """.utf8),
        "_rels/.rels": Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/></Relationships>
            """.utf8),
    ]

    /// A document whose body is `body` (WordprocessingML inside `w:body`).
    init(body: String) {
        parts["word/document.xml"] = Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(Self.namespaces)><w:body>\(body)</w:body></w:document>".utf8)
    }

    init() {}

    subscript(_ name: String) -> String? {
        get { parts[name].map { String(decoding: $0, as: UTF8.self) } }
        set { parts[name] = newValue.map { Array($0.utf8) } }
    }

    /// The package's bytes, every part deflated.
    var bytes: [UInt8] {
        get throws {
            let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            for (name, content) in parts.sorted(by: { $0.key < $1.key }) {
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(content.count), modificationDate: Date(timeIntervalSince1970: 0),
                    compressionMethod: .deflate
                ) { position, size in
                    Data(content[Int(position)..<Int(position) + size])
                }
            }
            return Array(archive.data ?? Data())
        }
    }

    /// A paragraph of runs; each run's properties as WordprocessingML (`<w:b/>`).
    static func paragraph(_ runs: [(text: String, properties: String)], properties: String = "") -> String {
        "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
            + runs.map {
                "<w:r>" + ($0.properties.isEmpty ? "" : "<w:rPr>\($0.properties)</w:rPr>")
                    + "<w:t xml:space=\"preserve\">\(escaped($0.text))</w:t></w:r>"
            }
            .joined() + "</w:p>"
    }

    static func paragraph(_ text: String) -> String { paragraph([(text, "")]) }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
