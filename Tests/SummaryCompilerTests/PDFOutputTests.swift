import Diagnostics
import Foundation
import IMRFTestSupport
import Storage
import Testing

@testable import SummaryCompiler

/// The PDF: LibreOffice found or said to be missing, and the conversion's
/// work done through a stand-in `soffice` (a shell script), so that these
/// run without LibreOffice: its arguments, its PDF renamed into place, its
/// failure and its deadline.
@Suite struct PDFOutputTests {
    /// A stand-in soffice in `folder`: `body` runs with $OUTDIR and $INPUT
    /// set from the arguments, which are written to `arguments.txt`.
    func standIn(_ body: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.url.appendingPathComponent("soffice").path
        let script = """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(folder.url.path)/arguments.txt'
            while [ $# -gt 0 ]; do
              case "$1" in --outdir) OUTDIR="$2"; shift ;; *.docx) INPUT="$1" ;; esac
              shift
            done
            \(body)
            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func withoutSofficeOnThePathTheErrorNamesThePackage() throws {
        let failure = #expect(throws: DiagnosticFailure.self) {
            try PDFConverter.located(environment: ["PATH": "/nonexistent-imrf-folder"])
        }
        #expect(failure?.kind == .unavailable)
        #expect(failure?.diagnostics.first?.code == .pdfConverterMissing)
        #expect(failure?.diagnostics.first?.message == "cannot write summary.pdf: LibreOffice is not installed (no soffice on PATH)")
        #expect(failure?.diagnostics.first?.hint?.contains("apt-get install libreoffice-writer-nogui") == true)
    }

    @Test func anOverrideNamingNothingIsRefusedNotSearchedPast() throws {
        let failure = #expect(throws: DiagnosticFailure.self) {
            try PDFConverter.located(environment: ["IMRF_SOFFICE": "/nonexistent-imrf-folder/soffice", "PATH": "/usr/bin"])
        }
        #expect(failure?.kind == .unavailable)
        #expect(failure?.diagnostics.first?.message.contains("IMRF_SOFFICE names /nonexistent-imrf-folder/soffice") == true)
    }

    @Test func theOverrideIsTakenAndThePathSearched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try standIn("exit 0", in: folder)
        #expect(try PDFConverter.located(environment: ["IMRF_SOFFICE": script]).soffice == script)
        #expect(try PDFConverter.located(environment: ["PATH": "/nonexistent-imrf-folder:\(folder.url.path)"]).soffice == script)
    }

    /// The PDF is renamed into place beside the Markdown; the Word document
    /// it was made from, LibreOffice's work folder and profile are gone.
    @Test func thePDFIsWrittenAndTheWordDocumentIsNotLeftBehind() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try standIn(#"cp "$INPUT" "$OUTDIR/x" && printf '%%PDF-1.7 stand-in' > "$OUTDIR/summary.pdf""#, in: folder)
        let directory = folder.url.appendingPathComponent("build").path
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let written = try await summary.compile(
            formats: [.pdf, .md], templates: nil, into: directory, converter: PDFConverter(soffice: script))
        #expect(written.map(\.format) == [.md, .pdf])
        let pdf = try Data(contentsOf: URL(fileURLWithPath: directory + "/summary.pdf"))
        #expect(pdf == Data("%PDF-1.7 stand-in".utf8))
        #expect(written.last?.sha256 == SHA256.hex(of: pdf))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["summary.md", "summary.pdf"])
        let arguments = try String(contentsOfFile: folder.url.path + "/arguments.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments.contains("--headless"))
        #expect(
            arguments.contains(
                #"pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"},"UseTaggedPDF":{"type":"boolean","value":"true"}}"#))
        let profile = try #require(arguments.first { $0.hasPrefix("-env:UserInstallation=file:///") })
        #expect(!FileManager.default.fileExists(atPath: try #require(URL(string: String(profile.dropFirst("-env:UserInstallation=".count)))).path))
    }

    /// LibreOffice failing: what it said is in the error, nothing is
    /// replaced, nothing is left behind.
    @Test func aFailedConversionReplacesNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try standIn("echo 'Error: source file could not be loaded' >&2; exit 1", in: folder)
        let directory = folder.url.appendingPathComponent("build").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: directory + "/summary.md"))
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let failure = await #expect(throws: DiagnosticFailure.self) {
            try await summary.compile(formats: [.md, .pdf], templates: nil, into: directory, converter: PDFConverter(soffice: script))
        }
        #expect(failure?.kind == .unavailable)
        #expect(
            failure?.diagnostics.first?.message
                == "cannot write summary.pdf: LibreOffice failed (exit status 1): Error: source file could not be loaded")
        #expect(try String(contentsOfFile: directory + "/summary.md", encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["summary.md"])
    }

    /// Past the deadline the stand-in and the process it started are
    /// killed (a process group), and the compile says so.
    @Test func aConversionPastItsDeadlineIsKilledWithItsChildren() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pidFile = folder.url.path + "/child.pid"
        let script = try standIn("sleep 30 & echo $! > '\(pidFile)'; wait", in: folder)
        let directory = folder.url.appendingPathComponent("build").path
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let failure = await #expect(throws: DiagnosticFailure.self) {
            try await summary.compile(
                formats: [.pdf], templates: nil, into: directory, converter: PDFConverter(soffice: script, timeout: .seconds(1)))
        }
        // Not timed: under the whole suite's load the compile's threads wait
        // their turn. Had the group not been killed, the stand-in would have
        // ended by itself with no PDF (`unavailable`), not `temporary`.
        #expect(failure?.kind == .temporary)
        #expect(failure?.diagnostics.first?.message.contains("did not finish converting the Word document within 1 s") == true)
        let child = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed: gone, or a zombie until init reaps it.
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
    }

    /// In memory there is no PDF: the fuzzer and the tests render every case.
    @Test func renderFilesLeavesThePDFOut() async throws {
        let summary = try Summary(SummaryTests.exampleWorkspace())
        let files = try await summary.renderFiles(formats: Summary.Format.allCases, templates: nil)
        #expect(files.keys.sorted { $0.rawValue < $1.rawValue } == [.docx, .html, .md])
    }
}
