import ForumWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMRFTestSupport
import NIOCore
import Testing
import WebIntake
import ZIPFoundation

/// The rapporteur's form with a Word file: made a note with the form's
/// fields as its front matter and the signed-in person as author, checked
/// and previewed without storing anything, submitted as `imrf submit` does
/// (pictures in notes/figures/, the file kept in notes/.history/), and the
/// import's warnings shown, escaped, on the receipt.
@Suite("web intake: Word files")
struct WordUploadTests {
    static let boundary = "XyZ"

    static func headers(_ fixture: IntakeRouterTests.Fixture, json: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [
            .cookie: "imrf_session=\(fixture.token)", .contentType: "multipart/form-data; boundary=\(boundary)",
            .origin: IntakeRouterTests.base,
        ]
        if json { headers[.accept] = "application/json" }
        return headers
    }

    /// The form's fields and one file.
    static func form(_ fields: [(String, String)], file: [UInt8], named name: String) -> ByteBuffer {
        var bytes: [UInt8] = []
        for (field, value) in fields {
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        bytes += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        bytes += file + Array("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }

    static func fields(_ fixture: IntakeRouterTests.Fixture, action: String) -> [(String, String)] {
        [
            ("csrf", Intake.csrfToken(for: fixture.token)), ("session", "round-table-2"), ("title", ""), ("role", "rapporteur"),
            ("language", ""), ("body", ""), ("action", action),
        ]
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/WordImportTests/Fixtures/\(name)")))
    }

    /// A .docx whose text says `text` and holds a shape, which the import says it left out.
    static func document(saying text: String) throws -> [UInt8] {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "word/document.xml",
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:t>\(escaped)</w:t></w:r><w:r><w:pict/></w:r></w:p></w:body></w:document>"
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (name, content) in parts {
            let bytes = Data(content.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 0),
                compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return Array(archive.data ?? Data())
    }

    func storedFiles(_ fixture: IntakeRouterTests.Fixture) -> [String] {
        let notes = fixture.workspace + "/notes"
        return ((FileManager.default.enumerator(atPath: notes)?.allObjects as? [String]) ?? [])
            .filter { $0.hasPrefix("figures/") || $0.hasPrefix(".history/") || $0.hasPrefix("round-table-2--jane-doe") }.sorted()
    }

    @Test("the page says it takes Word files")
    func pageSaysWord() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "imrf_session=\(fixture.token)"]) { response in
                let page = IntakeRouterTests.text(response)
                #expect(page.contains("a Word file (.docx)"))
                #expect(page.contains("accept=\".docx,.md,"))
            }
        }
    }

