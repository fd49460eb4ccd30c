import ArgumentParser
import Diagnostics
import Foundation
import Storage
import WordImport

extension IMRF {
    struct ImportNote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-note",
            abstract: "Make a note (Markdown with front matter) from a Word file (.docx), or from several; say what could not be kept.",
            discussion: """
                The note is written beside the Word file (FILE.md) unless --out names it; its pictures are saved \
                beside the note. An existing file is not replaced unless --force. Several Word files may be given: \
                each note is written beside its Word file, and --session, --author, --role and --language apply to \
                every note (--out and --title name one note: refused with several files). Each file is imported on \
                its own: a refused file is said and the others are written all the same. Nothing at all is written \
                when a file is given twice or two files would write the same note or pictures (exit 64). Exit 0 \
                when every note is written (warnings allowed); else 73 when a note cannot be written, 65 when a \
                Word file is refused (73 when both happened).
                """
        )

        @Argument(help: ArgumentHelp("The Word file (.docx), or several.", valueName: "file"))
        var files: [String]

        @OptionGroup(title: "The note's front matter (--session is required)")
        var frontMatter: WordFrontMatterOptions

        @Option(help: "The note to write (default: FILE with .md in place of .docx); one Word file only.")
        var out: String?

        @Flag(help: "Replace the note (and its pictures) if they exist.")
        var force = false

        func validate() throws {
            if frontMatter.session == nil {
                throw ValidationError("--session is required: the session the note is for (hearing, round-table-1 ... policy-debate, plenary)")
            }
            if files.count > 1, out != nil {
                throw ValidationError(
                    "--out names one note; with several Word files each note is written beside its file (NAME.md): leave out --out, or import the files one at a time"
                )
            }
            if files.count > 1, frontMatter.title != nil {
                throw ValidationError(
                    "--title gives one note its title; with several Word files each note takes the title of its document: leave out --title, or import the files one at a time"
                )
            }
        }

        func run() async throws {
            let destinations =
                files.count == 1
                ? [NoteDestination(wordFile: files[0], note: out)]
                : try await Reporting.run { try NoteDestination.beside(files, folderIdentity: Self.folderIdentity) }
            // Each file on its own: a refused file is said and the next one is imported.
            var failures: [FailureKind] = []
            for destination in destinations {
                do {
                    try importNote(destination)
                } catch {
                    for diagnostic in error.diagnostics { Reporting.printToStandardError(diagnostic) }
                    failures.append(error.kind)
                }
            }
            if let worst = failures.map(Reporting.exitCode(for:)).max() { throw ExitCode(worst) }
        }

        /// The real absolute path of a folder, so that two spellings of one
        /// Word file (`a/x.docx`, `./a/x.docx`) are seen as one.
        static func folderIdentity(_ folder: String) -> String {
            URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath().path
        }

        /// Reads, converts and writes one note, printing its warnings and
        /// the `wrote` line; a refusal is thrown with nothing written.
        private func importNote(_ destination: NoteDestination) throws(DiagnosticFailure) {
            let file = destination.wordFile
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
            var options = frontMatter.importOptions()
            options.picturePrefix = destination.picturePrefix
            let note = try WordImport.note(from: bytes, path: file, options: options)
            try write(note, folder: destination.folder, name: destination.name)
            for diagnostic in note.diagnostics { Reporting.printToStandardError(diagnostic) }
            let pictures = note.pictures.count
            Reporting.printLine("wrote \(destination.note)\(pictures > 0 ? " and \(pictures) picture\(pictures == 1 ? "" : "s") beside it" : "")")
        }

        /// The pictures first, then the note, each atomically (a temporary
        /// file renamed into place); nothing existing is replaced without --force.
        private func write(_ note: ImportedNote, folder path: String, name: String) throws(DiagnosticFailure) {
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
                        hint: files.count == 1
                            ? "pass --force to replace it, or --out to name another note"
                            : "pass --force to replace it, or move it away first"))
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
