import Diagnostics
import Foundation
import Storage
import SummaryCompiler
import WordImport
import ZIPFoundation

/// One fuzz input through the Word import. An input that begins as a ZIP
/// (or an OLE file) is the .docx itself, so the package checks are fuzzed;
/// any other input is the text of word/document.xml in a minimal package
/// built here, so the XML reader and the converters are, without libFuzzer
/// having to find ZIP checksums.
///
/// Each input is also read as a reference document (`checkReference`).
///
/// Any input may be refused; what must never happen is a crash, a hang, a
/// diagnostic about another file, a note over the limit, a note whose front
/// matter imrf cannot read back, or two different answers to one input.
enum WordImportHarness {
    static let options = WordImportOptions(session: "hearing", title: "Fuzz", author: "Fuzz", role: "rapporteur")

    static func run(_ bytes: UnsafeRawBufferPointer) {
        var bytes = Array(bytes)
        if !bytes.starts(with: [0x50, 0x4B]), !bytes.starts(with: [0xD0, 0xCF]) { bytes = package(document: bytes) }
        let first = result(bytes)
        switch first {
        case .failure(let failure):
            guard failure.diagnostics.contains(where: { $0.severity == .error }) else { fatalError("refused without an error: \(failure)") }
            check(failure.diagnostics)
        case .success(let note):
            check(note.diagnostics)
            guard note.markdown.utf8.count <= WorkspaceLayout.maximumNoteBytes else { fatalError("note over the limit") }
            guard note.pictures.allSatisfy({ $0.name.hasPrefix("picture-") && !$0.name.contains("/") }) else {
                fatalError("a picture named from the file: \(note.pictures.map(\.name))")
            }
            let (parsed, diagnostics) = NoteParser.parse(text: note.markdown, path: "fuzz.md")
            guard parsed != nil else { fatalError("the note's front matter does not read back: \(diagnostics)\n\(note.markdown)") }
        }
        guard result(bytes) == first else { fatalError("importing the same file twice gave different results") }
        checkReference(bytes)
    }

    /// The same file as a reference document (`--reference-docx`): refused
    /// with an error naming it, or read with a page that leaves room for text.
    static func checkReference(_ bytes: [UInt8]) {
        switch Result(catching: { () throws(DiagnosticFailure) in try WordImport.reference(from: bytes, path: "fuzz.docx") }) {
        case .failure(let failure):
            guard failure.diagnostics.contains(where: { $0.severity == .error }) else { fatalError("reference refused without an error") }
            check(failure.diagnostics)
        case .success(let reference):
            if let page = reference.page, page.left + page.right >= page.width { fatalError("a reference page without room for text: \(page)") }
            guard reference.mergedStyles(with: "<w:styles></w:styles>").contains("</w:styles>") else { fatalError("merged styles lost their end") }
        }
    }

    static func result(_ bytes: [UInt8]) -> Result<ImportedNote, DiagnosticFailure> {
        Result { () throws(DiagnosticFailure) in try WordImport.note(from: bytes, path: "fuzz.docx", options: options) }
    }

    static func check(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            guard diagnostic.location?.path == "fuzz.docx" else { fatalError("diagnostic names another file: \(diagnostic)") }
            guard !diagnostic.message.isEmpty else { fatalError("empty diagnostic message") }
        }
    }

    /// A package of `document` as word/document.xml, stored (not deflated): fast to build.
    static func package(document: [UInt8]) -> [UInt8] {
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { fatalError("no archive") }
        let parts: [(String, [UInt8])] = [
            (
                "[Content_Types].xml",
                Array(
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                        .utf8)
            ),
            ("word/document.xml", document),
        ]
        for (name, content) in parts {
            try? archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(content.count), modificationDate: Date(timeIntervalSince1970: 0)
            ) { position, size in
                Data(content[Int(position)..<Int(position) + size])
            }
        }
        return Array(archive.data ?? Data())
    }
}