    @Test("a Word file submitted: the receipt with the import's warnings, pictures and the file kept, the person as author")
    func submitWord() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let body = Self.form(Self.fields(fixture, action: "submit"), file: try Self.fixture("spanish.docx"), named: "Informe <final>.docx")
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: body) { response in
                #expect(response.status == .created)
                let page = IntakeRouterTests.text(response)
                #expect(page.contains("Submitted: version 1"))
                #expect(page.contains("notes/round-table-2--jane-doe.md"))
                #expect(page.contains("Stored with 2 warnings"))
                #expect(page.contains("a comment by Luis Revisor: “¿Fuente?” was dropped"))
                #expect(page.contains("a text box was left out"))
                #expect(!page.contains("<final>"))
            }
        }
        let stored = storedFiles(fixture)
        #expect(stored.contains("figures/round-table-2--jane-doe-1.png"))
        #expect(stored.contains { $0.hasPrefix(".history/round-table-2--jane-doe.") && $0.hasSuffix(".docx") })
        let note = try String(contentsOfFile: fixture.workspace + "/notes/round-table-2--jane-doe.md", encoding: .utf8)
        #expect(note.contains("session: \"round-table-2\""))
        #expect(note.contains("author: \"Jane Doe\""))
        #expect(note.contains("title: \"Mesa redonda 3: remesas\""))
        #expect(note.contains("](figures/round-table-2--jane-doe-1.png)"))
    }

    @Test("a Word file checked and previewed: its diagnostics and its text in the form, nothing stored")
    func checkWord() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let file = try Self.fixture("spanish.docx")
        try await fixture.app.test(.router) { client in
            let check = Self.form(Self.fields(fixture, action: "check"), file: file, named: "informe.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: check) { response in
                #expect(response.status == .ok)
                let page = IntakeRouterTests.text(response)
                #expect(page.contains("Check: ready to submit"))
                #expect(page.contains("a text box was left out"))
                #expect(page.contains("Mensajes clave"))
            }
            let preview = Self.form(Self.fields(fixture, action: "preview"), file: file, named: "informe.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: preview) { response in
                #expect(response.status == .ok)
                #expect(IntakeRouterTests.text(response).contains("<div class=\"preview\">"))
            }
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture, json: true), body: check) { response in
                #expect(response.status == .ok)
                let answer = try IntakeRouterTests.json(response)
                let diagnostics = try #require((answer["check"] as? [String: Any])?["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.contains { ($0["message"] as? String)?.hasSuffix("a text box was left out") == true })
            }
        }
        #expect(storedFiles(fixture) == [])
    }

    @Test("a Word file's warnings on the receipt are escaped")
    func warningsEscaped() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let file = try Self.document(saying: "<script>alert(1)</script> & more")
        try await fixture.app.test(.router) { client in
            let body = Self.form(Self.fields(fixture, action: "submit"), file: file, named: "note.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: body) { response in
                #expect(response.status == .created)
                let page = IntakeRouterTests.text(response)
                #expect(page.contains("Stored with 1 warning"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.contains("<script>alert"))
            }
        }
    }

    @Test("a file that is not Word, or a Word file that would not pass the check: 422, nothing stored")
    func refusedWord() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        try await fixture.app.test(.router) { client in
            let fake = Self.form(Self.fields(fixture, action: "submit"), file: Array("not a Word file".utf8), named: "note.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: fake) { response in
                #expect(response.status == .unprocessableContent)
                #expect(IntakeRouterTests.text(response).contains("this file is not a Word document (.docx)"))
            }
            var fields = Self.fields(fixture, action: "submit")
            fields[4] = ("language", "xx-!!")
            let bad = Self.form(fields, file: try Self.fixture("spanish.docx"), named: "informe.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture, json: true), body: bad) { response in
                #expect(response.status == .unprocessableContent)
                let answer = try IntakeRouterTests.json(response)
                let diagnostics = try #require(answer["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.contains { $0["message"] as? String == "'xx-!!' is not a language code" })
            }
        }
        #expect(storedFiles(fixture) == [])
    }

    // MARK: The form's language

    /// What a browser sends for the language when the person leaves it:
    /// the field's value on the page as served.
    static func defaultLanguage(_ page: String) throws -> String {
        let field = try #require(page.range(of: "<input name=\"language\" value=\""))
        let rest = page[field.upperBound...]
        return String(rest[..<(try #require(rest.firstIndex(of: "\"")))])
    }

    @Test("the form's language left as served: a Word file keeps its own (Spanish es-ES, Arabic ar-SA); one chosen overrides it")
    func languageDefault() async throws {
        for (file, session, language) in [("spanish.docx", "round-table-2", "es-ES"), ("arabic.docx", "hearing", "ar-SA")] {
            let fixture = try IntakeRouterTests.fixture(sessions: [session])
            defer { fixture.folder.remove() }
            try await fixture.app.test(.router) { client in
                var served = ""
                try await client.execute(uri: "/", method: .get, headers: [.cookie: "imrf_session=\(fixture.token)"]) { response in
                    served = try Self.defaultLanguage(IntakeRouterTests.text(response))
                }
                #expect(served == "", "the field is blank unless the person chose a language")
                var fields = Self.fields(fixture, action: "submit")
                fields[1] = ("session", session)
                fields[4] = ("language", served)
                let body = Self.form(fields, file: try Self.fixture(file), named: file)
                try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: body) { response in
                    #expect(response.status == .created, "\(file)")
                }
            }
            let stored = try #require(
                try FileManager.default.contentsOfDirectory(atPath: fixture.workspace + "/notes").first { $0.hasPrefix("\(session)--jane-doe") })
            let note = try String(contentsOfFile: fixture.workspace + "/notes/" + stored, encoding: .utf8)
            #expect(note.contains("language: \"\(language)\"\n"), "\(file): \(note.prefix(200))")
        }
        // A language the person chose wins over the document's.
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        var chosen = Self.fields(fixture, action: "submit")
        chosen[4] = ("language", "en")
        let fields = chosen
        try await fixture.app.test(.router) { client in
            let body = Self.form(fields, file: try Self.fixture("spanish.docx"), named: "informe.docx")
            try await client.execute(uri: "/note", method: .post, headers: Self.headers(fixture), body: body) { #expect($0.status == .created) }
        }
        let note = try String(contentsOfFile: fixture.workspace + "/notes/round-table-2--jane-doe.md", encoding: .utf8)
        #expect(note.contains("language: \"en\"\n"))
    }

    // MARK: The JSON API

    /// The API's upload: the form's fields and the file, by bearer token.
    static func upload(
        _ fixture: IntakeRouterTests.Fixture, _ fields: [(String, String)], file: [UInt8], named name: String
    ) -> (
        HTTPFields, ByteBuffer
    ) {
        (
            [.authorization: "Bearer \(fixture.token)", .contentType: "multipart/form-data; boundary=\(boundary)"],
            form(fields, file: file, named: name)
        )
    }

    /// A .docx with a 20 MiB part of zeros (a few KiB packed).
    static func bomb() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data("<?xml version=\"1.0\"?><Types/>".utf8)),
            ("word/document.xml", Data("<?xml version=\"1.0\"?><w:document/>".utf8)),
            ("word/media/image1.png", Data(count: 20 << 20)),
        ]
        for (name, bytes) in parts {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 0),
                compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return Array(archive.data ?? Data())
    }

    @Test("POST /api/check and /api/notes take a Word file as multipart/form-data: checked, stored, its language kept")
    func apiWord() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let file = try Self.fixture("spanish.docx")
        let fields = [("session", "round-table-2")]
        try await fixture.app.test(.router) { client in
            let (headers, check) = Self.upload(fixture, fields, file: file, named: "informe.docx")
            try await client.execute(uri: "/api/check", method: .post, headers: headers, body: check) { response in
                #expect(response.status == .ok)
                let answer = try IntakeRouterTests.json(response)
                #expect(answer["errors"] as? Int == 0)
                let diagnostics = try #require(answer["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.contains { ($0["message"] as? String)?.hasSuffix("a text box was left out") == true })
            }
            #expect(storedFiles(fixture) == [], "a check stores nothing")
            let (_, submit) = Self.upload(fixture, fields, file: file, named: "informe.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: submit) { response in
                #expect(response.status == .created)
                let answer = try IntakeRouterTests.json(response)
                #expect(answer["path"] as? String == "notes/round-table-2--jane-doe.md")
                #expect(answer["session"] as? String == "round-table-2")
                #expect((answer["warnings"] as? [Any])?.count == 2)
            }
            // The same file again: the earlier receipt, 200.
            let (_, again) = Self.upload(fixture, fields, file: file, named: "informe.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: again) { #expect($0.status == .ok) }
        }
        let note = try String(contentsOfFile: fixture.workspace + "/notes/round-table-2--jane-doe.md", encoding: .utf8)
        #expect(note.contains("author: \"Jane Doe\""))
        #expect(note.contains("language: \"es-ES\""))
        #expect(storedFiles(fixture).contains("figures/round-table-2--jane-doe-1.png"))
    }

    @Test("the API's Word uploads are refused as the form's are: a ZIP bomb, not Word, a session not theirs, a .docx as the raw body")
    func apiWordRefused() async throws {
        let fixture = try IntakeRouterTests.fixture()
        defer { fixture.folder.remove() }
        let bombMessage = "this Word file's part 'word/media/image1.png' would unpack to 20971520 bytes: it is not a document Word wrote"
        try await fixture.app.test(.router) { client in
            let fields = [("session", "round-table-2")]
            let (headers, check) = Self.upload(fixture, fields, file: try Self.bomb(), named: "bomb.docx")
            try await client.execute(uri: "/api/check", method: .post, headers: headers, body: check) { response in
                #expect(response.status == .ok)
                let answer = try IntakeRouterTests.json(response)
                #expect(answer["errors"] as? Int == 1)
                let diagnostics = try #require(answer["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.first?["message"] as? String == bombMessage)
            }
            let (_, submit) = Self.upload(fixture, fields, file: try Self.bomb(), named: "bomb.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: submit) { response in
                #expect(response.status == .unprocessableContent)
                let diagnostics = try #require(try IntakeRouterTests.json(response)["diagnostics"] as? [[String: Any]])
                #expect(diagnostics.first?["message"] as? String == bombMessage)
            }
            let (_, fake) = Self.upload(fixture, fields, file: Array("not a Word file".utf8), named: "note.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: fake) { response in
                #expect(response.status == .unprocessableContent)
                #expect(IntakeRouterTests.text(response).contains("this file is not a Word document (.docx)"))
            }
            let (_, other) = Self.upload(fixture, [("session", "hearing")], file: try Self.fixture("spanish.docx"), named: "informe.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: other) { response in
                #expect(response.status == .forbidden)
                let answer = try IntakeRouterTests.json(response)
                #expect(answer["error"] as? String == "you were not invited for the session 'hearing'")
            }
            for type in [Self.wordType, "text/markdown"] {
                try await client.execute(
                    uri: "/api/notes", method: .post, headers: [.authorization: "Bearer \(fixture.token)", .contentType: type],
                    body: ByteBuffer(bytes: try Self.fixture("spanish.docx"))
                ) { response in
                    #expect(response.status == .unsupportedMediaType, "\(type)")
                    let answer = try IntakeRouterTests.json(response)
                    #expect(answer["error"] as? String == "a Word file is sent as a form upload, not as the body")
                    #expect((answer["hint"] as? String)?.contains("curl -F session=round-table-2 -F file=@note.docx") == true)
                }
            }
            // Over the note limit: 413, as the form.
            let (_, large) = Self.upload(fixture, fields, file: [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 4 << 20), named: "x.docx")
            try await client.execute(uri: "/api/notes", method: .post, headers: headers, body: large) { #expect($0.status == .contentTooLarge) }
        }
        #expect(storedFiles(fixture) == [])
    }

    static let wordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}
