import Forum
import Foundation
import SummaryCompiler

/// The note as the page's form holds it: the front matter as fields, the
/// body as Markdown. `text(author:)` writes the note a rapporteur would
/// have written by hand, so the web and `imrf submit` store the same kind
/// of file; an uploaded `.md` is taken whole, and its front matter fills
/// the fields when the page is shown again.
struct NoteForm: Sendable {
    var session: String
    var title = ""
    var role = "rapporteur"
    var language = "en"
    var objectives: [Int] = []
    var segment = ""
    var body = ""
    /// The whole note as uploaded, when a file was sent: used as it is.
    var uploaded: [UInt8]?

    init(session: String) {
        self.session = session
    }

    init(_ form: FormData) {
        session = form["session"] ?? ""
        title = form["title"] ?? ""
        role = form["role"] ?? "rapporteur"
        language = form["language"] ?? "en"
        objectives = form.all("objectives").compactMap { Int($0) }
        segment = form["segment"] ?? ""
        body = (form["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if let file = form.file("file"), !file.value.isEmpty { uploaded = file.value }
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

    /// The note's bytes, and the number of lines before the body (to say
    /// which body line a diagnostic is on).
    func text(author: String) -> (bytes: [UInt8], bodyOffset: Int) {
        if let uploaded { return (uploaded, 0) }
        var lines = ["---", "session: \(Self.quoted(session))"]
        if !title.isEmpty { lines.append("title: \(Self.quoted(title))") }
        lines.append("author: \(Self.quoted(author))")
        if !role.isEmpty { lines.append("role: \(Self.quoted(role))") }
        if !language.isEmpty { lines.append("language: \(Self.quoted(language))") }
        if !objectives.isEmpty { lines.append("objectives: [" + objectives.sorted().map(String.init).joined(separator: ", ") + "]") }
        if !segment.isEmpty { lines.append("segment: \(Self.quoted(segment))") }
        lines.append("---")
        let head = lines.joined(separator: "\n") + "\n"
        return (Array((head + body).utf8), lines.count)
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
