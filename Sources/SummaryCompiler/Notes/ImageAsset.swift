public import Foundation

/// A PNG or JPEG picture that a note shows, read once from the workspace so
/// that every output embeds the same bytes: the HTML as a `data:` URI (one
/// standalone file, no remote resource), the .docx as a media part.
public struct ImageAsset: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case png, jpeg

        public var mediaType: String { self == .png ? "image/png" : "image/jpeg" }
        /// The extension of the part inside a .docx.
        public var fileExtension: String { self == .png ? "png" : "jpeg" }
    }

    /// Relative to the workspace folder, with `/`: how the model refers to it.
    public var path: String
    public var data: Data
    public var format: Format
    public var pixelWidth: Int
    public var pixelHeight: Int

    /// Larger pictures are refused: the summary is a text document, and a
    /// 10 MiB picture is already far more than print quality needs.
    public static let maximumBytes = 10 << 20

    /// The largest width or height accepted, in pixels: a chart or a
    /// photograph has a few thousand; a header claiming more (PNG allows four
    /// billion) is forged or broken, and would reach Word as an extent it
    /// refuses. At 96 pixels to the inch this is almost eight metres.
    public static let maximumPixels = 30_000

    public init(path: String, data: Data, format: Format, pixelWidth: Int, pixelHeight: Int) {
        self.path = path
        self.data = data
        self.format = format
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// The format and pixel size read from the file's own header (never from
    /// its name), or nil when the bytes are neither a PNG nor a JPEG with a
    /// readable size. The size is as the header gives it, 0 included:
    /// `ImageResolver` refuses one outside 1...`maximumPixels`.
    public static func header(of data: Data) -> (format: Format, width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(1 << 16))
        func bigEndian(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= bytes.count else { return nil }
            return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        // PNG: the 8-byte signature, then the IHDR chunk holding width and height.
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8),
                let width = bigEndian(16, 4), let height = bigEndian(20, 4)
            else { return nil }
            return (.png, width, height)
        }
        // JPEG: SOI, then segments until a start-of-frame marker gives the size.
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2
                continue
            }
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image or scan before any frame
            guard let length = bigEndian(offset + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian(offset + 5, 2), let width = bigEndian(offset + 7, 2) else { return nil }
                return (.jpeg, width, height)
            }
            offset += 2 + length
        }
        return nil
    }
}
