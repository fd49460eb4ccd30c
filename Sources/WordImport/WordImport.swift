public import Diagnostics
import Storage
import SummaryCompiler

/// What a note made from a Word file needs besides the file: the values of
/// its front matter given by the person (each overrides the document's own),
/// the prefix of its pictures' file names and the folder the note names
/// them in.
public struct WordImportOptions: Sendable, Hashable {
    public var session: String?
    public var title: String?
    public var author: String?
    public var role: String?
    public var language: String?
    /// Pictures are named `<prefix>-1.png`, `<prefix>-2.jpg`...: letters,
    /// digits and hyphens only (`WordImport.safeName`), never a name from the file.
    public var picturePrefix: String
    /// The folder, relative to the note, its pictures are saved in (`figures`
    /// for a note stored in notes/): the body names `figures/<prefix>-1.png`,
    /// while `ImportedNote.Picture.name` stays the bare file name. Made safe as
    /// the prefix is; empty (the default) for pictures beside the note.
    public var pictureFolder: String

    public init(
        session: String? = nil, title: String? = nil, author: String? = nil, role: String? = nil, language: String? = nil,
        picturePrefix: String = "picture", pictureFolder: String = ""
    ) {
        self.session = session
        self.title = title
        self.author = author
        self.role = role
        self.language = language
        self.picturePrefix = WordImport.safeName(picturePrefix)
        self.pictureFolder = pictureFolder.isEmpty ? "" : WordImport.safeName(pictureFolder)
    }
}

/// A note made from a Word file: its full text (front matter and body),
/// the pictures to save beside it under the names its body uses, and what
/// could not be kept (warnings, each at its paragraph).
public struct ImportedNote: Sendable, Hashable {
    public struct Picture: Sendable, Hashable {
        public var name: String
        public var bytes: [UInt8]
    }

    public var markdown: String
    public var pictures: [Picture]
    public var diagnostics: [Diagnostic]
}

