import Diagnostics
import Forum
import Testing
import WorkingDays

@Suite("forum.yaml document: the letter and the masthead")
struct DocumentFormTests {
    static let base = Edition.second.forum.yaml
    /// The line of forum.yaml where the appended `document` line `index` (0: `document:` itself) is.
    static func line(_ index: Int) -> Int { base.split(separator: "\n", omittingEmptySubsequences: false).count + index }

    @Test("defaults: the letter, signed by the President of the forum's session; General; English")
    func defaults() throws {
        var warnings: [Diagnostic] = []
        let forum = try Forum.parse(yaml: Self.base, path: "forum.yaml", warnings: &warnings)
        let document = forum.document
        #expect(document.form == .letter)
        #expect(document.distribution == .general)
        #expect(document.originalLanguage == "English")
        #expect(document.date == nil && document.symbol == nil && document.agendaItem == nil)
        #expect(document.assemblySession(forumEnd: forum.end) == 80)
        #expect(document.signatory(forumEnd: forum.end) == "Annalena Baerbock")
        #expect(document.signatory(forumEnd: Edition.first.forum.end) == "Abdulla Shahid")
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test("every key read and written back as read")
    func everyKeyRoundTrips() throws {
        let yaml =
            Self.base
            + "document:\n  form: official\n  president: \"María Pérez\"\n  symbol: A/80/123\n  distribution: limited\n  date: 2026-05-22\n"
            + "  originalLanguage: Spanish\n  session: 80\n  agendaItem: \"18 (c)\"\n"
        let forum = try Forum.parse(yaml: yaml, path: "forum.yaml")
        let document = forum.document
        #expect(document.form == .official)
        #expect(document.president == "María Pérez")
        #expect(document.symbol == "A/80/123")
        #expect(document.distribution == .limited)
        #expect(document.date == CivilDate(year: 2026, month: 5, day: 22))
        #expect(document.originalLanguage == "Spanish")
        #expect(document.session == 80)
        #expect(document.agendaItem == "18 (c)")
        #expect(try Forum.parse(yaml: forum.yaml, path: "forum.yaml").document == document)
    }

    @Test(
        "a bad value is an error at its line, in words that say what to write",
        arguments: [
            ("form: memo", "document.form must be letter or official, not 'memo'"),
            ("distribution: public", "document.distribution must be General, Limited or Restricted, not 'public'"),
            ("date: next week", "'document.date' is not a date: 'next week'"),
            ("session: eighty", "document.session must be the General Assembly's session as a number, not 'eighty'"),
            ("symbol: \"  \"", "document.symbol must be one line of text (at most 200 characters)"),
            ("president: \"\"", "document.president must be one line of text (at most 200 characters)"),
        ])
    func badValues(line: String, message: String) {
        let error = #expect(throws: DiagnosticFailure.self) {
            try Forum.parse(yaml: Self.base + "document:\n  \(line)\n", path: "forum.yaml")
        }
        #expect(error?.diagnostics.first?.message == message)
        #expect(error?.diagnostics.first?.location?.line == Self.line(1))
        #expect(error?.diagnostics.first?.hint?.isEmpty == false)
    }

    @Test("warned: an official document without its symbol; a letter nobody signs")
    func whatTheFormLacks() throws {
        var warnings: [Diagnostic] = []
        _ = try Forum.parse(yaml: Self.base + "document:\n  form: official\n", path: "forum.yaml", warnings: &warnings)
        #expect(warnings.map(\.message) == ["the masthead has no document symbol"])
        #expect(warnings.first?.location?.line == Self.line(1))
        warnings = []
        let later = Edition.forum(
            edition: "2030", hearing: CivilDate(year: 2030, month: 5, day: 6)!,
            days: (7...10).map { CivilDate(year: 2030, month: 5, day: $0)! })
        _ = try Forum.parse(yaml: later.yaml, path: "forum.yaml", warnings: &warnings)
        #expect(warnings.map(\.message) == ["the letter has no signatory: imrf does not know the President of the eighty-fourth session"])
        #expect(warnings.first?.hint == "name the President in forum.yaml: document: president: NAME")
        warnings = []
        _ = try Forum.parse(yaml: later.yaml + "document:\n  president: A. President\n", path: "forum.yaml", warnings: &warnings)
        #expect(warnings.isEmpty)
    }

    @Test("the Assembly's sessions: the 80th from September 2025, in words")
    func sessions() {
        #expect(DocumentSettings.assemblySession(on: CivilDate(year: 2026, month: 5, day: 8)!) == 80)
        #expect(DocumentSettings.assemblySession(on: CivilDate(year: 2025, month: 9, day: 9)!) == 80)
        #expect(DocumentSettings.assemblySession(on: CivilDate(year: 2025, month: 8, day: 31)!) == 79)
        #expect(DocumentSettings.assemblySession(on: CivilDate(year: 2022, month: 5, day: 20)!) == 76)
        #expect(DocumentSettings.sessionWords(80) == "Eightieth session")
        #expect(DocumentSettings.sessionWords(76) == "Seventy-sixth session")
        #expect(DocumentSettings.sessionWords(1) == "First session")
        #expect(DocumentSettings.sessionWords(12) == "Twelfth session")
        #expect(DocumentSettings.sessionWords(100) == "One hundredth session")
        #expect(DocumentSettings.sessionWords(101) == "One hundred and first session")
        #expect(DocumentSettings.sessionWords(142) == "One hundred and forty-second session")
    }
}
