import Forum
import ForumWorkspace
import Foundation
import SummaryCompiler
import WordImport

/// The note as the page's form holds it: the front matter as fields, the
/// body as Markdown. `text(author:)` writes the note a rapporteur would
/// have written by hand, so the web and `imrf submit` store the same kind
/// of file; an uploaded `.md` is taken whole, and its front matter fills
/// the fields when the page is shown again.
struct NoteForm: Sendable {
    var session: String
    var title = ""
    var role = "rapporteur"
    /// Blank unless the person chose one: a note without one is in English,
    /// and a Word file keeps its own (`w:lang`) unless one is chosen.
    var language = ""
    var objectives: [Int] = []
    var segment = ""
    var body = ""
    /// The whole note as uploaded, when a file was sent: used as it is.
    var uploaded: [UInt8]?
    /// Whether the file sent is a Word file (by its name or its bytes): it is
    /// made a note with the fields as its front matter, the person as author.
    var uploadedIsWord = false

    init(session: String) {
        self.session = session
    }

    init(_ form: FormData) {
        session = form["session"] ?? ""
        title = form["title"] ?? ""
        role = form["role"] ?? "rapporteur"
        language = form["language"] ?? ""
        objectives = form.all("objectives").compactMap { Int($0) }
        segment = form["segment"] ?? ""
        body = (form["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if let file = form.file("file"), !file.value.isEmpty {
            uploaded = file.value
            uploadedIsWord = Submission.isWord(Data(file.value), fileName: file.fileName ?? "")
        }
    }

    /// The fields as a Word file's front matter; `author` is the signed-in person.
    func wordOptions(author: String) -> WordImportOptions {
        let given = { (value: String) -> String? in value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : value }
        return WordImportOptions(session: session, title: given(title), author: author, role: given(role), language: given(language))
    }

    /// Fills the fields from a parsed note (an uploaded file's front matter).
    mutating func fill(from note: Note) {
        session = note.session.rawValue
        title = note.title ?? ""
        role = note.role ?? ""
        language = note.language
        objectives = note.objectives
        segment = note.segment?.rawValue ?? ""
        body = note.body
    }

    /// The note's bytes, and where its lines came from (`FormLayout`: the
    /// field of each front matter line, the lines before the body).
    func text(author: String) -> (bytes: [UInt8], layout: FormLayout) {
        if let uploaded { return (uploaded, FormLayout(bodyOffset: 0, fields: [:])) }
        var lines = ["---"]
        var fields: [Int: String] = [:]
        func add(_ line: String, field: String) {
            lines.append(line)
            fields[lines.count] = field
        }
        add("session: \(Self.quoted(session))", field: "Session")
        if !title.isEmpty { add("title: \(Self.quoted(title))", field: "Title") }
        add("author: \(Self.quoted(author))", field: "Author")
        if !role.isEmpty { add("role: \(Self.quoted(role))", field: "Role") }
        if !language.isEmpty { add("language: \(Self.quoted(language))", field: "Language") }
        if !objectives.isEmpty {
            add("objectives: [" + objectives.sorted().map(String.init).joined(separator: ", ") + "]", field: "Objectives")
        }
        if !segment.isEmpty { add("segment: \(Self.quoted(segment))", field: "Plenary segment") }
        lines.append("---")
        let head = lines.joined(separator: "\n") + "\n"
        return (Array((head + body).utf8), FormLayout(bodyOffset: lines.count, fields: fields))
    }

    /// A YAML double-quoted scalar: what a person types stays text (a
    /// line break becomes a space; `"` and `\` are escaped).
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Where the lines of a note written from the form came from: a diagnostic
/// is shown at its field ("the Language field") or at its line of the body,
/// never at a line of front matter the person did not type.
struct FormLayout: Sendable {
    /// Lines before the body (0: the note was uploaded whole).
    var bodyOffset: Int
    /// The form field each front matter line was written from, by line.
    var fields: [Int: String]

    /// Where a diagnostic at `line` and `column` is, in the page's words.
    func place(line: Int?, column: Int?) -> String {
        guard let line else { return "" }
        if bodyOffset > 0, line <= bodyOffset {
            if let field = fields[line] { return "the \(field) field" }
            return "the fields"
        }
        var place = bodyOffset > 0 ? "body line \(line - bodyOffset)" : "line \(line)"
        if let column { place += ", column \(column)" }
        return place
    }
}
