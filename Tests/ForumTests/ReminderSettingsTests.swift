import Diagnostics
import Forum
import Testing

@Suite("forum.yaml reminders:")
struct ReminderSettingsTests {
    static let base = Edition.second.forum.yaml

    func parse(_ reminders: String) -> Result<Forum, DiagnosticFailure> {
        Result { () throws(DiagnosticFailure) in try Forum.parse(yaml: Self.base + reminders, path: "forum.yaml") }
    }

    /// The line of forum.yaml where `reminders` line `index` (0: `reminders:` itself) is.
    func line(_ index: Int) -> Int {
        Self.base.split(separator: "\n", omittingEmptySubsequences: false).count + index
    }

    @Test("read with the default stages; written back as read")
    func defaults() throws {
        let forum = try parse(
            "reminders:\n  smtp: \"smtps://mail.un.org:465\"\n  from: imrf@un.org\n  office: pga@un.org\n  submitURL: https://imrf.un.org\n"
        ).get()
        let settings = try #require(forum.reminders)
        #expect(settings.stages == [5, 2, 0, -1])
        #expect(settings.host == "mail.un.org")
        #expect(settings.replyTo == nil)
        #expect(try Forum.parse(yaml: forum.yaml, path: "forum.yaml") == forum)
        #expect(try Forum.parse(yaml: Self.base, path: "forum.yaml").reminders == nil)
    }

    @Test("stages are kept distinct, largest first")
    func stages() throws {
        let forum = try parse("reminders:\n  smtp: smtp://m.org\n  from: a@b.org\n  office: c@d.org\n  stages: [0, 3, 3, -2]\n").get()
        #expect(forum.reminders?.stages == [3, 0, -2])
    }

    @Test("every bad value is named at its line, all at once")
    func badValues() {
        let yaml = """
            reminders:
              smtp: "http://mail.un.org"
              from: "PGA office"
              office: "pga@un"
              replyTo: "a@b.org, c@d.org"
              stages: [5, 90]
              submitURL: "imrf.un.org"

            """
        guard case .failure(let failure) = parse(yaml) else {
            Issue.record("accepted")
            return
        }
        let found = failure.diagnostics.map { ($0.location?.line ?? 0, $0.message) }
        #expect(found.contains { $0 == (line(1), "'reminders.smtp' is not a mail server's address: 'http://mail.un.org'") })
        #expect(found.contains { $0 == (line(2), "'reminders.from' is not an e-mail address: 'PGA office'") })
        #expect(found.contains { $0 == (line(3), "'reminders.office' is not an e-mail address: 'pga@un'") })
        #expect(found.contains { $0 == (line(4), "'reminders.replyTo' is not an e-mail address: 'a@b.org, c@d.org'") })
        #expect(found.contains { $0 == (line(5), "reminder stage 90 is outside -10 to 30 working days") })
        #expect(found.contains { $0 == (line(6), "'reminders.submitURL' is not a web address: 'imrf.un.org'") })
        #expect(found.count == 6)
    }

    @Test("a password in the server's address is refused, pointing to where it belongs")
    func credentialsInURL() {
        guard case .failure(let failure) = parse("reminders:\n  smtp: smtp://me:pw@mail.un.org\n  from: a@b.org\n  office: c@d.org\n") else {
            Issue.record("accepted")
            return
        }
        #expect(failure.diagnostics.first?.message == "'reminders.smtp' must not hold a user name or password")
        #expect(failure.diagnostics.first?.hint?.contains("IMRF_SMTP_PASSWORD") == true)
    }

    @Test("a missing key is named")
    func missingKey() {
        guard case .failure(let failure) = parse("reminders:\n  smtp: smtp://mail.un.org\n  from: a@b.org\n") else {
            Issue.record("accepted")
            return
        }
        #expect(failure.diagnostics.first?.message == "missing key 'reminders.office'")
    }
}

@Suite("forum.yaml document:")
struct DocumentSettingsTests {
    static let base = Edition.second.forum.yaml
    static var lines: Int { base.split(separator: "\n", omittingEmptySubsequences: false).count }

    @Test func theWordLimitIsReadWithItsPlaceAndWrittenBack() throws {
        let forum = try Forum.parse(yaml: Self.base + "document:\n  wordLimit: 10000\n", path: "forum.yaml")
        #expect(forum.document.wordLimit == 10_000)
        #expect(forum.document.wordLimitLocation?.line == Self.lines + 1)
        #expect(try Forum.parse(yaml: forum.yaml, path: "forum.yaml").document.wordLimit == 10_000)
        let plain = try Forum.parse(yaml: Self.base, path: "forum.yaml")
        #expect(plain.document == DocumentSettings())
        #expect(!plain.yaml.contains("document:"))
    }

    @Test(arguments: ["0", "-5", "many"])
    func aWordLimitThatIsNoPositiveNumberIsAnErrorAtItsLine(value: String) {
        let error = #expect(throws: DiagnosticFailure.self) {
            try Forum.parse(yaml: Self.base + "document:\n  wordLimit: \(value)\n", path: "forum.yaml")
        }
        #expect(error?.diagnostics.first?.location?.line == Self.lines + 1)
        #expect(error?.diagnostics.first?.message.contains("wordLimit") == true)
    }

    @Test func anUnknownKeyUnderDocumentIsAWarning() throws {
        var warnings: [Diagnostic] = []
        _ = try Forum.parse(yaml: Self.base + "document:\n  wordlimit: 100\n", path: "forum.yaml", warnings: &warnings)
        #expect(warnings.contains { $0.message.contains("wordlimit") })
    }
}
