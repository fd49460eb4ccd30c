public import Diagnostics
public import Foundation
import Storage

/// LibreOffice headless (`soffice`), which turns the summary's Word
/// document into `summary.pdf`: tagged for accessibility (PDF/UA), with the
/// document's title and language, the pictures' alternative text and the
/// contents' links as LibreOffice lays them out.
///
/// Each conversion runs with a LibreOffice profile of its own, made in the
/// system's temporary folder and removed after, so conversions can run at
/// once and under any user (root in CI included); and it is killed with
/// every process it started when `timeout` passes.
public struct PDFConverter: Sendable {
    /// The `soffice` program, an absolute path.
    public var soffice: String
    public var timeout: Duration

    public init(soffice: String, timeout: Duration = .seconds(120)) {
        self.soffice = soffice
        self.timeout = timeout
    }

    /// The environment variable naming the `soffice` program, which then
    /// need not be on `PATH`.
    public static let sofficeVariable = "IMRF_SOFFICE"

    /// The Debian package that installs `soffice` without a desktop.
    public static let package = "libreoffice-writer-nogui"

    /// LibreOffice's PDF export with its filter options as JSON
    /// (LibreOffice 7.4 and later): PDF/UA, which implies a tagged PDF and
    /// shows the document's title rather than its file name; tagged
    /// named too, for a LibreOffice that ignores the first.
    static let exportFilter =
        #"pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"},"UseTaggedPDF":{"type":"boolean","value":"true"}}"#

    /// The converter `IMRF_SOFFICE` names, else the `soffice` on `PATH`.
    /// - Throws: `unavailable` (exit 69) saying what to install, when there is none.
    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DiagnosticFailure) -> PDFConverter {
        if let named = environment[sofficeVariable], !named.isEmpty {
            guard ExternalProgram.isExecutableFile(named) else {
                throw DiagnosticFailure(
                    .unavailable,
                    .error(
                        "cannot write summary.pdf: \(sofficeVariable) names \(named), which is not a program",
                        hint:
                            "name LibreOffice's soffice (/usr/bin/soffice once `apt-get install \(package)` has installed it), or unset \(sofficeVariable)",
                        code: .pdfConverterMissing))
            }
            return PDFConverter(soffice: named)
        }
        guard let found = ExternalProgram.find("soffice", path: environment["PATH"]) else {
            throw DiagnosticFailure(
                .unavailable,
                .error(
                    "cannot write summary.pdf: LibreOffice is not installed (no soffice on PATH)",
                    hint:
                        "install it with `apt-get install \(package)` (Debian, Ubuntu), or set \(sofficeVariable) to its soffice; the other formats need nothing",
                    code: .pdfConverterMissing))
        }
        return PDFConverter(soffice: found)
    }

    /// Converts `docx` into a PDF left in `folder` under a temporary name
    /// (`.summary.pdf.<pid>.<random>.tmp`), which it returns; the caller
    /// renames it into place. The Word document is written to a folder of
    /// the same kind of name inside `folder` and converted there (so the
    /// PDF is renamed, never copied), and that folder is removed whatever
    /// happens.
    func convert(_ docx: Data, in folder: OpenFolder) throws(DiagnosticFailure) -> String {
        let workName = Self.temporaryName()
        let work: OpenFolder
        do throws(WorkspaceFile.Problem) {
            work = try folder.subfolder(workName)
            try work.write(docx, to: "summary.docx")
        } catch {
            folder.removeFolder(workName)
            throw DiagnosticFailure(.cannotCreate, .error("cannot write output: \(error)", at: SourceLocation(path: folder.path)))
        }
        defer { folder.removeFolder(workName) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("imrf-soffice-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DiagnosticFailure(
                .cannotCreate,
                .error("cannot make LibreOffice's temporary profile: \(error.localizedDescription)", at: SourceLocation(path: profile.path)))
        }
        defer { try? FileManager.default.removeItem(at: profile) }

        let workPath = WorkspaceFile.absolute(work.path)
        let log = WorkspaceLayout.join(workPath, "soffice.log")
        let program = ExternalProgram(
            executable: soffice,
            arguments: [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore", "--nolockcheck", "--convert-to",
                Self.exportFilter, "--outdir", workPath, WorkspaceLayout.join(workPath, "summary.docx"),
            ])
        let outcome = program.run(timeout: timeout, output: log)
        let said = Self.lastLines(of: work.read("soffice.log", limit: 64 * 1024))
        let problem: String
        switch outcome {
        case .exited(0):
            let temporary = Self.temporaryName()
            do throws(WorkspaceFile.Problem) {
                guard work.contains("summary.pdf") else { throw .cannotRead("no such file") }
                try work.move("summary.pdf", to: folder, as: temporary)
                return temporary
            } catch {
                problem = "LibreOffice wrote no PDF"
            }
        case .exited(let status): problem = "LibreOffice failed (exit status \(status))"
        case .signalled(let signal): problem = "LibreOffice was ended by signal \(signal)"
        case .timedOut:
            throw DiagnosticFailure(
                .temporary,
                .error(
                    "cannot write summary.pdf: LibreOffice did not finish converting the Word document within \(timeout.components.seconds) s, and was stopped",
                    at: SourceLocation(path: soffice), hint: "compile again when the machine is less busy; the other formats need nothing"))
        case .notStarted(let reason):
            throw DiagnosticFailure(
                .unavailable,
                .error("cannot write summary.pdf: cannot start LibreOffice: \(reason)", at: SourceLocation(path: soffice), code: .pdfConverterMissing)
            )
        }
        // LibreOffice's failure, not imrf's: 69, a service that did not serve (70 means a bug in imrf).
        throw DiagnosticFailure(
            .unavailable,
            .error(
                "cannot write summary.pdf: \(problem)" + (said.isEmpty ? "" : ": \(said)"), at: SourceLocation(path: soffice),
                hint: "convert summary.docx by hand to see LibreOffice's message: soffice --headless --convert-to pdf summary.docx"))
    }

    /// A temporary name in the output folder of the kind the compile's
    /// clean-up (`removeStaleTemporaries`) recognizes as summary.pdf's.
    static func temporaryName() -> String {
        ".summary.pdf.\(getpid()).\(String(UInt64.random(in: .min ... .max), radix: 16)).tmp"
    }

    /// The last three lines LibreOffice printed, on one line, without its
    /// usual noise about Java.
    private static func lastLines(of read: Result<[UInt8], WorkspaceFile.Problem>?) -> String {
        guard case .success(let bytes) = read else { return "" }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("javaldx") }
            .suffix(3).joined(separator: "; ")
    }
}

extension Diagnostic.Code {
    /// LibreOffice's soffice is not installed or cannot be started.
    public static let pdfConverterMissing: Self = "pdf.converterMissing"
}
