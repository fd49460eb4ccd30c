/// What the package's smaller parts say that the body needs: the
/// relationships (link targets, pictures), the styles (headings by outline
/// level, character formatting, default language), the numbering (bullets
/// or numbers per list level), the core properties and the comments.
struct Relationship {
    var type: String
    var target: String
    var isExternal: Bool
}

func readRelationships(_ bytes: [UInt8]) throws(XMLProblem) -> [String: Relationship] {
    let reader = try XMLReader(bytes)
    var relationships: [String: Relationship] = [:]
    while let event = try reader.next() {
        guard case .start(let element) = event, element.name == "rel:Relationship", let id = element["Id"] else { continue }
        relationships[id] = Relationship(
            type: element["Type"] ?? "", target: element["Target"] ?? "", isExternal: element["TargetMode"] == "External")
    }
    return relationships
}

/// A level attribute (`w:ilvl`, `w:outlineLvl`) as a number Word writes,
/// 0 to 9; anything else (negative, huge, not a number) is taken as not
/// given, so that no count of `#`, prefix or indent is made from it.
func wordLevel(_ value: String?) -> Int? {
    guard let value, let level = Int(value), (0...9).contains(level) else { return nil }
    return level
}

struct RunFormat: Hashable {
    var bold = false
    var italic = false
    var strike = false

    var isPlain: Bool { !bold && !italic && !strike }
}

struct WordStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var format = RunFormat()
        var numbering: (id: String, level: Int)?
        /// `w:bidi` of the style's paragraph properties, when it says.
        var rightToLeft: Bool?
    }

    var styles: [String: Style] = [:]
    /// `w:lang` of the document defaults or the default paragraph style:
    /// `w:val` for left-to-right text, `w:bidi` for right-to-left text.
    var language: String?
    var bidiLanguage: String?
    /// `w:bidi` of the document's default paragraph properties.
    var rightToLeft = false

    /// Whether paragraphs of style `id` are right to left, through the
    /// styles it is based on, else by the document's default.
    func isRightToLeft(_ id: String?) -> Bool {
        var current = id
        var depth = 0
        while let id = current, let style = styles[id], depth < 20 {
            if let rightToLeft = style.rightToLeft { return rightToLeft }
            current = style.basedOn
            depth += 1
        }
        return rightToLeft
    }

    /// The heading level (1-6) of paragraph style `id`: Title is 1, Word's
    /// "heading N" is N, any other style (renamed, localised) by its outline
    /// level, through the styles it is based on.
    func headingLevel(_ id: String?) -> Int? {
        var current = id
        var depth = 0
        while let id = current, let style = styles[id], depth < 20 {
            let name = style.name.lowercased()
            if name == "title" { return 1 }
            if name.hasPrefix("heading "), let level = Int(name.dropFirst("heading ".count)), (1...9).contains(level) {
                return min(level, 6)
            }
            if let level = style.outlineLevel { return level < 9 ? min(level + 1, 6) : nil }
            current = style.basedOn
            depth += 1
        }
        return nil
    }

    func numbering(_ id: String?) -> (id: String, level: Int)? {
        var current = id
        var depth = 0
        while let id = current, let style = styles[id], depth < 20 {
            if let numbering = style.numbering { return numbering }
            current = style.basedOn
            depth += 1
        }
        return nil
    }

    static func read(_ bytes: [UInt8]) throws(XMLProblem) -> WordStyles {
        let reader = try XMLReader(bytes)
        var result = WordStyles()
        var current: (id: String, style: Style, isDefault: Bool)?
        var inDefaults = false
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                switch element.name {
                case "w:docDefaults": inDefaults = true
                case "w:style":
                    current = (element["w:styleId"] ?? "", Style(), element["w:default"] == "1" && element["w:type"] == "paragraph")
                case "w:name": current?.style.name = element["w:val"] ?? ""
                case "w:basedOn": current?.style.basedOn = element["w:val"]
                case "w:outlineLvl": current?.style.outlineLevel = wordLevel(element["w:val"])
                case "w:bidi":
                    if current != nil { current?.style.rightToLeft = isOn(element) } else if inDefaults { result.rightToLeft = isOn(element) }
                case "w:b": current?.style.format.bold = isOn(element)
                case "w:i": current?.style.format.italic = isOn(element)
                case "w:strike", "w:dstrike": current?.style.format.strike = isOn(element)
                case "w:numId":
                    let level = current?.style.numbering?.level ?? 0
                    if let id = element["w:val"] { current?.style.numbering = (id, level) }
                case "w:ilvl":
                    let id = current?.style.numbering?.id ?? ""
                    if let level = wordLevel(element["w:val"]) { current?.style.numbering = (id, level) }
                case "w:lang":
                    if inDefaults || current?.isDefault == true {
                        if let value = element["w:val"], result.language == nil || inDefaults == false { result.language = value }
                        if let value = element["w:bidi"], result.bidiLanguage == nil || inDefaults == false { result.bidiLanguage = value }
                    }
                default: break
                }
            case .end(let name):
                if name == "w:docDefaults" { inDefaults = false }
                if name == "w:style", let style = current {
                    result.styles[style.id] = style.style
                    current = nil
                }
            case .text: break
            }
        }
        return result
    }
}

