import Foundation
import IMRFTestSupport
import Testing
import ZIPFoundation

/// `imrf compile --changes-since` through the binary: summary.changes.docx
/// tracks exactly what changed in the notes since an earlier build.
@Suite("imrf compile --changes-since")
struct ChangesSinceCommandTests {
    func documentXML(_ url: URL) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each tracked change of `document`: `ins` or `del`, its author, and
    /// its text (empty for a paragraph's or a row's mark).
    func changes(_ document: String) throws -> [(kind: String, author: String, text: String)] {
        let change = try Regex(#"<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="[0-9TZ:-]+"(/>|>(.*?)</w:\1>)"#)
        let text = try Regex(#"<w:(?:t|delText)[^>]*>([^<]*)</w:(?:t|delText)>"#)
        return document.matches(of: change).map { match in
            let inner = match.output[4].substring.map(String.init) ?? ""
            let words = inner.matches(of: text).compactMap { $0.output[1].substring.map(String.init) }.joined()
            return (String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""), words)
        }
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func aChangedWordAnAddedParagraphAndARemovedRowAreTrackedExactlyThere() throws {
        try withExampleWorkspace { temporary in
            let first = try IMRFProcess.run(["compile", "ws", "--format", "docx"], directory: temporary.url)
            #expect(first.status == 0, "\(first.stderr)")
            let notes = temporary.url.appendingPathComponent("ws/notes")
            try edit(notes.appendingPathComponent("hearing.md")) {
                $0.replacingOccurrences(of: "met the day before the forum", with: "met two days before the forum")
                    .replacingOccurrences(
                        of: "Three messages stood out:\n",
                        with: "Three messages stood out:\n\nSpeakers also asked that the cost of sending remittances be halved.\n")
            }
            try edit(notes.appendingPathComponent("round-table-1.md")) {
                $0.replacingOccurrences(of: "| Decent work | fair recruitment, no fees charged to workers |\n", with: "")
            }
            let second = try IMRFProcess.run(["compile", "ws", "--format", "md,docx", "--changes-since", "previous"], directory: temporary.url)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout == "wrote ws/build/summary.md\nwrote ws/build/summary.docx\nwrote ws/build/summary.changes.docx\n")
            let document = try documentXML(temporary.url.appendingPathComponent("ws/build/summary.changes.docx"))
            let found = try changes(document)
            let hearing = "Civil-society rapporteur (sample)"
            let roundTable = "Round-table rapporteur (sample)"
            #expect(found.map(\.kind) == ["del", "ins", "del", "ins", "ins", "ins", "del", "del", "del"])
            #expect(
                found.map(\.text) == [
                    "the", "two", "day", "days", "", "Speakers also asked that the cost of sending remittances be halved.", "", "Decent work",
                    "fair recruitment, no fees charged to workers",
                ])
            #expect(found.map(\.author) == Array(repeating: hearing, count: 6) + Array(repeating: roundTable, count: 3))
            // The removed row's mark is in its row properties; the added paragraph's in its own.
            #expect(document.contains("<w:trPr><w:cantSplit/><w:del w:id="))
            #expect(document.contains(try Regex("<w:pPr>(?:(?!</w:pPr>).)*<w:rPr><w:ins w:id=[^>]*/></w:rPr></w:pPr>")))
            // Nothing else changed: the changes document is the summary otherwise.
            let current = try documentXML(temporary.url.appendingPathComponent("ws/build/summary.docx"))
            #expect(!current.contains("<w:ins ") && !current.contains("<w:del "))

            let log = try IMRFProcess.run(["log", "ws", "--kind", "compile", "--json"], directory: temporary.url)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
            let record = try #require(entries.last?["record"] as? [String: Any])
            let outputs = try #require(record["outputs"] as? [[String: Any]])
            #expect(outputs.compactMap { $0["path"] as? String } == ["build/summary.md", "build/summary.docx", "build/summary.changes.docx"])
            let kept = try #require(record["notes"] as? [[String: String]])
            #expect(kept.count == 7)
            #expect(kept.first?["path"] == "notes/hearing.md")
            let store = temporary.url.appendingPathComponent("ws/.imrf/notes")
            for note in kept {
                let bytes = try Data(contentsOf: store.appendingPathComponent(try #require(note["sha256"])))
                #expect(!bytes.isEmpty)
            }
            // Both builds' notes are kept: the two texts of each edited note.
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.path).filter { !$0.hasPrefix(".") }.count == 9)
        }
    }

    @Test func buildsThatCannotBeComparedAreRefusedInWords() throws {
        try withExampleWorkspace { temporary in
            let none = try IMRFProcess.run(["compile", "ws", "--changes-since", "previous"], directory: temporary.url)
            #expect(none.status == 65)
            #expect(none.stderr.contains("there is no earlier build to compare with"), "\(none.stderr)")
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("ws/build").path))

            let draft = try IMRFProcess.run(["compile", "ws", "--draft"], directory: temporary.url)
            #expect(draft.status == 0, "\(draft.stderr)")
            let onlyDrafts = try IMRFProcess.run(["compile", "ws", "--changes-since", "previous"], directory: temporary.url)
            #expect(onlyDrafts.status == 65)
            #expect(onlyDrafts.stderr.contains("every build so far was a draft"), "\(onlyDrafts.stderr)")
            let theDraft = try IMRFProcess.run(["compile", "ws", "--changes-since", "1"], directory: temporary.url)
            #expect(theDraft.status == 65)
            #expect(theDraft.stderr.contains("build 1 was a draft; compare with a final build"), "\(theDraft.stderr)")

            let unknown = try IMRFProcess.run(["compile", "ws", "--changes-since", "42"], directory: temporary.url)
            #expect(unknown.status == 65)
            #expect(unknown.stderr.contains("there is no build 42 in the ledger"), "\(unknown.stderr)")
            #expect(unknown.stderr.contains("imrf log --kind compile"))

            let wrong = try IMRFProcess.run(["compile", "ws", "--changes-since", "last"], directory: temporary.url)
            #expect(wrong.status == 64)
            #expect(wrong.stderr.contains("--changes-since takes a build's number"), "\(wrong.stderr)")
        }
    }
}
