import Diagnostics
import Foundation
import IMRFTestSupport
import Storage
import Testing

@testable import SummaryCompiler

/// `Summary.compile(formats:templates:into:)`: every output written whole,
/// with the digest of what was written, or none replaced at all.
@Suite struct CompileOutputTests {
    @Test func writesEveryFormatWithTheDigestOfItsFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let directory = folder.url.path
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let written = try await summary.compile(formats: [.docx, .md, .html], templates: nil, into: directory)
        #expect(written.map(\.format) == [.md, .html, .docx])
        #expect(written.map(\.path) == ["summary.md", "summary.html", "summary.docx"].map { directory + "/" + $0 })
        let inMemory = try await summary.renderFiles(formats: [.md, .html, .docx], templates: nil)
        for output in written {
            #expect(try Data(contentsOf: URL(fileURLWithPath: output.path)) == inMemory[output.format])
            #expect(output.sha256 == SHA256.hex(ofFileAtPath: output.path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["summary.docx", "summary.html", "summary.md"])
    }

    /// A folder named like an output: nothing is replaced (the Markdown
    /// rendered fine but is not renamed over the previous one either), the
    /// error names the folder, and no temporary file is left behind.
    @Test func aFolderInTheWayReplacesNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let directory = folder.url.path
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: directory + "/summary.md"))
        try FileManager.default.createDirectory(atPath: directory + "/summary.html/kept", withIntermediateDirectories: true)
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let failure = await #expect(throws: DiagnosticFailure.self) {
            try await summary.compile(formats: [.md, .html], templates: nil, into: directory)
        }
        #expect(failure?.kind == .cannotCreate)
        #expect(failure?.diagnostics.map(\.location?.path) == [directory + "/summary.html"])
        #expect(try String(contentsOfFile: directory + "/summary.md", encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["summary.html", "summary.md"])
    }
}
