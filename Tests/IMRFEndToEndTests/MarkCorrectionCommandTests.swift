import Foundation
import IMRFTestSupport
import Testing

/// The office corrects mistakes: a note submitted for the wrong session is
/// moved, one submitted by mistake withdrawn, a distribution marked by
/// mistake undone; nothing is lost (the history keeps each text, the ledger
/// each step) and status follows.
@Suite("imrf mark moved, withdrawn, undistributed")
struct MarkCorrectionCommandTests {
    private static let note = """
        ---
        session: round-table-2
        title: "Round table summary"
        author: Jane Doe
        role: rapporteur
        language: en
        objectives: [5]
        ---
        The participants met and agreed on three points.

        """

    private func status(_ ws: URL) throws -> [String: String] {
        let result = try IMRFProcess.run(["status", ws.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["deliverables"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["id"] as? String).map { ($0, item["state"] as? String ?? "") } })
    }

    @Test func aNoteIsMovedThenWithdrawnAndNothingIsLost() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026"]).status == 0)
        let file = try folder.write("rt.md", Self.note)
        #expect(try IMRFProcess.run(["submit", file.path, "-w", ws.path]).status == 0)

        let moved = try IMRFProcess.run(["mark", "moved", "notes/round-table-2--jane-doe.md", "--session", "round-table-3", "-w", ws.path])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("moved to round-table-3: stored as notes/round-table-3--jane-doe.md"))
        let notes = ws.appendingPathComponent("notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".md") } == ["round-table-3--jane-doe.md"])
        let stored = try String(contentsOf: notes.appendingPathComponent("round-table-3--jane-doe.md"), encoding: .utf8)
        #expect(stored.contains("session: \"round-table-3\"\n"))
        #expect(stored.contains("The participants met and agreed on three points."))
        let history = try FileManager.default.contentsOfDirectory(atPath: notes.appendingPathComponent(".history").path)
        #expect(history.count == 1 && history[0].hasPrefix("round-table-2--jane-doe."))
        let verbose = try IMRFProcess.run(["status", ws.path, "-v"])
        #expect(verbose.stdout.contains("  round-table-2: no note yet"), "\(verbose.stdout)")
        #expect(verbose.stdout.contains("  round-table-3: notes/round-table-3--jane-doe.md by Jane Doe"))

        let withdrawn = try IMRFProcess.run([
            "mark", "withdrawn", "round-table-3--jane-doe.md", "-w", ws.path, "--reason", "sent for the wrong forum",
        ])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".md") }.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.appendingPathComponent(".history").path).count == 2)
        #expect(try status(ws)["round-table-summaries"] == "pending", "a withdrawn note no longer counts as received")
        let log = try IMRFProcess.run(["log", ws.path, "--kind", "withdrawal"])
        #expect(
            log.stdout.contains(
                "withdrawal  round-table-2: notes/round-table-2--jane-doe.md withdrawn, kept as notes/.history/round-table-2--jane-doe."))
        #expect(log.stdout.contains("(moved to round-table-3 as notes/round-table-3--jane-doe.md)"))
        #expect(log.stdout.contains("(sent for the wrong forum)"))

        // Refusals: a note that is not there, a path outside notes/, the same session.
        for (arguments, message) in [
            (["mark", "withdrawn", "nothing.md"], "there is no note 'nothing.md'"),
            (["mark", "withdrawn", "../forum.yaml"], "is not a note of the workspace"),
        ] {
            let refused = try IMRFProcess.run(arguments + ["-w", ws.path])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
        }
    }

    @Test func aDistributionMarkedByMistakeIsUndone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ws = folder.url.appendingPathComponent("ws")
        #expect(try IMRFProcess.run(["init", ws.path, "--edition", "2026", "--example"]).status == 0)
        let nothing = try IMRFProcess.run(["mark", "undistributed", "pga-summaries", "-w", ws.path])
        #expect(nothing.status == 65)
        #expect(nothing.stderr.contains("pga-summaries is not marked distributed: there is nothing to undo"))
        #expect(try IMRFProcess.run(["mark", "distributed", "pga-summaries", "-w", ws.path]).status == 0)
        #expect(try status(ws)["pga-summaries"] == "distributed")
        let undo = try IMRFProcess.run(["mark", "undistributed", "pga-summaries", "-w", ws.path, "--reason", "the wrong deliverable"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.hasPrefix("pga-summaries is no longer marked distributed"))
        #expect(try status(ws)["pga-summaries"] == "received")
        let log = try IMRFProcess.run(["log", ws.path, "--kind", "distribution"])
        #expect(log.stdout.split(separator: "\n").count == 2, "both entries stay")
        #expect(log.stdout.contains("distribution pga-summaries undone: not distributed (the wrong deliverable)"))
    }
}
