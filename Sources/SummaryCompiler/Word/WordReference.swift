import Foundation

/// The office's own Word document (`--reference-docx`, forum.yaml
/// `document.referenceDocx`) whose styles, page size and margins the
/// summary takes, as pandoc's `--reference-doc` does: imrf's content and
/// numbering stay; a style imrf needs that the reference lacks is imrf's.
/// Read and checked by `WordImport.reference(from:path:)`.
public struct WordReference: Sendable, Hashable {
    /// Its `word/styles.xml`, well formed and without a document type, as it is.
    public var styles: String
    /// The ids of the styles it defines.
    public var styleIds: Set<String>
    /// The page of its (last) section, in twentieths of a point.
    public var page: Page?
    /// Its `word/theme/theme1.xml` (the fonts its styles may name by theme), if any.
    public var theme: [UInt8]?

    public struct Page: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var landscape: Bool
        public var top: Int
        public var right: Int
        public var bottom: Int
        public var left: Int
        public var header: Int
        public var footer: Int

        public init(width: Int, height: Int, landscape: Bool, top: Int, right: Int, bottom: Int, left: Int, header: Int, footer: Int) {
            (self.width, self.height, self.landscape) = (width, height, landscape)
            (self.top, self.right, self.bottom, self.left, self.header, self.footer) = (top, right, bottom, left, header, footer)
        }

        /// The section's page size and margins, from numbers only.
        var sectionProperties: String {
            "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
                + "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(left)\" w:header=\"\(header)\""
                + " w:footer=\"\(footer)\" w:gutter=\"0\"/>"
        }

        /// The width text may take.
        var textWidth: Int { max(1_440, width - left - right) }
    }

    public init(styles: String, styleIds: Set<String>, page: Page?, theme: [UInt8]?) {
        self.styles = styles
        self.styleIds = styleIds
        self.page = page
        self.theme = theme
    }

    /// Its styles with each of `ours` (a styles part as imrf writes it)
    /// that it lacks added before its end.
    /// Its own numbering (a heading style's outline numbers) is left out:
    /// it names lists of the reference's numbering part, which the summary
    /// does not have, and imrf numbers the summary itself.
    public func mergedStyles(with ours: String) -> String {
        let missing = Self.styleElements(in: ours).filter { !styleIds.contains($0.id) }.map(\.xml).joined()
        let own = Self.withoutNumbering(styles)
        guard let end = own.range(of: "</w:styles>", options: .backwards) else { return own }
        return own.replacingCharacters(in: end, with: missing + "</w:styles>")
    }

    /// `xml` without its `<w:numPr>` elements (they never nest).
    static func withoutNumbering(_ xml: String) -> String {
        var result = ""
        var rest = xml[...]
        while let start = rest.range(of: "<w:numPr") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            if after.hasPrefix("/>") {
                rest = after.dropFirst(2)
            } else if let end = after.range(of: "</w:numPr>") {
                rest = after[end.upperBound...]
            } else {
                result += rest[start.lowerBound...]
                return result
            }
        }
        return result + rest
    }

    /// The `<w:style ...>...</w:style>` elements of a styles part imrf wrote, with their ids.
    static func styleElements(in xml: String) -> [(id: String, xml: String)] {
        var result: [(String, String)] = []
        var rest = xml[...]
        while let start = rest.range(of: "<w:style "), let end = rest[start.lowerBound...].range(of: "</w:style>") {
            let element = rest[start.lowerBound..<end.upperBound]
            if let idStart = element.range(of: "w:styleId=\""), let idEnd = element[idStart.upperBound...].firstIndex(of: "\"") {
                result.append((String(element[idStart.upperBound..<idEnd]), String(element)))
            }
            rest = rest[end.upperBound...]
        }
        return result
    }
}
