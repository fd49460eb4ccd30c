import Forum
import Foundation
import FoundationXML
import Testing

@testable import SummaryCompiler

/// `BoundedDiff` and the changes document (`Summary.renderChangesDocx`).
@Suite struct TrackedChangesTests {
    /// The edits `operations` make, applied to `a`: they must give `b`.
    static func applied(_ operations: [BoundedDiff.Operation], _ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        var nextOld = 0
        for operation in operations {
            switch operation {
            case .equal(let old, let new):
                #expect(old == nextOld && a[old] == b[new])
                nextOld += 1
                result.append(a[old])
            case .delete(let old):
                #expect(old == nextOld)
                nextOld += 1
            case .insert(let new): result.append(b[new])
            }
        }
        #expect(nextOld == a.count)
        return result
    }

    @Test func theDiffIsShortestAndTurnsOneSequenceIntoTheOther() throws {
        let cases: [([Int], [Int], Int)] = [
            ([], [], 0), ([1, 2, 3], [1, 2, 3], 0), ([], [1, 2], 2), ([1, 2], [], 2), ([1, 2, 3], [1, 4, 3], 2),
            ([1, 2, 3, 4, 5], [0, 1, 3, 4, 6, 5], 3), ([1, 2, 3], [3, 2, 1], 4),
        ]
        for (a, b, edits) in cases {
            let operations = try #require(BoundedDiff.operations(a, b, maximumEdits: 100))
            #expect(Self.applied(operations, a, b) == b)
            #expect(operations.filter { if case .equal = $0 { false } else { true } }.count == edits, "\(a) -> \(b)")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...4, using: &random) }
            let b = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...4, using: &random) }
            let operations = try #require(BoundedDiff.operations(a, b, maximumEdits: 100))
            #expect(Self.applied(operations, a, b) == b)
        }
    }

    /// Two sequences with nothing in common, far past the bound: given up
    /// at once rather than searched (the caller shows the whole replaced).
    @Test func aPathologicalPairIsGivenUpWithinTheBound() {
        let a = Array(0..<200_000)
        let b = Array(200_000..<400_000)
        let start = ContinuousClock.now
        #expect(BoundedDiff.operations(a, b, maximumEdits: 1_000) == nil)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    static func summary(_ notes: [(String, String)]) throws -> Summary {
        let forum = Edition.second.forum
        let files = notes.map { name, text in ("notes/\(name).md", Array(text.utf8)) }
        return try Summary(CheckedNotes.check(noteFiles: files, forum: forum))
    }

    static func note(_ session: String, author: String, _ body: String) -> String {
        "---\nsession: \(session)\ntitle: Note of \(session)\nauthor: \(author)\n---\n\(body)\n"
    }

    @Test func aParagraphRewrittenWholeIsReplacedAndTheDocumentStaysWellFormed() throws {
        let earlier = try Self.summary([("plenary", Self.note("plenary", author: "Ana", "First words here.\n\nKept paragraph."))])
        let later = try Self.summary([
            ("plenary", Self.note("plenary", author: "Ana", "Completely different text now.\n\nKept paragraph.\n\n| A | B |\n|---|---|\n| 1 | 2 |"))
        ])
        let parts = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: Date(timeIntervalSince1970: 0)))
        let document = try #require(parts["word/document.xml"])
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: document) }
        #expect(document.contains("w:author=\"Ana\" w:date=\"1970-01-01T00:00:00Z\""))
        #expect(document.contains("<w:delText xml:space=\"preserve\">First words here.</w:delText>"))
        #expect(document.contains("<w:t xml:space=\"preserve\">Completely different text now.</w:t></w:r></w:ins>"))
        // The new table: each row inserted.
        #expect(document.components(separatedBy: "<w:trPr><w:cantSplit/><w:tblHeader/><w:ins ").count == 2)
        #expect(document.components(separatedBy: "<w:trPr><w:cantSplit/><w:ins ").count == 2)
        // The same summary compared with itself has no change.
        let same = try DocxTests.unzip(later.renderChangesDocx(since: later, date: Date()))
        #expect(same["word/document.xml"] == (try DocxTests.unzip(later.renderDocx()))["word/document.xml"])
    }

    /// A note gone: its paragraphs deleted, attributed to its author; a
    /// change outside any note (the annex) to the office.
    @Test func aNoteRemovedIsDeletedUnderItsAuthorAndTheAnnexUnderTheOffice() throws {
        let plenary = ("plenary", Self.note("plenary", author: "Ana", "Plenary text."))
        let hearing = ("hearing", "---\nsession: hearing\ntitle: Hearing\nauthor: Ben\nobjectives: [3]\n---\nHearing text.\n")
        let earlier = try Self.summary([hearing, plenary])
        let later = try Self.summary([plenary])
        let document = try #require(try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: Date()))["word/document.xml"])
        #expect(document.contains("w:author=\"Ben\""))
        #expect(document.contains("<w:delText xml:space=\"preserve\">Hearing text.</w:delText>"))
        #expect(document.contains("w:author=\"\(TrackedChanges.office)\""))
        #expect(!document.contains("w:author=\"Ana\""))
        #expect(!document.contains("imrf-note"))
    }

    /// Notes unchanged since the earlier build are one block each, compared
    /// by identity: the document is byte for byte the one the comparison of
    /// every note's text gives, with notes changed, added (moving the
    /// letters of the titles after it) and removed around them.
    @Test func unchangedNotesComparedByIdentityGiveTheSameDocument() throws {
        func notes(_ changed: Bool) -> [(String, String)] {
            var notes: [(String, String)] = []
            for index in 1...6 {
                let session = ["hearing", "round-table-1", "plenary"][index % 3]
                let text =
                    "Paragraph \(index) on safe and regular pathways.\n\nA second paragraph, \(index).\n\n| A | B |\n|---|---|\n| \(index) | 2 |\n| 3 | 4 |"
                notes.append(("n\(index)", Self.note(session, author: "Author \(index)", text)))
            }
            guard changed else { return notes }
            notes[1].1 = notes[1].1.replacingOccurrences(of: "safe and regular", with: "safe, orderly and regular")
            notes[4].1 = notes[4].1.replacingOccurrences(of: "| 3 | 4 |", with: "")
            notes.remove(at: 3)
            notes.insert(("n0", Self.note("round-table-1", author: "New", "An added note.")), at: 0)
            return notes
        }
        let earlier = try Self.summary(notes(false))
        let later = try Self.summary(notes(true))
        let (old, new) = later.sharedNotes(with: earlier)
        // n2, n5 changed, n4 gone, n1 lettered B. now (n0 before it in its session): n3 and n6 shared.
        #expect(new.compactMap(\.shared).count == 2)
        #expect(old.compactMap(\.shared).sorted() == new.compactMap(\.shared).sorted())
        let date = Date(timeIntervalSince1970: 0)
        let shared = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: date, library: nil))["word/document.xml"]
        let whole = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: date, library: nil, sharesNotes: false))["word/document.xml"]
        #expect(shared == whole)
        #expect(try #require(shared).contains("<w:ins "))
    }

    /// A shared note the comparison would show deleted (its text not in an
    /// earlier body that left it out): nil, for the caller to compare with
    /// the whole earlier body.
    @Test func aSharedNoteShownDeletedAsksForTheWholeEarlierBody() {
        func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
        let note = DocxRenderer.noteMark(0) + paragraph("Shared.") + DocxRenderer.noteEndMark
        let facts = [TrackedChanges.NoteFacts(author: "Ana", shared: "0")]
        let moved = TrackedChanges.body(
            old: DocxRenderer.noteMark(0) + DocxRenderer.noteEndMark + paragraph("X") + paragraph("Y"),
            new: paragraph("X") + paragraph("Y") + note, oldNotes: facts, newNotes: facts, date: Date())
        #expect(moved == nil)
        let kept = TrackedChanges.body(
            old: DocxRenderer.noteMark(0) + DocxRenderer.noteEndMark + paragraph("X"), new: note + paragraph("Z"),
            oldNotes: facts, newNotes: facts, date: Date())
        #expect(kept?.hasPrefix(paragraph("Shared.")) == true)
        #expect(kept?.contains(">X</w:delText>") == true)
    }

    /// A changed note's footnotes are compared with the earlier ones at the
    /// same place: a word changed is tracked inside the footnote, a footnote
    /// added is inserted whole, an unchanged one left as it is; every change
    /// in the package has an id of its own.
    @Test func footnotesOfAChangedNoteHaveTheirChangesTracked() throws {
        let earlier = try Self.summary([
            (
                "plenary",
                Self.note("plenary", author: "Ana", "Text[^a] and more[^b].\n\n[^a]: The old wording of the source.\n\n[^b]: Kept as it was.")
            )
        ])
        let later = try Self.summary([
            (
                "plenary",
                Self.note(
                    "plenary", author: "Ana",
                    "Text[^a] and more[^b], added[^c].\n\n[^a]: The new wording of the source.\n\n[^b]: Kept as it was.\n\n[^c]: A footnote added."
                )
            )
        ])
        let parts = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: Date(timeIntervalSince1970: 0)))
        let footnotes = try #require(parts["word/footnotes.xml"])
        let document = try #require(parts["word/document.xml"])
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: footnotes) }
        // The separators are w:type'd footnotes; the notes' start with their id.
        let notes = footnotes.components(separatedBy: "<w:footnote w:id=").dropFirst().map { String($0) }
        try #require(notes.count == 3)
        #expect(notes[0].contains(">old</w:delText>") && notes[0].contains(">new</w:t></w:r></w:ins>"))
        #expect(notes[0].contains("w:author=\"Ana\""))
        #expect(!notes[1].contains("<w:ins ") && !notes[1].contains("<w:del "))
        #expect(notes[2].contains("<w:ins ") && !notes[2].contains("<w:del "))
        let ids = (footnotes + document).matches(of: /<w:(?:ins|del) w:id="(\d+)"/).map { String($0.output.1) }
        #expect(!ids.isEmpty && Set(ids).count == ids.count)
    }

    /// A footnote reference the new build no longer has (its sentence
    /// removed from a changed note, or its whole note removed) is shown
    /// deleted with its footnote: a copy of the earlier footnote, its text
    /// deleted, under an id after the new build's own; the footnotes the
    /// new build has keep theirs.
    @Test func footnotesRemovedAreShownDeletedWithTheirReferences() throws {
        let earlier = try Self.summary([
            (
                "plenary",
                Self.note(
                    "plenary", author: "Ana", "Kept[^a].\n\nRemoved sentence[^b].\n\n[^a]: Footnote kept.\n\n[^b]: Footnote of the removed sentence.")
            ),
            ("hearing", Self.note("hearing", author: "Ben", "A note removed whole[^x].\n\n[^x]: Footnote of the removed note.")),
        ])
        let later = try Self.summary([("plenary", Self.note("plenary", author: "Ana", "Kept[^a].\n\n[^a]: Footnote kept."))])
        let parts = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: Date(timeIntervalSince1970: 0)))
        let footnotes = try #require(parts["word/footnotes.xml"])
        let document = try #require(parts["word/document.xml"])
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: footnotes) }
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: document) }
        let notes = footnotes.components(separatedBy: "<w:footnote w:id=\"").dropFirst().map { String($0) }
        try #require(notes.count == 3)
        #expect(notes[0].hasPrefix("1\"") && notes[0].contains(">Footnote kept.</w:t>") && !notes[0].contains("<w:del "))
        let removed = notes.dropFirst().map { $0.components(separatedBy: "\"")[0] }
        #expect(Set(removed) == ["2", "3"])
        #expect(notes.contains { $0.contains(">Footnote of the removed sentence.</w:delText>") && $0.contains("w:author=\"Ana\"") })
        #expect(notes.contains { $0.contains(">Footnote of the removed note.</w:delText>") && $0.contains("w:author=\"Ben\"") })
        #expect(!notes.dropFirst().contains { $0.contains("<w:t>") || $0.contains("<w:t ") })
        // Each reference in the document: the kept one live, the two removed inside w:del.
        let references = document.matches(of: /<w:footnoteReference w:id="(\d+)"\/>/).map { String($0.output.1) }
        #expect(references.sorted() == ["1", "2", "3"])
        for id in removed {
            let before = try #require(document.components(separatedBy: "<w:footnoteReference w:id=\"\(id)\"/>").first)
            #expect(
                before.range(of: "<w:del ", options: .backwards)!.lowerBound
                    > (before.range(of: "</w:del>", options: .backwards)?.lowerBound ?? before.startIndex))
        }
        let ids = (footnotes + document).matches(of: /<w:(?:ins|del) w:id="(\d+)"/).map { String($0.output.1) }
        #expect(!ids.isEmpty && Set(ids).count == ids.count)
    }

    /// A note that lost its first footnote keeps the others as they were:
    /// a footnote is unchanged when the earlier note had one with its
    /// content, so the removal does not show the later ones reworded.
    @Test func aFootnoteRemovedDoesNotShiftTheOthers() throws {
        let earlier = try Self.summary([
            (
                "plenary",
                Self.note(
                    "plenary", author: "Ana",
                    "First[^a].\n\nSecond[^b] and third[^c].\n\n[^a]: Alpha source.\n\n[^b]: Beta source.\n\n[^c]: Gamma source.")
            )
        ])
        let later = try Self.summary([
            ("plenary", Self.note("plenary", author: "Ana", "Second[^b] and third[^c].\n\n[^b]: Beta source.\n\n[^c]: Gamma source."))
        ])
        let parts = try DocxTests.unzip(later.renderChangesDocx(since: earlier, date: Date(timeIntervalSince1970: 0)))
        let footnotes = try #require(parts["word/footnotes.xml"])
        let notes = footnotes.components(separatedBy: "<w:footnote w:id=\"").dropFirst().map { String($0) }
        try #require(notes.count == 3)
        #expect(notes[0].contains(">Beta source.</w:t>") && !notes[0].contains("<w:ins ") && !notes[0].contains("<w:del "))
        #expect(notes[1].contains(">Gamma source.</w:t>") && !notes[1].contains("<w:ins ") && !notes[1].contains("<w:del "))
        #expect(notes[2].hasPrefix("3\"") && notes[2].contains(">Alpha source.</w:delText>"))
    }
}