/// Word (.docx) to a note. Bytes in, a note out, or a `DiagnosticFailure`
/// saying why the file is refused (not Word, password-protected, macros,
/// too large, a ZIP bomb, a DOCTYPE, tracked changes); nothing is written
/// here, so the command line, submit and the web intake can all call it.
public enum WordImport {
    public static func note(
        from bytes: [UInt8], path: String, options: WordImportOptions = WordImportOptions()
    ) throws(DiagnosticFailure)
        -> ImportedNote
    {
        let package = try WordPackage(bytes: bytes, path: path)
        var partName = "word/document.xml"
        do {
            partName = "word/_rels/document.xml.rels"
            let relationships = try package.part(partName).map(readRelationships) ?? [:]
            partName = "word/styles.xml"
            let styles = try package.part(partName).map(WordStyles.read) ?? WordStyles()
            partName = "word/numbering.xml"
            let numbering = try package.part(partName).map(WordNumbering.read) ?? WordNumbering()
            partName = "word/comments.xml"
            let comments = try package.part(partName).map(readComments) ?? [:]
            partName = "docProps/core.xml"
            let core: (title: String?, creator: String?) = try package.part(partName).map(readCoreProperties) ?? (nil, nil)

            partName = "word/document.xml"
            let story = StoryReader(
                package: package, styles: styles, numbering: numbering, relationships: relationships, comments: comments,
                picturePrefix: options.picturePrefix, pictureFolder: options.pictureFolder)
            guard let documentBytes = try package.part(partName) else { throw WordPackage.notWord(SourceLocation(path: path)) }
            let reader = try XMLReader(documentBytes)
            var blocks: [WordBlock] = []
            while let event = try reader.next() {
                if case .start(let element) = event, element.name == "w:body" {
                    blocks = try story.blocks(reader, until: "w:body")
                }
            }
            var writer = MarkdownWriter(path: path, numbering: numbering)
            var body = writer.body(blocks)

            // Footnotes and endnotes, in the order the body refers to them.
            let references = story.noteLabels
            var definitions: [String] = []
            for kind in ["f", "e"] where references.contains(where: { $0.kind == kind }) {
                partName = kind == "f" ? "word/footnotes.xml" : "word/endnotes.xml"
                guard let bytes = try package.part(partName) else { continue }
                let notes = try readNotes(bytes, kind: kind, story: story)
                for reference in references where reference.kind == kind {
                    definitions.append(writer.footnote(label: reference.label, notes[reference.id] ?? []))
                }
            }
            if !definitions.isEmpty { body += "\n\n" + definitions.joined(separator: "\n\n") }

            var diagnostics = story.diagnostics + writer.diagnostics
            if story.refused { throw DiagnosticFailure(.badInput, diagnostics) }
            let language = chooseLanguage(options: options, styles: styles, blocks: blocks, path: path, diagnostics: &diagnostics)
            let frontMatter = FrontMatterWriter.write([
                ("session", options.session), ("title", options.title ?? core.title), ("author", options.author ?? core.creator),
                ("role", options.role), ("language", language),
            ])
            let markdown = frontMatter + body + "\n"
            guard markdown.utf8.count <= WorkspaceLayout.maximumNoteBytes else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "the note made from this Word file would be larger than 4 MB (\(markdown.utf8.count) bytes)",
                        at: SourceLocation(path: path), hint: "split the document into several notes", code: "wordImport.tooLarge"))
            }
            if blocks.isEmpty || body.isEmpty {
                diagnostics.append(.warning("the Word file has no text", at: SourceLocation(path: path), hint: "check that this is the right file"))
            }
            return ImportedNote(
                markdown: markdown, pictures: story.pictures.map { ImportedNote.Picture(name: $0.name, bytes: $0.bytes) },
                diagnostics: diagnostics)
        } catch let failure as DiagnosticFailure {
            throw failure
        } catch {
            throw partFailure(error, part: partName, path: path)
        }
    }

    /// A part of the Word file at `path` that is not XML imrf reads, said
    /// for the person who sent it.
    static func partFailure(_ error: any Error, part: String, path: String) -> DiagnosticFailure {
        let error = error as? XMLProblem ?? XMLProblem(message: "cannot be read", line: 0)
        return DiagnosticFailure(
            .badInput,
            .error(
                "this Word file's part '\(part)' \(error.message)\(error.line > 0 ? " (line \(error.line))" : "")",
                at: SourceLocation(path: path), hint: "open it in Word and save it again as a Word document (.docx)",
                code: "wordImport.badXML"))
    }

    /// `name` with every character but ASCII letters, digits and hyphens
    /// removed (`picture` when nothing is left): safe as a file name anywhere.
    /// Kept whole up to 160 characters, so that a stored note's name (a
    /// session, an author's slug and a 64-digit hash) is never cut to
    /// another note's.
    public static func safeName(_ name: String) -> String {
        let kept = String(
            name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }.map(Character.init))
        return kept.isEmpty ? "picture" : String(kept.prefix(160))
    }

    /// The footnotes (or endnotes) part's notes by id, each read as a story.
    private static func readNotes(_ bytes: [UInt8], kind: String, story: StoryReader) throws(XMLProblem) -> [String: [WordBlock]] {
        let reader = try XMLReader(bytes)
        let element = kind == "f" ? "w:footnote" : "w:endnote"
        var notes: [String: [WordBlock]] = [:]
        let labels = Dictionary(story.noteLabels.filter { $0.kind == kind }.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        while let event = try reader.next() {
            guard case .start(let start) = event, start.name == element else { continue }
            guard let id = start["w:id"], let label = labels[id] else {
                try reader.skipElement(start.name)
                continue
            }
            story.storyName = "footnote \(label), paragraph"
            notes[id] = try story.blocks(reader, until: element)
        }
        return notes
    }

    /// The note's language: the option, else the document's (the
    /// right-to-left language when most paragraphs are right to left).
    /// A direction the language cannot give is said.
    private static func chooseLanguage(
        options: WordImportOptions, styles: WordStyles, blocks: [WordBlock], path: String, diagnostics: inout [Diagnostic]
    ) -> String? {
        var paragraphs: [WordParagraph] = []
        for block in blocks {
            if case .paragraph(let paragraph) = block, !paragraph.plainText.trimmingSpaces.isEmpty { paragraphs.append(paragraph) }
        }
        let rightToLeft = paragraphs.filter(\.isRightToLeft)
        let known = { (value: String?) -> String? in
            guard let value, !value.isEmpty, value.lowercased() != "x-none" else { return nil }
            return value
        }
        let language: String?
        if let given = options.language {
            language = given
        } else if rightToLeft.count * 2 > paragraphs.count {
            language = known(styles.bidiLanguage) ?? known(styles.language)
        } else {
            language = known(styles.language)
        }
        let noteIsRightToLeft = language.map { Note.isRightToLeft(language: $0) } ?? false
        if !noteIsRightToLeft, let first = rightToLeft.first {
            diagnostics.append(
                .warning(
                    "paragraph \(first.number) (“\(StoryReader.firstWords(first.plainText))”)\(rightToLeft.count > 1 ? " and \(rightToLeft.count - 1) more" : ""): written right to left, but the note's language (\(language ?? "en")) is written left to right",
                    at: SourceLocation(path: path), hint: "give the note's language, such as --language ar, if the note is right to left"))
        }
        return language
    }
}

/// The note's front matter: each value given, as a YAML double-quoted
/// string (so `#`, `:`, quotes and `yes` stay text); a value not known is
/// left out for `imrf check` to ask for.
enum FrontMatterWriter {
    static func write(_ fields: [(key: String, value: String?)]) -> String {
        var text = "---\n"
        for (key, value) in fields {
            guard let value else { continue }
            let clean = value.split(whereSeparator: { $0.isNewline }).joined(separator: " ").trimmingSpaces
            guard !clean.isEmpty else { continue }
            text += "\(key): \(quoted(clean))\n"
        }
        return text + "---\n"
    }

    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{00A0}": text += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += " "
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
