public import Diagnostics
public import SummaryCompiler

extension WordImport {
    /// The office's Word document as a reference for the summary's styles
    /// and page (`WordReference`), read with every limit and refusal of a
    /// note's Word file (size, ZIP bombs, macros, a document type). Its
    /// styles part is taken as it is once it is read through as XML; the page
    /// is taken as numbers only; its theme, if any, once read through.
    public static func reference(from bytes: [UInt8], path: String) throws(DiagnosticFailure) -> WordReference {
        let package = try WordPackage(bytes: bytes, path: path)
        let here = SourceLocation(path: path)
        var partName = "word/styles.xml"
        do {
            guard let stylesBytes = try package.part(partName) else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "this Word file has no styles to take", at: here,
                        hint: "save a document that uses the office's styles as a Word document (.docx) and give that one",
                        code: "wordImport.noStyles"))
            }
            var styleIds: Set<String> = []
            let styles = try XMLReader(stylesBytes)
            while let event = try styles.next() {
                if case .start(let element) = event, element.name == "w:style", let id = element["w:styleId"] { styleIds.insert(id) }
            }
            let stylesText = String(decoding: stylesBytes, as: UTF8.self)
            // Word and LibreOffice write the `w:` prefix; imrf adds its own styles with it.
            guard stylesText.contains("<w:styles"), stylesText.contains("</w:styles>") else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "this Word file's styles are not written as Word writes them", at: here,
                        hint: "open it in Word or LibreOffice and save it again as a Word document (.docx)", code: "wordImport.badXML"))
            }
            partName = "word/document.xml"
            var page: WordReference.Page?
            if let documentBytes = try package.part(partName) {
                page = try Self.lastPage(XMLReader(documentBytes))
            }
            partName = "word/theme/theme1.xml"
            var theme: [UInt8]?
            if let themeBytes = try package.part(partName) {
                let reader = try XMLReader(themeBytes)
                while try reader.next() != nil {}
                theme = themeBytes
            }
            return WordReference(styles: stylesText, styleIds: styleIds, page: page, theme: theme)
        } catch let failure as DiagnosticFailure {
            throw failure
        } catch {
            throw partFailure(error, part: partName, path: path)
        }
    }

    /// The page size and margins of the document's last section (the one
    /// in `w:body`), when it gives both as numbers Word could have written.
    static func lastPage(_ reader: XMLReader) throws(XMLProblem) -> WordReference.Page? {
        var size: XMLElement?
        var margins: XMLElement?
        var inSection = false
        while let event = try reader.next() {
            switch event {
            case .start(let element) where element.name == "w:sectPr":
                inSection = true
                size = nil
                margins = nil
            case .end("w:sectPr"): inSection = false
            case .start(let element) where inSection && element.name == "w:pgSz": size = element
            case .start(let element) where inSection && element.name == "w:pgMar": margins = element
            default: continue
            }
        }
        // Twentieths of a point: up to 22 inches, the largest page Word offers.
        func twips(_ element: XMLElement?, _ name: String, default value: Int? = nil) -> Int? {
            guard let text = element?["w:\(name)"] else { return value }
            guard let number = Int(text), (0...31_680).contains(number) else { return nil }
            return number
        }
        guard let width = twips(size, "w"), let height = twips(size, "h"), width >= 2_880, height >= 2_880,
            let top = twips(margins, "top"), let right = twips(margins, "right"), let bottom = twips(margins, "bottom"),
            let left = twips(margins, "left"), let header = twips(margins, "header", default: 709),
            let footer = twips(margins, "footer", default: 709), left + right < width - 1_440
        else { return nil }
        return WordReference.Page(
            width: width, height: height, landscape: size?["w:orient"] == "landscape", top: top, right: right, bottom: bottom, left: left,
            header: header, footer: footer)
    }
}
