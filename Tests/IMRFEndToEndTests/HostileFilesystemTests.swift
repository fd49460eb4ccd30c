import Foundation
import IMRFTestSupport
import Testing

/// What people or programs may plant where submit and compile write (links
/// at stored names, linked folders, links at temporary names, leftovers of
/// killed runs), and a full disk, through the built binary.
@Suite("hostile files in a workspace")
struct HostileFilesystemTests {
    func note(author: String, body: String) -> String {
        "---\nsession: round-table-2\ntitle: Round table\nauthor: \(author)\nobjectives: [4, 8]\n---\n\(body)\n"
    }

    /// A link planted at the author's stored name is neither copied into
    /// notes/.history/ nor replaced; the note goes to the author's next name.
    @Test func submitNeverCopiesWhatALinkAtAStoredNamePointsTo() throws {
        try withExampleWorkspace(example: false) { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let secret = try temporary.write("secret.txt", "root:TOP SECRET\n")
            let planted = folder.appendingPathComponent("notes/round-table-2--jane-doe.md")
            try FileManager.default.createSymbolicLink(atPath: planted.path, withDestinationPath: secret.path)
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "Jane's text."))
            let result = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws", "--json"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\"path\":\"notes/round-table-2--jane-doe.md\""))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes/.history").path))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: planted.path) == secret.path)
            #expect(try String(contentsOf: secret, encoding: .utf8) == "root:TOP SECRET\n")
        }
    }

    /// notes/.history linked to another folder: the earlier version is not
    /// written there, nothing is changed, and the error says why.
    @Test func aLinkedHistoryFolderIsRefused() throws {
        try withExampleWorkspace(example: false) { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "First version."))
            #expect(try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url).status == 0)
            let elsewhere = temporary.url.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("notes/.history").path, withDestinationPath: elsewhere.path)
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "Second version."))
            let result = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(result.status == 73)
            #expect(
                result.stderr.hasPrefix(
                    "ws/notes/.history: error: cannot keep the earlier version of notes/round-table-2--jane-doe.md (it is a link, not a real file or folder); nothing was changed\n"
                ))
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
            #expect(
                try String(contentsOf: folder.appendingPathComponent("notes/round-table-2--jane-doe.md"), encoding: .utf8)
                    .contains("First version."))
        }
    }

    /// build/ or notes/ linked to a folder outside the workspace: nothing
    /// is written there, and the error says why.
    @Test func aBuildOrNotesFolderLinkedOutsideTheWorkspaceIsRefused() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let elsewhere = temporary.url.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("build").path, withDestinationPath: elsewhere.path)
            let compile = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
            #expect(compile.status == 73)
            #expect(compile.stderr.hasPrefix("ws/build: error: cannot write output: the folder is a link to a place outside the workspace\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
            // The same outputs written where the user names a folder outside the workspace.
            let named = try IMRFProcess.run(["compile", "ws", "--out", "elsewhere"], directory: temporary.url)
            #expect(named.status == 0, "\(named.stderr)")

            let notes = folder.appendingPathComponent("notes")
            try FileManager.default.moveItem(at: notes, to: temporary.url.appendingPathComponent("notes-elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: notes.path, withDestinationPath: "../notes-elsewhere")
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "Jane's text."))
            let submit = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(submit.status == 73)
            #expect(
                submit.stderr.hasPrefix(
                    "ws/notes: error: cannot write the note into the workspace (it is a link to a place outside the workspace)\n"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: temporary.url.appendingPathComponent("notes-elsewhere").path)
                    .allSatisfy { !$0.contains("jane") && !$0.hasSuffix(".tmp") })
        }
    }

    /// Links planted at the temporary names the next compiles would have
    /// used (`build/.summary.md.PID.tmp`, PID the next process ids) are not
    /// written through, and the outputs are real files.
    @Test func compileWritesThroughNoLinkPlantedInTheBuildFolder() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let build = folder.appendingPathComponent("build")
            try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
            let victim = try temporary.write("victim.txt", "untouched\n")
            let last =
                Int(
                    try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)
                        .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            for pid in last + 1...last + 2000 {
                for format in ["md", "html"] {
                    try FileManager.default.createSymbolicLink(
                        atPath: build.appendingPathComponent(".summary.\(format).\(pid).tmp").path, withDestinationPath: victim.path)
                }
            }
            try FileManager.default.createSymbolicLink(atPath: build.appendingPathComponent("summary.md").path, withDestinationPath: victim.path)
            let result = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try String(contentsOf: victim, encoding: .utf8) == "untouched\n")
            for name in ["summary.md", "summary.html"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: build.appendingPathComponent(name).path)
                #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(name)")
            }
        }
    }

    /// Leftovers of killed runs (their process is gone) are removed at the
    /// next run; a file of a live process, a link or another name is kept.
    @Test func temporaryFilesOfKilledRunsAreRemovedAtTheNextRun() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let build = folder.appendingPathComponent("build")
            let notes = folder.appendingPathComponent("notes")
            try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
            let gone: Int32 = 999_999_999
            let alive = getpid()
            for (directory, name) in [
                (build, ".summary.md.\(gone).tmp"), (build, ".summary.html.\(gone).5f3a9c.tmp"),
                (notes, ".submit-\(gone)-0B7C7F5E-1D2A-4E0B-9E53-6C1B2B5E4A11.tmp"), (notes, ".submit-\(gone).5f3a9c.tmp"),
            ] {
                try Data(repeating: 0, count: 1000).write(to: directory.appendingPathComponent(name))
            }
            let kept = [
                (build, ".summary.md.\(alive).77.tmp"), (build, ".summary.md.notes.tmp"), (notes, ".submit-\(alive).77.tmp"),
            ]
            for (directory, name) in kept { try Data("kept".utf8).write(to: directory.appendingPathComponent(name)) }
            try FileManager.default.createSymbolicLink(
                atPath: build.appendingPathComponent(".summary.docx.\(gone).tmp").path, withDestinationPath: "summary.md")

            #expect(try IMRFProcess.run(["compile", "ws"], directory: temporary.url).status == 0)
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: "Jane's text."))
            let submit = try IMRFProcess.run(["submit", "jane.md", "--workspace", "ws"], directory: temporary.url)
            #expect(submit.status == 0, "\(submit.stderr)")

            let left = Set(try FileManager.default.contentsOfDirectory(atPath: build.path).filter { $0.hasSuffix(".tmp") })
            #expect(left == [".summary.md.\(alive).77.tmp", ".summary.md.notes.tmp", ".summary.docx.\(gone).tmp"])
            let leftInNotes = try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftInNotes == [".submit-\(alive).77.tmp"])
        }
    }

    /// A full disk (here a file-size limit, its signal ignored so that write
    /// fails with EFBIG as on ENOSPC): submit fails and leaves no temporary file.
    /// Not under a sanitizer, whose runtime cannot start under that limit
    /// (ThreadSanitizer dies of SIGBUS before imrf runs).
    @Test(.disabled(if: IMRFProcess.isSanitized, "a sanitizer's runtime cannot start under a 64-byte file-size limit"))
    func aSubmissionThatCannotBeWrittenLeavesNoTemporaryFile() throws {
        try withExampleWorkspace(example: false) { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            _ = try temporary.write("jane.md", note(author: "Jane Doe", body: String(repeating: "A long text. ", count: 100)))
            let result = try IMRFProcess.run(
                ["-c", "trap '' XFSZ; exec prlimit --fsize=64 \"$0\" submit jane.md --workspace ws", IMRFProcess.binary.path],
                executable: URL(fileURLWithPath: "/bin/sh"), directory: temporary.url)
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("cannot write the note into the workspace (File too large)"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("notes").path) == [])
        }
    }
}
