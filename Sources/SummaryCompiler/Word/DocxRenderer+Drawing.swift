/// Pictures as inline Word drawings, each backed by a media part.
extension DocxRenderer {
    /// A media part's path relative to `word/`.
    static func mediaPath(_ number: Int, _ image: ImageAsset) -> String {
        "media/image\(number).\(image.format.fileExtension)"
    }

    /// The width of the text between the margins, in EMU (English Metric
    /// Units, 914,400 to the inch): A4 less two 1134-twip margins.
    static let textWidthEMU = (11906 - 2 * 1134) * 635

    /// The largest extent Word accepts, in EMU (ST_PositiveCoordinate).
    static let maximumCoordinate = 27_273_042_316_900

    /// A picture's extent in EMU at 96 pixels to the inch (9525 EMU a pixel),
    /// scaled down to the text width, each side kept within 1 EMU and
    /// `maximumCoordinate` whatever size a header claims.
    static func extent(pixelWidth: Int, pixelHeight: Int) -> (width: Int, height: Int) {
        // In Double: a claimed size times 9525 need not fit an Int's range checks.
        var width = Double(pixelWidth) * 9525
        var height = Double(pixelHeight) * 9525
        if width > Double(textWidthEMU) {
            height = (height * Double(textWidthEMU) / width).rounded()
            width = Double(textWidthEMU)
        }
        func clamped(_ value: Double) -> Int { Int(min(max(value, 1), Double(maximumCoordinate))) }
        return (clamped(width), clamped(height))
    }

    /// An inline picture at 96 pixels to the inch, scaled down to the text
    /// width; a picture shown twice is one media part.
    mutating func appendDrawing(_ image: ImageAsset, alt: String, to xml: inout String) {
        let number: Int
        if let existing = mediaNumbers[image.path] {
            number = existing
        } else {
            media.append(image)
            number = media.count
            mediaNumbers[image.path] = number
        }
        drawingCount += 1
        let (width, height) = Self.extent(pixelWidth: image.pixelWidth, pixelHeight: image.pixelHeight)
        let description = WordXML.escape(alt)
        let drawingML = "http://schemas.openxmlformats.org/drawingml/2006"
        xml +=
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/>"
            + "<wp:docPr id=\"\(drawingCount)\" name=\"Picture \(drawingCount)\" descr=\"\(description)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"\(drawingML)/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"\(drawingML)/main\"><a:graphicData uri=\"\(drawingML)/picture\">"
            + "<pic:pic xmlns:pic=\"\(drawingML)/picture\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(drawingCount)\" name=\"image\(number).\(image.format.fileExtension)\" descr=\"\(description)\"/>"
            + "<pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdImage\(number)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }
}
