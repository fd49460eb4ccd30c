import Foundation
import IMRFTestSupport
import Testing

/// `imrf compile --format pdf` through the binary: with LibreOffice when
/// this machine has it, and without it (a PATH that holds no soffice).
@Suite("imrf compile to PDF")
struct PDFCommandTests {
    /// LibreOffice's soffice on this machine's PATH, if any.
    static let soffice: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The other formats are written and recorded, the PDF's absence is
    /// said in words a person can act on, and the exit status is 69.
    @Test func withoutLibreOfficeTheOtherFormatsAreWrittenAndTheExitIs69() throws {
        try withExampleWorkspace { temporary in
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md,html,pdf"], directory: temporary.url,
                environment: ["PATH": temporary.url.appendingPathComponent("no-soffice-here").path, "IMRF_SOFFICE": nil])
            #expect(result.status == 69, "\(result.stderr)")
            #expect(result.stdout == "wrote ws/build/summary.md\nwrote ws/build/summary.html\n")
            #expect(result.stderr.contains("error: cannot write summary.pdf: LibreOffice is not installed (no soffice on PATH)"))
            #expect(result.stderr.contains("apt-get install libreoffice-writer-nogui"))
            let build = temporary.url.appendingPathComponent("ws/build").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: build).sorted() == ["summary.html", "summary.md"])
            let log = try IMRFProcess.run(["log", "ws", "--kind", "compile"], directory: temporary.url)
            #expect(log.stdout.contains("build/summary.md") && !log.stdout.contains("summary.pdf"), "\(log.stdout)")
        }
    }

    @Test func anOverrideNamingNothingExits69AndWritesNothingWhenOnlyPDFIsAsked() throws {
        try withExampleWorkspace { temporary in
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "pdf"], directory: temporary.url, environment: ["IMRF_SOFFICE": "/nonexistent-imrf/soffice"])
            #expect(result.status == 69)
            #expect(result.stdout == "")
            #expect(result.stderr.contains("IMRF_SOFFICE names /nonexistent-imrf/soffice, which is not a program"))
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/build/summary.pdf").path))
        }
    }

    /// The example workspace to a tagged PDF (PDF/UA) with its title and
    /// language; nothing else in build/ (the Word document it was made of
    /// stayed in the temporary folder).
    @Test(.enabled(if: soffice != nil, "needs LibreOffice (apt-get install libreoffice-writer-nogui); .ci/run installs it"))
    func theExampleCompilesToATaggedPDF() throws {
        try withExampleWorkspace { temporary in
            let result = try IMRFProcess.run(["compile", "ws", "--format", "pdf"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "wrote ws/build/summary.pdf\n")
            let build = temporary.url.appendingPathComponent("ws/build")
            #expect(try FileManager.default.contentsOfDirectory(atPath: build.path) == ["summary.pdf"])
            let pdf = try Data(contentsOf: build.appendingPathComponent("summary.pdf"))
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            let text = String(decoding: pdf, as: Unicode.ASCII.self)
            #expect(text.contains("/MarkInfo<</Marked true>>"))
            #expect(text.contains("/StructTreeRoot"))
            #expect(text.contains("pdfuaid:part>1<"))
            #expect(text.contains("/Lang(en-GB)"))
            // The title, as PDF text: UTF-16 in hexadecimal after a byte-order mark.
            let title = "Second International Migration Review Forum: summary of the President of the General Assembly"
            let hex = "FEFF" + title.utf16.map { String(format: "%04X", $0) }.joined()
            #expect(text.contains("/Title<\(hex)>"))
        }
    }
}
