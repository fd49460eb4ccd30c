public import Diagnostics
import Forum
public import Foundation
import Mustache
import Storage
public import WorkingDays

/// The PGA summary: a checked workspace rendered through the Mustache
/// templates `summary.html.mustache` and `summary.md.mustache`, and as a
/// Word document by `DocxRenderer` from the same model.
public struct Summary: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// `pdf` is the Word document converted by LibreOffice
        /// (`PDFConverter`): written by `compile` only, never rendered in
        /// memory (`renderFiles` leaves it out).
        /// `changes` is the Word document with the changes since an earlier
        /// build tracked (`renderChangesDocx`): written by `compile` when
        /// given that build (`Revision`), never asked for as a format.
        case md, html, docx, pdf, changes

        /// The formats rendered through a Mustache template, as text.
        static let textFormats: [Format] = [.md, .html]

        public var isText: Bool { self == .md || self == .html }
        /// Whether imrf renders the format itself, in memory, from the
        /// summary alone; the PDF is LibreOffice's, the changes document
        /// needs an earlier build too.
        public var isRendered: Bool { self != .pdf && self != .changes }
        /// The order outputs are written and listed in: md, html, docx, pdf, changes.
        var order: Int { Self.allCases.firstIndex(of: self)! }
        var template: String { "summary.\(rawValue)" }
        /// `summary.md`, ..., `summary.changes.docx`.
        public var fileName: String { self == .changes ? "summary.changes.docx" : "summary.\(rawValue)" }
    }

    /// An earlier build to show the changes since (`Format.changes`).
    public struct Revision: Sendable {
        /// The earlier build's summary, made again from the notes it used.
        public var earlier: Summary
        /// When the changes were made: each change's date.
        public var date: Date

        public init(earlier: Summary, date: Date) {
            self.earlier = earlier
            self.date = date
        }
    }

    /// The notes the summary is made of, checked.
    public var checked: CheckedNotes
    /// The office's Word document whose styles and page the .docx (and so
    /// the PDF) takes; nil: imrf's own.
    public var reference: WordReference?

    /// The date the letter or masthead carries: forum.yaml's `document.date`,
    /// else the day it is compiled where the forum is.
    public var date: CivilDate

    /// Fails with the notes' diagnostics when there is any error.
    public init(_ checked: CheckedNotes) throws(DiagnosticFailure) {
        guard checked.errorCount == 0 else {
            throw DiagnosticFailure(.badInput, checked.diagnostics)
        }
        self.checked = checked
        let forum = checked.forum
        date = forum.document.date ?? CivilDate.today(in: TimeZone(identifier: forum.timeZone) ?? .current)
    }

    /// The templates folder to use, in this order: `explicit` (the caller's
    /// option), `IMRF_TEMPLATES`, then the installation's:
    /// `../share/imrf/Templates` beside the executable's folder, then a
    /// `Templates` folder in the executable's folder or up to seven above it
    /// (a repository's, for a binary SwiftPM built). nil when none is found:
    /// the built-in templates are used.
    ///
    /// Never the current folder, whose templates would reach every HTML
    /// output (a script included); and an installation folder counts only
    /// when it holds imrf's templates, since `Templates` is a common name
    /// (GNOME's ~/Templates holds documents to start from).
    public static func templatesDirectory(
        explicit: String?, executable: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let explicit { return explicit }
        if let folder = environment["IMRF_TEMPLATES"], !folder.isEmpty { return folder }
        let executable = URL(fileURLWithPath: executable)
        if let installed = FolderFinder.installed("Templates", executable: executable), holdsTemplates(installed) { return installed.path }
        guard let start = FolderFinder.executableFolder(executable) else { return nil }
        return FolderFinder.nearest(from: start, levels: 8) { holdsTemplates($0.appendingPathComponent("Templates")) }?
            .appendingPathComponent("Templates").path
    }

    /// Whether `folder` has the template of every text format.
    private static func holdsTemplates(_ folder: URL) -> Bool {
        Format.textFormats.allSatisfy { format in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(format.template + ".mustache").path)
        }
    }

    /// Renders every format imrf renders itself (`isRendered`: not the
    /// PDF), text or binary, in memory as the bytes of its file, each on a
    /// thread of its own outside Swift's cooperative pool (`inTasks`);
    /// nothing is written.
    /// - Parameter templates: a folder of templates; nil for the built-in ones.
    public func renderFiles(formats: [Format], templates: String?) async throws(DiagnosticFailure) -> [Format: Data] {
        let wanted = Format.allCases.filter { $0.isRendered && formats.contains($0) }
        let library = wanted.contains(where: \.isText) ? try await Self.library(templates: templates, formats: wanted) : nil
        var result: [Format: Data] = [:]
        for (format, bytes) in await Self.inTasks(
            wanted,
            { format throws(DiagnosticFailure) in
                try renderBytes(format, library: library)
            })
        {
            result[format] = try bytes.get()
        }
        return result
    }

    /// Runs `work` for each of `formats` at once, each on a Dispatch thread
    /// (the PDF's on a thread of its own, `withOwnThread`)
    /// outside Swift's cooperative pool (`withBlockingWork`: rendering a
    /// large summary is CPU-bound for a good part of a second, and a
    /// server's handlers share the pool), the longest started first (the
    /// Word document, then the HTML); returns the outcomes in format order,
    /// so the first failure reported does not depend on scheduling.
    static func inTasks<Outcome: Sendable>(
        _ formats: [Format], _ work: @escaping @Sendable (Format) throws(DiagnosticFailure) -> Outcome
    ) async -> [(format: Format, result: Result<Outcome, DiagnosticFailure>)] {
        await withTaskGroup(of: (format: Format, result: Result<Outcome, DiagnosticFailure>).self) { group in
            for format in formats.sorted(by: { $0.order > $1.order }) {
                group.addTask {
                    // The PDF waits seconds for LibreOffice: on a thread of
                    // its own, not one of Dispatch's few.
                    let outcome: @Sendable () -> Result<Outcome, DiagnosticFailure> = {
                        Result { () throws(DiagnosticFailure) in try work(format) }
                    }
                    return (format, format == .pdf ? await withOwnThread(outcome) : await withBlockingWork(outcome))
                }
            }
            var outcomes: [(format: Format, result: Result<Outcome, DiagnosticFailure>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.format.order < $1.format.order }
        }
    }

    /// One format as the bytes of its file: a text format through its
    /// template in `library`, the Word document by `DocxRenderer` (for the
    /// PDF too: the document LibreOffice converts).
    /// - Parameter library: the templates; nil only when `format` is docx.
    func renderBytes(_ format: Format, library: MustacheLibrary?) throws(DiagnosticFailure) -> Data {
        switch format {
        case .docx, .pdf, .changes:
            return try renderDocx(library: library)
        case .md, .html:
            guard let library else { preconditionFailure("the text formats are rendered through templates") }
            return Data(render(format, library: library).utf8)
        }
    }

    /// `format` (md, html or docx) as `renderFiles` writes it with the
    /// built-in templates, rendered on the calling thread: for a caller that
    /// cannot wait for tasks (the fuzz harness, where memory still held by a
    /// finished task's thread reads as leaked).
    public func renderSynchronously(_ format: Format) throws(DiagnosticFailure) -> Data {
        try renderBytes(format, library: format.isText ? Self.builtInLibrary : nil)
    }

    /// Every built-in template, parsed once.
    private static let builtInLibrary: MustacheLibrary = {
        _ = HTMLContentType.registered
        var library = MustacheLibrary()
        for (name, text) in BuiltInTemplates.all { try? library.register(text, named: name) }
        return library
    }()

    /// The summary as a .docx package: the same bytes for the same workspace
    /// (every archive entry is dated the forum's first day).
    /// The letter form's letter is the built-in one.
    public func renderDocx() throws(DiagnosticFailure) -> Data { try renderDocx(library: nil) }

    /// - Parameter library: templates with the letter's (`letter.md`); nil: the built-in letter.
    func renderDocx(library: MustacheLibrary?) throws(DiagnosticFailure) -> Data {
        var renderer = DocxRenderer(summary: self, library: library)
        var archive = DocxArchive(date: checked.forum.start)
        renderer.write(to: &archive)
        return try finish(&archive, renderer: renderer)
    }

    /// This summary as a .docx package with every change since `earlier`
    /// tracked (`TrackedChanges`): what it adds inserted, what it no longer
    /// has deleted, each change dated `date` and attributed to the author
    /// of the note it is in (else to the office).
    public func renderChangesDocx(since earlier: Summary, date: Date) throws(DiagnosticFailure) -> Data {
        try renderChangesDocx(since: earlier, date: date, library: nil)
    }

    /// - Parameter sharesNotes: whether notes unchanged since `earlier` are
    ///   compared by identity (`sharedNotes(with:)`); off, every note's text
    ///   is compared (the tests check that both give the same document).
    func renderChangesDocx(since earlier: Summary, date: Date, library: MustacheLibrary?, sharesNotes: Bool = true) throws(DiagnosticFailure) -> Data
    {
        // The earlier body (the notes both builds share as marks alone) and its footnotes.
        func earlierBody(skipping shared: [TrackedChanges.NoteFacts]) -> (body: String, footnotes: [Int: [Int: String]], byId: [Int: String]) {
            var previous = DocxRenderer(summary: earlier, library: library)
            previous.marksNotes = true
            previous.keepsFootnotes = true
            previous.skippedNotes = Set(shared.indices.filter { shared[$0].shared != nil })
            var body = ""
            let (rest, _) = previous.documentBody { piece, _ in body += piece }
            return (body + rest, previous.footnoteContents, previous.footnoteContentsById)
        }
        let earlierByPath = earlier.noteIndexByPath()
        let (oldNotes, newNotes) =
            sharesNotes
            ? sharedNotes(with: earlier, earlierByPath: earlierByPath)
            : (
                earlier.checked.notes.map { TrackedChanges.NoteFacts(author: $0.author) },
                checked.notes.map { TrackedChanges.NoteFacts(author: $0.author) }
            )
        let (oldBody, oldFootnotes, oldFootnotesById) = earlierBody(skipping: oldNotes)
        var renderer = DocxRenderer(summary: self, library: library)
        renderer.marksNotes = true
        // A changed note's footnote is unchanged when the earlier note had one with its
        // content (one removed before it does not shift it), else compared with the
        // earlier one at its place. Rendered with the body, before it is compared:
        // their changes' ids come first.
        let ids = ChangeIds()
        let earlierContents = FootnoteContents()
        renderer.revisingFootnote = { [checked] note, position, content in
            guard newNotes[note].shared == nil else { return content }
            let earlierNote = earlierByPath[checked.notes[note].path]
            let earlier = earlierNote.flatMap { oldFootnotes[$0] } ?? [:]
            if let earlierNote, earlierContents.of(earlierNote, earlier).contains(content) { return content }
            return TrackedChanges.footnote(old: earlier[position], new: content, author: newNotes[note].author, date: date, ids: &ids.last)
        }
        var archive = DocxArchive(date: checked.forum.start)
        renderer.write(to: &archive) { body, footnoteCount in
            var footnotes = TrackedChanges.DeletedFootnotes(old: oldFootnotesById, lastId: footnoteCount)
            if let tracked = TrackedChanges.body(
                old: oldBody, new: body, oldNotes: oldNotes, newNotes: newNotes, date: date, ids: &ids.last, footnotes: &footnotes)
            {
                return (tracked, footnotes.written)
            }
            // A shared note would be shown deleted: compare with the whole earlier body.
            let unshared = { (notes: [TrackedChanges.NoteFacts]) in notes.map { TrackedChanges.NoteFacts(author: $0.author) } }
            let whole = earlierBody(skipping: [])
            footnotes = TrackedChanges.DeletedFootnotes(old: whole.byId, lastId: footnoteCount)
            let tracked = TrackedChanges.body(
                old: whole.body, new: body, oldNotes: unshared(oldNotes), newNotes: unshared(newNotes), date: date, ids: &ids.last,
                footnotes: &footnotes)
            return tracked.map { ($0, footnotes.written) } ?? (body, "")
        }
        return try finish(&archive, renderer: renderer)
    }

    /// The last `w:id` given to a tracked change, shared by the changes
    /// document's footnotes and body (each change has its own id).
    private final class ChangeIds {
        var last = 1000
    }

    /// The earlier notes' footnote contents as sets, each made once, when
    /// its note's first footnote is compared (a note may have 10,000).
    private final class FootnoteContents {
        private var sets: [Int: Set<String>] = [:]

        func of(_ note: Int, _ contents: [Int: String]) -> Set<String> {
            if let known = sets[note] { return known }
            let made = Set(contents.values)
            sets[note] = made
            return made
        }
    }

    /// Each note's facts for `TrackedChanges`, in `earlier` and in this
    /// summary: its author, and a key shared by the two when the note is
    /// in both as it was: the same file with the same bytes under the same
    /// heading (its place among its session's titled notes unchanged). Such
    /// a note renders the same text in both, so it is not compared.
    /// - Parameter earlierByPath: `earlier.noteIndexByPath()`, when the caller has it.
    func sharedNotes(
        with earlier: Summary, earlierByPath: [String: Int]? = nil
    ) -> (
        old: [TrackedChanges.NoteFacts], new: [TrackedChanges.NoteFacts]
    ) {
        var old = earlier.checked.notes.map { TrackedChanges.NoteFacts(author: $0.author) }
        var new = checked.notes.map { TrackedChanges.NoteFacts(author: $0.author) }
        let oldHeadings = earlier.noteHeadings()
        let newHeadings = noteHeadings()
        let earlierByPath = earlierByPath ?? earlier.noteIndexByPath()
        for (index, note) in checked.notes.enumerated() {
            guard let before = earlierByPath[note.path], oldHeadings[before] == newHeadings[index],
                earlier.checked.notes[before].source == note.source
            else { continue }
            old[before].shared = String(index)
            new[index].shared = String(index)
        }
        return (old, new)
    }

    /// Each note's index among this summary's notes, by its path (a path names one note).
    func noteIndexByPath() -> [String: Int] {
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(checked.notes.count)
        for (index, note) in checked.notes.enumerated() { byPath[note.path] = index }
        return byPath
    }

    private func finish(_ archive: inout DocxArchive, renderer: DocxRenderer) throws(DiagnosticFailure) -> Data {
        for (index, image) in renderer.media.enumerated() {
            archive.add("word/" + DocxRenderer.mediaPath(index + 1, image), bytes: [UInt8](image.data))
        }
        do {
            return try Data(archive.finish())
        } catch {
            throw DiagnosticFailure(.cannotCreate, .error(error.description, at: SourceLocation(path: checked.folder)))
        }
    }

    /// One text format rendered through its template in `library`.
    func render(_ format: Format, library: MustacheLibrary) -> String {
        library.render(context(for: format, letter: letter(library: library)), withTemplate: format.template) ?? ""
    }

    /// The templates `formats` need: from the folder `templates`, or the
    /// built-in ones when nil; an error names the folder when one is missing
    /// or does not parse.
    static func library(templates: String?, formats: [Format]) async throws(DiagnosticFailure) -> MustacheLibrary {
        _ = HTMLContentType.registered
        var library = MustacheLibrary()
        do {
            if let templates {
                library = try await MustacheLibrary(directory: templates)
            } else {
                for (name, text) in BuiltInTemplates.all { try library.register(text, named: name) }
            }
        } catch let error as MustacheLibrary.ParserError {
            throw DiagnosticFailure(
                .badInput,
                TemplateDiagnostic.make(
                    file: error.filename, folder: templates ?? "built-in templates", context: error.context, error: error.error
                ))
        } catch let error as MustacheTemplate.ParserError {
            throw DiagnosticFailure(
                .badInput,
                TemplateDiagnostic.make(
                    file: "template", folder: templates ?? "built-in templates", context: error.context, error: error.error
                ))
        } catch {
            throw DiagnosticFailure(.badInput, .error("cannot load templates: \(error)", at: SourceLocation(path: templates ?? "built-in templates")))
        }
        if let templates, let problem = TemplateInclusion.problem(in: library, folder: templates) {
            throw DiagnosticFailure(.badInput, problem)
        }
        for format in formats where format.isText {
            guard library.getTemplate(named: format.template) != nil else {
                throw DiagnosticFailure(
                    .badInput,
                    .error(
                        "template '\(format.template).mustache' not found", at: SourceLocation(path: templates ?? "built-in templates")
                    ))
            }
        }
        return library
    }

    /// A note as the annex's "Addressed in" names it: its session, and its
    /// title in its language and direction, which the HTML and Word
    /// isolate inside the column's English line.
    struct AddressingNote: Equatable {
        var session: Session
        var title: String?
        var language: String
        var rightToLeft: Bool

        /// `Round table 1: Technical summary`, or the session alone when the note has no title.
        var name: String { title.map { "\(session.shortName): \($0)" } ?? session.shortName }
    }

    /// For each objective the notes that address it (list it under
    /// `objectives:`), in document order, a note named twice (by session
    /// and title) listed once; an objective no note addresses is absent.
    /// The annex's "Addressed in" column, the same in every format.
    var notesAddressingObjectives: [Int: [AddressingNote]] {
        var addressing: [Int: [AddressingNote]] = [:]
        let notesBySession = checked.noteIndicesBySession
        for session in Session.allCases {
            for index in notesBySession[session] ?? [] {
                let note = checked.notes[index]
                let entry = AddressingNote(session: session, title: note.title, language: note.language, rightToLeft: note.isRightToLeft)
                for number in note.objectives where addressing[number]?.contains(where: { $0.name == entry.name }) != true {
                    addressing[number, default: []].append(entry)
                }
            }
        }
        return addressing
    }

    /// For each objective the names of the notes that address it
    /// (`notesAddressingObjectives`): `Round table 1: Technical summary`,
    /// `Hearing: ...`, or a session alone for a note without a title.
    var notesAddressing: [Int: [String]] {
        notesAddressingObjectives.mapValues { $0.map(\.name) }
    }

    /// The annex's "Addressed in" text of an objective: its notes joined
    /// with semicolons, or "-".
    static func addressedBy(_ names: [String]?) -> String {
        guard let names, !names.isEmpty else { return "-" }
        return names.joined(separator: "; ")
    }

    /// A footnote's Markdown with its continuation lines indented four
    /// spaces, so that they stay inside the `[^n]:` definition.
    static func indentingContinuationLines(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "\n")) ? continuationIndenter.escape(text) : text
    }

    private static let continuationIndenter = UTF8Escaper([UInt8(ascii: "\n"): "\n    "])

    /// "17 to 20 May 2022", or with both months/years when they differ.
    static func dateRange(_ start: CivilDate, _ end: CivilDate) -> String {
        if start == end { return start.unStyle }
        if start.year == end.year && start.month == end.month { return "\(start.day) to \(end.unStyle)" }
        if start.year == end.year { return "\(start.day) \(CivilDate.monthNames[start.month - 1]) to \(end.unStyle)" }
        return "\(start.unStyle) to \(end.unStyle)"
    }
}
