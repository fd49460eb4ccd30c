/// The fixed parts of the .docx: content types, package relationships,
/// styles (Word's built-in style ids, so the Navigation Pane, tables of
/// contents and translation tools see real structure), the page-number
/// footer and the core properties.
enum DocxParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let wordNamespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="png" ContentType="image/png"/>\
            <Default Extension="jpeg" ContentType="image/jpeg"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """

    /// The content types of a draft: the same and the DRAFT header.
    /// A reference document's theme (`WordReference.theme`): its part's type and relationship.
    static let themeContentType =
        #"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#
    static let themeRelationship =
        #"<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#

    static let draftContentTypes = contentTypes.replacingOccurrences(
        of: "</Types>",
        with:
            #"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#
    )

    /// A draft's header relationship, beside the fixed ones.
    static let draftHeaderRelationship =
        #"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#

    /// A draft's header on every page: "DRAFT: not the final text", bold, centred.
    static let draftHeader =
        declaration + """
            <w:hdr \(wordNamespaces)><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
            <w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t xml:space="preserve">\(draftMark)</w:t></w:r></w:p></w:hdr>
            """

    /// The words every format of a draft carries.
    static let draftMark = "DRAFT: not the final text"

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """

    /// The document part's fixed relationships; hyperlinks follow from rId100.
    static let fixedDocumentRelationships = """
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
        """

    /// Word updates the fields on opening (it asks first): the contents'
    /// page numbers (PAGEREF) are known only once the document is laid out.
    static let settings =
        declaration + "<w:settings \(wordNamespaces)><w:updateFields w:val=\"true\"/></w:settings>"

    static let footer =
        declaration + """
            <w:ftr \(wordNamespaces)><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
            """

    /// - Parameter date: W3CDTF, e.g. `2026-05-05T00:00:00Z`.
    static func coreProperties(title: String, date: String) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(WordXML.escape(title))</dc:title>\
            <dc:subject>Summary of the President of the General Assembly</dc:subject>\
            <dc:creator>President of the General Assembly</dc:creator>\
            <dc:language>en</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(date)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(date)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    static func paragraphStyle(
        _ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, properties: String = "", run: String = ""
    ) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "")
            + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
            + "<w:qFormat/><w:pPr>\(properties)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
    }

    static let styles =
        declaration + "<w:styles \(wordNamespaces)>"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
        + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + paragraphStyle(
            "Title", "Title", next: "Normal", properties: "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>",
            run: "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>")
        + paragraphStyle(
            "Heading1", "heading 1", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
            run: "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
        + paragraphStyle(
            "Heading2", "heading 2", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
            run: "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
        + paragraphStyle(
            "Heading3", "heading 3", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>",
            run: "<w:b/><w:bCs/>")
        // The headings inside notes (3 to 6, as in HTML's h4 to h6) are never smaller than the body
        // text (11 pt, the default): they differ by weight and slant only.
        + paragraphStyle(
            "Heading4", "heading 4", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"3\"/>",
            run: "<w:b/><w:bCs/><w:i/><w:iCs/>")
        + paragraphStyle(
            "Heading5", "heading 5", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"4\"/>",
            run: "<w:i/><w:iCs/>")
        + paragraphStyle(
            "Heading6", "heading 6", next: "Normal",
            properties: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"5\"/>",
            run: "<w:i/><w:iCs/>")
        + paragraphStyle("TOCHeading", "TOC Heading", basedOn: "Heading1", next: "Normal", properties: "<w:outlineLvl w:val=\"9\"/>")
        + paragraphStyle(
            "TOC1", "toc 1", next: "Normal",
            properties:
                "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(DocxRenderer.textWidthTwips)\"/></w:tabs><w:spacing w:after=\"60\"/>")
        // The summary's numbered paragraphs (their number from numbering.xml, so Word renumbers what the office inserts).
        + paragraphStyle("NumberedParagraph", "Numbered Paragraph")
        + paragraphStyle("ListBullet", "List Bullet", properties: "<w:contextualSpacing/>")
        + paragraphStyle("ListNumber", "List Number", properties: "<w:contextualSpacing/>")
        + paragraphStyle("Quote", "Quote", properties: "<w:ind w:left=\"720\" w:right=\"720\"/>", run: "<w:i/><w:iCs/>")
        + paragraphStyle("FootnoteText", "footnote text", properties: "<w:spacing w:after=\"0\"/>", run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        // Cell text: a little space above and below it, none of a paragraph's 6 pt after.
        + paragraphStyle("TableText", "Table Text", properties: "<w:spacing w:before=\"40\" w:after=\"40\"/>")
        + paragraphStyle("Footer", "footer")
        + "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
        + "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>" }
        .joined()
        + "</w:tblBorders><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"

    /// Abstract numbering 0 is bullets, 1 is decimal numbers; nine levels each.
    /// The numbering instance of the summary's numbered paragraphs (1 is
    /// the bullets', 3 on each ordered list's).
    static let paragraphNumberingId = 2

    static func numbering(orderedLists: [(start: Int, level: Int)]) -> String {
        func levels(ordered: Bool) -> String {
            (0..<9).map { level in
                let indent = 720 * (level + 1)
                let format =
                    ordered
                    ? "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\(level + 1).\"/>"
                    : "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3])\"/>"
                return "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/>\(format)<w:lvlJc w:val=\"left\"/>"
                    + "<w:pPr><w:ind w:left=\"\(indent)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            }.joined()
        }
        var result = declaration + "<w:numbering \(wordNamespaces)>"
        result += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(levels(ordered: false))</w:abstractNum>"
        result += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(levels(ordered: true))</w:abstractNum>"
        // The summary's numbered paragraphs (UN style): the number at the margin, the text 1 cm in.
        result +=
            "<w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
            + "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>"
            + "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"567\"/></w:tabs><w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl></w:abstractNum>"
        result += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        result += "<w:num w:numId=\"\(paragraphNumberingId)\"><w:abstractNumId w:val=\"2\"/></w:num>"
        for (index, list) in orderedLists.enumerated() {
            result +=
                "<w:num w:numId=\"\(index + 3)\"><w:abstractNumId w:val=\"1\"/>"
                + "<w:lvlOverride w:ilvl=\"\(list.level)\"><w:startOverride w:val=\"\(list.start)\"/></w:lvlOverride></w:num>"
        }
        return result + "</w:numbering>"
    }
}
