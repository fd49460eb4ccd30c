import CLibXML2

/// One step of a part's XML, as the converters read it: an element's start
/// (an empty element is followed by its end, so every start has one), its
/// end, or text.
enum XMLEvent {
    case start(XMLElement)
    case end(String)
    case text(String)
}

/// An element's name and attributes, each named `prefix:local` with the
/// prefix fixed by its namespace (`XMLNamespaces`), never as the file wrote
/// it: a part that binds WordprocessingML to `x:` still reads as `w:p`.
struct XMLElement {
    var name: String
    var attributes: [String: String]

    subscript(_ attribute: String) -> String? { attributes[attribute] }
}

/// A part's XML is not well formed, or declares a document type (which
/// Word never writes: a DOCTYPE is refused before any entity is defined or
/// expanded). `line` is the parser's line in the part.
struct XMLProblem: Error {
    var message: String
    var line: Int
}

/// libxml2's streaming reader over bytes in memory. Options: no network,
/// no DTD loading, no entity substitution (the defaults, never changed),
/// no messages on stderr. Memory stays bounded by the part's size; time is
/// linear in it. Without `XML_PARSE_HUGE` libxml2 refuses elements nested
/// deeper than 256: that bounds the converters' recursion (StoryReader).
final class XMLReader {
    private let reader: xmlTextReaderPtr
    private let bytes: [UInt8]
    private var pendingEnd: String?

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    init(_ bytes: [UInt8]) throws(XMLProblem) {
        _ = Self.initialised
        if let line = Self.documentTypeLine(bytes) {
            throw XMLProblem(message: "declares a document type or entities, which Word never writes", line: line)
        }
        self.bytes = bytes
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let made = self.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let made else { throw XMLProblem(message: "cannot be read as XML", line: 0) }
        reader = made
    }

    deinit { xmlFreeTextReader(reader) }

    /// The line of a `<!DOCTYPE` in the prolog (before the root element),
    /// found before libxml2 sees the bytes: its internal subset is never
    /// parsed, so no entity is ever declared, let alone expanded.
    static func documentTypeLine(_ bytes: [UInt8]) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8)
        var line = 1
        var index = 0
        var inComment = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inComment {
                if byte == UInt8(ascii: ">"), index >= 2, bytes[index - 1] == UInt8(ascii: "-"), bytes[index - 2] == UInt8(ascii: "-") {
                    inComment = false
                }
            } else if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if bytes[index...].starts(with: doctype) { return line }
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    inComment = true
                    index += 4
                    continue
                }
                // The root element: no document type can follow.
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return nil }
            }
            index += 1
        }
        return nil
    }

    /// The next event, nil at the end of the part.
    func next() throws(XMLProblem) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            guard status == 1 else {
                throw XMLProblem(message: "is not well-formed XML", line: Int(xmlTextReaderGetParserLineNumber(reader)))
            }
            switch xmlTextReaderNodeType(reader) {
            case 1:
                let element = currentElement()
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = element.name }
                return .start(element)
            case 15:
                return .end(currentName())
            case 3, 4, 13, 14:
                return .text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "")
            case 10, 5, 6:
                throw XMLProblem(
                    message: "declares a document type or entities, which Word never writes",
                    line: Int(xmlTextReaderGetParserLineNumber(reader)))
            default:
                continue
            }
        }
    }

    /// Skips the rest of the element whose start was just returned, its
    /// end included.
    func skipElement(_ name: String) throws(XMLProblem) {
        if pendingEnd != nil {
            pendingEnd = nil
            return
        }
        var depth = 1
        while let event = try next() {
            switch event {
            case .start: depth += 1
            case .end:
                depth -= 1
                if depth == 0 { return }
            case .text: break
            }
        }
    }

    /// The text inside the element whose start was just returned, up to
    /// its end (which is consumed).
    func text(of name: String) throws(XMLProblem) -> String {
        var text = ""
        var depth = 1
        while let event = try next() {
            switch event {
            case .start: depth += 1
            case .end:
                depth -= 1
                if depth == 0 { return text }
            case .text(let part): text += part
            }
        }
        return text
    }

    private func currentName() -> String {
        let local = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
        let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
        return XMLNamespaces.qualified(local, namespace)
    }

    private func currentElement() -> XMLElement {
        var element = XMLElement(name: currentName(), attributes: [:])
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                let local = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
                if namespace == "http://www.w3.org/2000/xmlns/" { continue }
                let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                element.attributes[XMLNamespaces.qualified(local, namespace)] = value
            }
            xmlTextReaderMoveToElement(reader)
        }
        return element
    }
}

/// The fixed prefixes imrf reads names with, by namespace. Strict Open XML
/// (ISO 29500 strict) namespaces map to the same prefixes as transitional.
enum XMLNamespaces {
    static let prefixes: [String: String] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
        "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
        "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
        "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
        "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
        "http://purl.oclc.org/ooxml/drawingml/main": "a",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": "wp",
        "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
        "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
        "urn:schemas-microsoft-com:vml": "v",
        "urn:schemas-microsoft-com:office:office": "o",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    static func qualified(_ local: String, _ namespace: String?) -> String {
        guard let namespace else { return local }
        return (prefixes[namespace] ?? "other") + ":" + local
    }
}
