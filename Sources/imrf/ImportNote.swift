import ArgumentParser
import Diagnostics
import Foundation
import Storage
import WordImport

extension IMRF {
    struct ImportNote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-note",
            abstract: "Make a note (Markdown with front matter) from a Word file (.docx); say what could not be kept.",
            discussion: """
                The note is written beside the Word file (FILE.md) unless --out names it; its pictures are saved \
                beside the note. An existing file is not replaced unless --force. Exit 0 when the note is written \
                (warnings allowed), 65 when the Word file is refused, 73 when the note cannot be written.
                """
        )

        @Argument(help: "The Word file (.docx).")
        var file: String

        @OptionGroup(title: "The note's front matter (--session is required)")
        var frontMatter: WordFrontMatterOptions

        @Option(help: "The note to write (default: FILE with .md in place of .docx).")
        var out: String?

        @Flag(help: "Replace the note (and its pictures) if they exist.")
        var force = false

        func validate() throws {
            if frontMatter.session == nil {
                throw ValidationError("--session is required: the session the note is for (hearing, round-table-1 ... policy-debate, plenary)")
            }
        }

        func run() async throws {
            try await Reporting.run {
                let notePath = out ?? ((file as NSString).deletingPathExtension + ".md")
                let noteName = (notePath as NSString).lastPathComponent
                let folderPath = (notePath as NSString).deletingLastPathComponent
                let bytes: [UInt8]
                switch WorkspaceFileReader(root: nil).read(file, limit: WorkspaceLayout.maximumNoteBytes) {
                case .success(let read): bytes = read
                case .failure(.tooLarge(let size)):
                    throw DiagnosticFailure(
                        .badInput,
                        .error(
                            "this Word file is larger than 4 MB (\(size) bytes)", at: SourceLocation(path: file),
                            hint: "make the pictures smaller (in Word: File, Compress Pictures) or split the note"))
                case .failure(let problem):
                    throw DiagnosticFailure(.badInput, .error("cannot read the Word file: \(problem)", at: SourceLocation(path: file)))
                }
                let options = frontMatter.importOptions(picturePrefix: (noteName as NSString).deletingPathExtension)
                let note = try WordImport.note(from: bytes, path: file, options: options)
                try write(note, folder: folderPath.isEmpty ? "." : folderPath, name: noteName)
                for diagnostic in note.diagnostics { Reporting.printToStandardError(diagnostic) }
                let pictures = note.pictures.count
                Reporting.printLine("wrote \(notePath)\(pictures > 0 ? " and \(pictures) picture\(pictures == 1 ? "" : "s") beside it" : "")")
            }
        }

        /// The pictures first, then the note, each atomically (a temporary
        /// file renamed into place); nothing existing is replaced without --force.
        private func write(_ note: ImportedNote, folder path: String, name: String) throws {
            let cannotCreate = { (problem: WorkspaceFile.Problem) in
                DiagnosticFailure(.cannotCreate, .error("cannot write the note: \(problem)", at: SourceLocation(path: path)))
            }
            let folder: OpenFolder
            do { folder = try OpenFolder.open(path, inside: nil) } catch { throw cannotCreate(error) }
            let names = [name] + note.pictures.map(\.name)
            if !force, let existing = names.first(where: folder.contains) {
                throw DiagnosticFailure(
                    .cannotCreate,
                    .error(
                        "'\(existing)' already exists: not replaced", at: SourceLocation(path: (path as NSString).appendingPathComponent(existing)),
                        hint: "pass --force to replace it, or --out to name another note"))
            }
            do {
                for picture in note.pictures { try folder.write(Data(picture.bytes), to: picture.name) }
                try folder.write(Data(note.markdown.utf8), to: name)
            } catch {
                throw cannotCreate(error)
            }
        }
    }
}
