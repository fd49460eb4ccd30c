import ArgumentParser
import WordImport

/// The front matter of a note made from a Word file, as `imrf import-note`
/// and `imrf submit FILE.docx` take it; a value left out comes from the
/// document itself (its properties and language), else the check asks for it.
struct WordFrontMatterOptions: ParsableArguments {
    @Option(help: "The session the note is for (hearing, round-table-1 ... policy-debate, plenary).")
    var session: String?

    @Option(help: "The note's title (default: the Word document's title).")
    var title: String?

    @Option(help: "The note's author (default: the Word document's author).")
    var author: String?

    @Option(help: "The author's role (rapporteur, co-chair, ...).")
    var role: String?

    @Option(help: "The note's language code (default: the Word document's).")
    var language: String?

    /// The options as the import takes them.
    func importOptions(picturePrefix: String = "picture") -> WordImportOptions {
        WordImportOptions(session: session, title: title, author: author, role: role, language: language, picturePrefix: picturePrefix)
    }

    /// The options given, by name (`--session`, ...).
    var given: [String] {
        [("--session", session), ("--author", author), ("--title", title), ("--role", role), ("--language", language)]
            .filter { $0.1 != nil }.map(\.0)
    }
}
