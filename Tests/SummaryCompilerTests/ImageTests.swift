import Diagnostics
import Forum
import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// Pictures in notes: found inside the workspace only, recognised by their
/// content, embedded in the HTML as data URIs and in the .docx as media parts.
@Suite struct ImageTests {
    /// A 4 x 3 PNG and an 8 x 6 JPEG, made for these tests.
    static var png: Data { Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAD0lEQVR4nGNgmHMPgXByAE9SEbl6TznLAAAAAElFTkSuQmCC")! }
    static var jpeg: Data {
        Data(
            base64Encoded:
                "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCuAkTb/9k="
        )!
    }

    /// A workspace folder with one plenary note whose body is `body`, and
    /// the given files beside it (paths relative to the workspace).
    struct Folder {
        let temporary: TemporaryFolder
        var root: URL { temporary.url }

        init(body: String, files: [String: Data] = [:]) throws {
            temporary = try TemporaryFolder()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("notes/figures"), withIntermediateDirectories: true)
            let note = "---\nsession: plenary\ntitle: Pictures\n---\n\(body)\n"
            try Data(note.utf8).write(to: root.appendingPathComponent("notes/plenary.md"))
            for (path, data) in files { try data.write(to: root.appendingPathComponent(path)) }
        }

        func check() -> CheckedNotes {
            CheckedNotes.check(notePaths: [root.appendingPathComponent("notes/plenary.md").path], forum: Edition.second.forum, folder: root.path)
        }

        func remove() { temporary.remove() }
    }

    @Test func headersAreReadFromTheContent() {
        #expect(ImageAsset.header(of: Self.png)?.format == .png)
        #expect(ImageAsset.header(of: Self.png).map { [$0.width, $0.height] } == [4, 3])
        #expect(ImageAsset.header(of: Self.jpeg)?.format == .jpeg)
        #expect(ImageAsset.header(of: Self.jpeg).map { [$0.width, $0.height] } == [8, 6])
        #expect(ImageAsset.header(of: Data("GIF89a".utf8)) == nil)
        #expect(ImageAsset.header(of: Self.png.prefix(20)) == nil)
        #expect(ImageAsset.header(of: Self.jpeg.prefix(40)) == nil)
    }

