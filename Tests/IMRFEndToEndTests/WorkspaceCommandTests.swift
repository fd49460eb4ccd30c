import Foundation
import IMRFTestSupport
import Testing

/// `imrf init`, `check` and `compile` on real folders, through the binary.
@Suite("imrf workspace commands")
struct WorkspaceCommandTests {
    func write(_ text: String, to name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    var templates: String { repositoryRoot.appendingPathComponent("Templates").path }

    @Test func initWritesAWorkspaceThatChecksClean() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        let result = try IMRFProcess.run(["init", "ws", "--edition", "2022", "--example"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let forum = try String(contentsOf: folder.appendingPathComponent("ws/forum.yaml"), encoding: .utf8)
        #expect(forum.contains("hearing: \"2022-05-16\""))
        let notes = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ws/notes").path)
        #expect(notes.count == 7)
        let check = try IMRFProcess.run(["check", "ws"], directory: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "7 notes checked: 0 errors, 0 warnings\n")
    }

    @Test func initRefusesANonEmptyFolder() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        try write("keep me", to: "file.txt", in: folder)
        let result = try IMRFProcess.run(["init", folder.path, "--edition", "2026"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is not empty"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("forum.yaml").path))
    }

    @Test func initRejectsAnUnknownEdition() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url
        let result = try IMRFProcess.run(["init", "ws", "--edition", "2030"], directory: folder)
        #expect(result.status == 64)
    }

    @Test func checkReportsEveryProblemWithItsPosition() throws {
        try withExampleWorkspace { temporary in
            let notes = temporary.url.appendingPathComponent("ws/notes")
            try write("---\nsession: round-table-1\nobjectives: [2, 24]\ncolour: blue\n---\nExtra text.\n", to: "extra.md", in: notes)
            try write("---\nsession: lunch\n---\nMore text.\n", to: "lunch.md", in: notes)
            let result = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            let lines = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  hint:") }
            #expect(
                lines == [
                    "ws/notes/extra.md:3:17: error: objective 24 is outside 1-23",
                    "ws/notes/extra.md:4:1: warning: unknown front matter key 'colour'",
                    "ws/notes/lunch.md:2:10: error: unknown session 'lunch'",
                    "2 errors, 1 warning",
                ])
        }
    }

    @Test func checkReportsABrokenForumFile() throws {
        try withExampleWorkspace(example: false) { temporary in
            let path = temporary.url.appendingPathComponent("ws/forum.yaml")
            let forum = try String(contentsOf: path, encoding: .utf8)
            let broken = forum.replacingOccurrences(of: "hearing: \"2026-05-04\"", with: "hearing: \"4 May\"")
            #expect(broken != forum)
            try Data(broken.utf8).write(to: path)
            let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("hearing:") }! + 1
            let result = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("ws/forum.yaml:\(line):10: error: 'hearing' is not a date: '4 May'\n"))
            #expect(result.stderr.hasSuffix("\n1 error, 0 warnings\n"))
        }
    }

    @Test func yamlSyntaxErrorPointsAtTheLineOfTheNoteFile() throws {
        try withExampleWorkspace { temporary in
            try write("---\nsession: plenary\ntitle: a: b\n---\nText.\n", to: "ws/notes/zz.md", in: temporary.url)
            let result = try IMRFProcess.run(["check", "ws/notes/zz.md"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(
                result.stderr
                    == "ws/notes/zz.md:3:9: error: a colon followed by a space inside a value: YAML reads it as the start of another key\n"
                    + "  hint: put the value in quotes: title: \"a: b\"\n1 error, 0 warnings\n"
            )
        }
    }

    @Test func checkNamesMissingSessionsUnlessDraft() throws {
        try withExampleWorkspace { temporary in
            try FileManager.default.removeItem(at: temporary.url.appendingPathComponent("ws/notes/plenary.md"))
            let strict = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(strict.status == 65)
            #expect(strict.stderr.contains("ws/notes: error: session 'plenary' has no note"))
            let draft = try IMRFProcess.run(["check", "ws", "--draft"], directory: temporary.url)
            #expect(draft.status == 0)
            #expect(draft.stderr.contains("ws/notes: warning: session 'plenary' has no note"))
        }
    }

    @Test func checkSingleNoteFiles() throws {
        try withExampleWorkspace { temporary in
            let ok = try IMRFProcess.run(["check", "ws/notes/hearing.md"], directory: temporary.url)
            #expect(ok.status == 0, "\(ok.stderr)")
            try write("---\nsession: plenary\n", to: "ws/notes/broken.md", in: temporary.url)
            let bad = try IMRFProcess.run(["check", "ws/notes/broken.md", "ws/notes/hearing.md"], directory: temporary.url)
            #expect(bad.status == 65)
            #expect(bad.stderr.hasPrefix("ws/notes/broken.md:1:1: error: front matter is not closed"))
        }
    }

    @Test func checkANoteOutsideAnyWorkspace() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        _ = try temporary.write("note.md", "---\nsession: round-table-2\nobjectives: [8, 20]\n---\nText.\n")
        let result = try IMRFProcess.run(["check", "note.md"], directory: temporary.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note.md:3:17: warning: objective 20 (Remittances) is not covered by round table 2"))
        #expect(result.stderr.contains("note: no forum.yaml found above note.md"))
        #expect(result.stdout == "1 note checked: 0 errors, 1 warning\n")
    }

    @Test func compileWritesIdenticalOutputsTwice() throws {
        try withExampleWorkspace(edition: "2022") { temporary in
            let first = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "wrote ws/build/summary.md\nwrote ws/build/summary.html\n")
            let html = try Data(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html"))
            let markdown = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.md"), encoding: .utf8)
            let second = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(second.status == 0)
            #expect(try Data(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html")) == html)

            let text = String(decoding: html, as: UTF8.self)
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
            #expect(text.contains("<div class=\"note\" lang=\"ar\" dir=\"rtl\">"))
            #expect(text.contains("@media print"))
            #expect(text.contains("17 to 20 May 2022"))
            #expect(markdown.contains("# First International Migration Review Forum"))
            #expect(markdown.contains("- Objective 20: Promote faster, safer and cheaper transfer of remittances"))
            // Footnotes from two notes are numbered across the document.
            #expect(markdown.contains("perception.[^1]"))
            #expect(markdown.contains("objective 2.[^2]"))
            #expect(markdown.contains("[^2]: The link was raised"))
            #expect(markdown.contains("| 23 | Strengthen international cooperation"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("ws/build").path)
            #expect(leftovers.sorted() == ["summary.html", "summary.md"])
        }
    }

    @Test func hostileNoteIsRenderedHarmless() throws {
        try withExampleWorkspace { temporary in
            try write(
                """
                ---
                session: plenary
                title: "<script>alert('title')</script>"
                ---
                <script>alert(1)</script>

                A [link](javascript:alert(2)) and <img src=x onerror=alert(3)> & text.
                """, to: "ws/notes/zz-hostile.md", in: temporary.url)
            let result = try IMRFProcess.run(["compile", "ws", "--templates", templates, "--format", "html"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html"), encoding: .utf8)
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("onerror"))
            #expect(html.contains(". &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h3>"))
            #expect(html.contains("A link and  &amp; text."))
        }
    }

    @Test func compileWritesNothingWhenNotesAreWrong() throws {
        try withExampleWorkspace { temporary in
            try write("---\nsession: plenary\nobjectives: [99]\n---\nText.\n", to: "ws/notes/bad.md", in: temporary.url)
            let result = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr == "ws/notes/bad.md:3:14: error: objective 99 is outside 1-23\n1 error, 0 warnings; nothing written\n")
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/build").path))
        }
    }

    /// With a ledger in the workspace, compile opens it while the notes are
    /// read; a compile that then fails waits for it and exits cleanly (a
    /// process leaving while a library is still opening a file crashed), and
    /// records nothing.
    @Test func failedCompileWithALedgerExitsCleanlyAndRecordsNothing() throws {
        try withExampleWorkspace { temporary in
            #expect(try IMRFProcess.run(["compile", "ws"], directory: temporary.url).status == 0)
            try write("---\nsession: plenary\nobjectives: [99]\n---\nText.\n", to: "ws/notes/bad.md", in: temporary.url)
            for _ in 0..<5 {
                let result = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
                #expect(result.status == 65)
                #expect(result.stderr == "ws/notes/bad.md:3:14: error: objective 99 is outside 1-23\n1 error, 0 warnings; nothing written\n")
            }
            let log = try IMRFProcess.run(["log", "ws"], directory: temporary.url)
            #expect(log.status == 0)
            #expect(log.stdout.components(separatedBy: "compile").count - 1 == 1, "\(log.stdout)")
        }
    }

    /// An office's template that does not parse: the template file, line
    /// and column, what is wrong in words, a hint, exit 65, nothing written.
    @Test func brokenTemplateIsReportedAtItsLine() throws {
        try withExampleWorkspace { temporary in
            try FileManager.default.copyItem(atPath: templates, toPath: temporary.url.appendingPathComponent("office").path)
            try write("# {{title}}\n{{#sections}}\n## {{heading}\n{{/sections}}\n", to: "office/summary.md.mustache", in: temporary.url)
            let result = try IMRFProcess.run(["compile", "ws", "--templates", "office"], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stdout == "")
            #expect(
                result.stderr
                    == "office/summary.md.mustache:3:13: error: tag is not finished: ## {{heading}\n  hint: end each tag with }} (or }}} after {{{)\n"
            )
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/build").path))

            try write("{{#sections}}\n{{#notes}}\n{{/sections}}\n", to: "office/summary.md.mustache", in: temporary.url)
            let mismatched = try IMRFProcess.run(["compile", "ws", "--templates", "office"], directory: temporary.url)
            #expect(mismatched.status == 65)
            #expect(mismatched.stderr.hasPrefix("office/summary.md.mustache:3:"))
            #expect(mismatched.stderr.contains(": error: closing tag does not match the section it closes: {{/sections}}\n"))
        }
    }

    @Test func draftCompileMarksTheMissingSession() throws {
        try withExampleWorkspace { temporary in
            try FileManager.default.removeItem(at: temporary.url.appendingPathComponent("ws/notes/policy-debate.md"))
            let strict = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(strict.status == 65)
            let draft = try IMRFProcess.run(["compile", "ws", "--draft", "--format", "html", "--templates", templates], directory: temporary.url)
            #expect(draft.status == 0, "\(draft.stderr)")
            #expect(draft.stderr.contains("warning: session 'policy-debate' has no note"))
            let html = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html"), encoding: .utf8)
            let section = try #require(html.range(of: "<section id=\"policy-debate\">"))
            let end = try #require(html.range(of: "</section>", range: section.upperBound..<html.endIndex))
            #expect(html[section.upperBound..<end.lowerBound].contains("No note was received for this session."))
        }
    }

    @Test func compileFindsTheShippedTemplates() throws {
        try withExampleWorkspace { temporary in
            let result = try IMRFProcess.run(["compile", "ws", "--format", "md", "--out", "out"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out/summary.md").path))
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out/summary.html").path))
        }
    }

    @Test func hostileNotesAreRejectedWithFileAndLine() throws {
        try withExampleWorkspace { temporary in
            let header = "---\nsession: plenary\n---\n"
            try write(header + "Intro.\n\n" + String(repeating: ">", count: 10_000) + " deep\n", to: "ws/notes/zz-quotes.md", in: temporary.url)
            try write(header + String(repeating: "- ", count: 10_000) + "item\n", to: "ws/notes/zz-lists.md", in: temporary.url)
            try write(header + String(repeating: "A line of a very long note.\n", count: 400_000), to: "ws/notes/zz-huge.md", in: temporary.url)
            try (Data((header + "Caf").utf8) + Data([0xE9, 0x0A])).write(to: temporary.url.appendingPathComponent("ws/notes/zz-latin1.md"))
            let result = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(result.status == 65)
            #expect(result.stderr.contains("ws/notes/zz-quotes.md:6:1: error: nesting deeper than 100 levels"))
            #expect(result.stderr.contains("ws/notes/zz-lists.md:4:1: error: nesting deeper than 100 levels"))
            #expect(result.stderr.contains("ws/notes/zz-huge.md:1:1: error: note is larger than 4 MB (11200025 bytes)"))
            #expect(
                result.stderr.contains("ws/notes/zz-latin1.md:4:4: error: note is not UTF-8 text: the byte 0xE9 at line 4, column 4 is not UTF-8"))
            #expect(result.stderr.contains("4 errors"))
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/build").path))
            let check = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(check.status == 65)
            #expect(check.stderr.contains("ws/notes/zz-latin1.md:4:4: error: note is not UTF-8 text: the byte 0xE9 at line 4, column 4 is not UTF-8"))
        }
    }

    @Test func tenThousandFootnotesAreNumberedAcrossTheDocument() throws {
        try withExampleWorkspace { temporary in
            let references = (1...10_000).map { "Point[^n\($0)].\n" }.joined()
            let definitions = (1...10_000).map { "[^n\($0)]: Source \($0).\n" }.joined(separator: "\n")
            try write("---\nsession: plenary\n---\n" + references + "\n" + definitions, to: "ws/notes/zz-footnotes.md", in: temporary.url)
            let result = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let markdown = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.md"), encoding: .utf8)
            let html = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html"), encoding: .utf8)
            #expect(markdown.contains("Source 10000."))
            #expect(html.contains("Source 10000."))
            #expect(!markdown.contains("[^n"))
        }
    }

    @Test func rawHTMLNeverBecomesMarkupInTheMarkdownOutput() throws {
        try withExampleWorkspace { temporary in
            try write(
                """
                ---
                session: plenary
                ---
                <div onclick="alert(1)">block</div>

                Escaped &lt;script&gt;alert(2)&lt;/script&gt; and <span style="x">inline</span> text.
                """, to: "ws/notes/zz-html.md", in: temporary.url)
            let result = try IMRFProcess.run(["compile", "ws", "--templates", templates], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            let markdown = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.md"), encoding: .utf8)
            let html = try String(contentsOf: temporary.url.appendingPathComponent("ws/build/summary.html"), encoding: .utf8)
            #expect(markdown.contains(#"Escaped \<script\>alert(2)\</script\> and inline text."#))
            #expect(!markdown.contains("onclick") && !html.contains("onclick") && !html.contains("<span style"))
            #expect(html.contains("Escaped &lt;script&gt;alert(2)&lt;/script&gt; and inline text."))
        }
    }
}