/// Whether a toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
func isOn(_ element: XMLElement) -> Bool {
    guard let value = element["w:val"] else { return true }
    return !["0", "false", "off", "none"].contains(value.lowercased())
}

struct WordNumbering {
    /// Whether level `level` of list `numId` is numbered (else bulleted).
    private var abstractOfList: [String: String] = [:]
    private var numberedLevels: [String: [Int: Bool]] = [:]

    func isOrdered(list id: String, level: Int) -> Bool {
        guard let abstract = abstractOfList[id] else { return false }
        return numberedLevels[abstract]?[level] ?? false
    }

    func exists(list id: String) -> Bool { abstractOfList[id] != nil }

    static func read(_ bytes: [UInt8]) throws(XMLProblem) -> WordNumbering {
        let reader = try XMLReader(bytes)
        var result = WordNumbering()
        var abstract: String?
        var level: Int?
        var list: String?
        while let event = try reader.next() {
            guard case .start(let element) = event else { continue }
            switch element.name {
            case "w:abstractNum": abstract = element["w:abstractNumId"]
            case "w:lvl": level = wordLevel(element["w:ilvl"])
            case "w:numFmt":
                if let abstract, let level, list == nil {
                    let format = element["w:val"] ?? "bullet"
                    result.numberedLevels[abstract, default: [:]][level] = format != "bullet" && format != "none"
                }
            case "w:num":
                abstract = nil
                list = element["w:numId"]
            case "w:abstractNumId":
                if let list, let value = element["w:val"] { result.abstractOfList[list] = value }
            default: break
            }
        }
        return result
    }
}

/// dc:title and dc:creator of docProps/core.xml.
func readCoreProperties(_ bytes: [UInt8]) throws(XMLProblem) -> (title: String?, creator: String?) {
    let reader = try XMLReader(bytes)
    var title: String?
    var creator: String?
    while let event = try reader.next() {
        guard case .start(let element) = event else { continue }
        if element.name == "dc:title" { title = try reader.text(of: element.name) }
        if element.name == "dc:creator" { creator = try reader.text(of: element.name) }
    }
    return (title, creator)
}

/// Each comment's author and text, by id, to list what is dropped.
func readComments(_ bytes: [UInt8]) throws(XMLProblem) -> [String: (author: String, text: String)] {
    let reader = try XMLReader(bytes)
    var comments: [String: (author: String, text: String)] = [:]
    var current: (id: String, author: String, text: String)?
    while let event = try reader.next() {
        switch event {
        case .start(let element):
            if element.name == "w:comment" { current = (element["w:id"] ?? "", element["w:author"] ?? "", "") }
            if element.name == "w:t", current != nil { current?.text += try reader.text(of: element.name) }
            if element.name == "w:p", let text = current?.text, !text.isEmpty { current?.text += " " }
        case .end(let name):
            if name == "w:comment", let comment = current {
                comments[comment.id] = (comment.author, comment.text)
                current = nil
            }
        case .text: break
        }
    }
    return comments
}