    @Test func aPictureBesideTheNoteIsResolvedAndRead() throws {
        let folder = try Folder(body: "Intro.\n\n![Remittances, 2025](figures/chart.png)", files: ["notes/figures/chart.png": Self.png])
        defer { folder.remove() }
        let workspace = folder.check()
        #expect(workspace.diagnostics.isEmpty)
        #expect(workspace.images["notes/figures/chart.png"]?.data == Self.png)
        #expect(
            workspace.notes.first?.document.blocks.last
                == .paragraph([
                    .image(source: "notes/figures/chart.png", alt: [.text("Remittances, 2025")], line: 3)
                ]))
    }

    @Test(arguments: [
        ("![x](missing.png)", "image 'missing.png' not found"),
        ("![x](../../outside.png)", "is outside the workspace"),
        ("![x](/etc/hostname)", "is an absolute path"),
        ("![x](https://example.org/a.png)", "remote pictures are not fetched"),
        ("![x](data:image/png;base64,AAAA)", "remote pictures are not fetched"),
        ("![x](figures/fake.png)", "is not a PNG or JPEG picture"),
        ("![x](figures)", "not found"),
    ])
    func badPicturesAreErrorsAtTheirLine(body: String, message: String) throws {
        let folder = try Folder(body: "First line.\n\n" + body, files: ["notes/figures/fake.png": Data("<svg/>".utf8)])
        defer { folder.remove() }
        let workspace = folder.check()
        let error = try #require(workspace.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.path.hasSuffix("notes/plenary.md") == true)
        #expect(error.location?.line == 7)  // 4 lines of front matter, then the third body line
        // The note is kept, with the alt text in place of the picture.
        #expect(workspace.notes.first?.document.blocks.last == .paragraph([.text("x")]))
        #expect(workspace.images.isEmpty)
    }

    @Test func aSymbolicLinkOutOfTheWorkspaceIsRefused() throws {
        let elsewhere = try TemporaryFolder()
        defer { elsewhere.remove() }
        let outside = elsewhere.url.appendingPathComponent("outside.png")
        try Self.png.write(to: outside)
        let folder = try Folder(body: "![x](figures/link.png)")
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            at: folder.root.appendingPathComponent("notes/figures/link.png"), withDestinationURL: outside)
        let workspace = folder.check()
        #expect(workspace.diagnostics.first?.message.contains("outside the workspace") == true)
    }

    @Test func aPictureOverTheLimitIsRefused() throws {
        var big = Self.png
        big.append(Data(count: ImageAsset.maximumBytes))
        let folder = try Folder(body: "![x](figures/big.png)", files: ["notes/figures/big.png": big])
        defer { folder.remove() }
        #expect(folder.check().diagnostics.first?.message.contains("the limit is 10 MiB") == true)
    }

    @Test func htmlEmbedsADataURIAndMarkdownKeepsThePath() async throws {
        let folder = try Folder(
            body: "![Chart <1>](figures/chart.png) and ![Photo](figures/photo.jpg)",
            files: ["notes/figures/chart.png": Self.png, "notes/figures/photo.jpg": Self.jpeg]
        )
        defer { folder.remove() }
        let outputs = try await Summary(folder.check()).renderedText(formats: [.md, .html], templates: nil)
        let html = try #require(outputs[.html])
        #expect(
            html.contains("<img src=\"data:image/png;base64,\(Self.png.base64EncodedString())\" alt=\"Chart &lt;1&gt;\" width=\"4\" height=\"3\""))
        #expect(html.contains("<img src=\"data:image/jpeg;base64,\(Self.jpeg.base64EncodedString())\" alt=\"Photo\" width=\"8\" height=\"6\""))
        let markdown = try #require(outputs[.md])
        #expect(markdown.contains("](notes/figures/chart.png)"))
        #expect(markdown.contains("![Photo](notes/figures/photo.jpg)"))
    }

    @Test func docxEmbedsEachPictureOnceAsAMediaPart() throws {
        let folder = try Folder(
            body: "![A](figures/chart.png)\n\n![B](figures/chart.png)\n\n![C](figures/photo.jpg)",
            files: ["notes/figures/chart.png": Self.png, "notes/figures/photo.jpg": Self.jpeg]
        )
        defer { folder.remove() }
        let parts = try DocxTests.unzip(Summary(folder.check()).renderDocx())
        #expect(parts["word/media/image1.png"] != nil)
        #expect(parts["word/media/image2.jpeg"] != nil)
        #expect(parts.keys.filter { $0.hasPrefix("word/media/") }.count == 2)
        let relationships = try #require(parts["word/_rels/document.xml.rels"])
        #expect(
            relationships.contains(
                "Id=\"rIdImage1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\""))
        #expect(relationships.contains("Target=\"media/image2.jpeg\""))
        let types = try #require(parts["[Content_Types].xml"])
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        #expect(types.contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"))
        let document = try #require(parts["word/document.xml"])
        #expect(document.components(separatedBy: "r:embed=\"rIdImage1\"").count == 3)
        #expect(document.components(separatedBy: "r:embed=\"rIdImage2\"").count == 2)
        // 4 x 3 pixels at 96 to the inch: 9525 EMU a pixel.
        #expect(document.contains("<wp:extent cx=\"38100\" cy=\"28575\"/>"))
        #expect(document.contains("descr=\"B\""))
        // Unique drawing ids.
        #expect(document.contains("<wp:docPr id=\"3\""))
    }

    @Test func aWidePictureIsScaledToTheTextWidth() throws {
        var wide = Self.png
        wide.replaceSubrange(16..<20, with: [0, 0, 0x0F, 0xA0])  // 4000 pixels wide
        let folder = try Folder(body: "![W](figures/wide.png)", files: ["notes/figures/wide.png": wide])
        defer { folder.remove() }
        let document = try #require(try DocxTests.unzip(Summary(folder.check()).renderDocx())["word/document.xml"])
        let width = DocxRenderer.textWidthEMU
        #expect(document.contains("<wp:extent cx=\"\(width)\" cy=\"\(Int((Double(3 * 9525) * Double(width) / Double(4000 * 9525)).rounded()))\"/>"))
    }
}
