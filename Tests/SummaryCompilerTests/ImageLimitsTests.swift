import Diagnostics
import Foundation
import Testing

@testable import SummaryCompiler

/// Pictures whose header gives a size no picture has: refused at the note's
/// line (a forged header would otherwise reach Word as an extent outside
/// what it accepts), and Word's extent kept within its range whatever the size.
@Suite struct ImageLimitsTests {
    typealias Folder = ImageTests.Folder

    /// The test PNG with its header's width and height replaced.
    static func png(width: UInt32, height: UInt32) -> Data {
        var data = ImageTests.png
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        data.replaceSubrange(16..<24, with: bigEndian(width) + bigEndian(height))
        return data
    }

    @Test(arguments: [
        (UInt32(0), UInt32(3), "image 'figures/p.png' is 0 x 3 pixels"),
        (UInt32(4), UInt32(0), "image 'figures/p.png' is 4 x 0 pixels"),
        (UInt32.max, UInt32(3), "image 'figures/p.png' is 4294967295 x 3 pixels; the limit is 30,000 pixels on a side"),
        (UInt32(3), UInt32(30_001), "image 'figures/p.png' is 3 x 30001 pixels; the limit is 30,000 pixels on a side"),
    ])
    func aPictureOfNoOrAbsurdSizeIsRefusedAtItsLine(width: UInt32, height: UInt32, message: String) throws {
        let folder = try Folder(body: "First line.\n\n![x](figures/p.png)", files: ["notes/figures/p.png": Self.png(width: width, height: height)])
        defer { folder.remove() }
        let workspace = folder.check()
        let error = try #require(workspace.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(error.location?.line == 7)
        #expect(workspace.images.isEmpty)
    }

    @Test func aPictureAtTheLimitIsAccepted() throws {
        let folder = try Folder(body: "![x](figures/p.png)", files: ["notes/figures/p.png": Self.png(width: 30_000, height: 1)])
        defer { folder.remove() }
        let workspace = folder.check()
        #expect(workspace.diagnostics.isEmpty)
        let document = try #require(try DocxTests.unzip(Summary(workspace).renderDocx())["word/document.xml"])
        // Scaled to the text width; the height rounds to 204 EMU, never to 0.
        #expect(document.contains("<wp:extent cx=\"\(DocxRenderer.textWidthEMU)\" cy=\"204\"/>"))
    }

    @Test func wordExtentsStayInsideTheRangeWordAccepts() {
        let maximum = DocxRenderer.maximumCoordinate
        #expect(maximum == 27_273_042_316_900)
        for (width, height) in [(Int(UInt32.max), Int(UInt32.max)), (1, Int(UInt32.max)), (Int(UInt32.max), 1), (1, 1), (0, 0)] {
            let extent = DocxRenderer.extent(pixelWidth: width, pixelHeight: height)
            #expect((1...DocxRenderer.textWidthEMU).contains(extent.width), "\(width) x \(height)")
            #expect((1...maximum).contains(extent.height), "\(width) x \(height)")
        }
    }
}
