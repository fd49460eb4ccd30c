import Foundation
import IMRFTestSupport
import Testing

/// What people or programs may plant among a workspace's notes (huge sparse
/// files, named pipes, links out of the workspace), as check, compile and
/// status read them, through the built binary.
@Suite("hostile note files")
struct HostileNoteFileTests {
    let cap = IMRFProcess.ResourceCap(memoryMiB: 512, cpuSeconds: 10, wallSeconds: 20)

    /// Runs `commands` on `ws` under `cap`: each refuses it with `error`
    /// first (exit 65); status, also under `cap`, still answers (below 4).
    func expect(
        _ commands: [String], toRefuse error: String, cap: IMRFProcess.ResourceCap, in temporary: TemporaryFolder,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for command in commands {
            let result = try IMRFProcess.run([command, "ws"], cap: cap, directory: temporary.url)
            #expect(result.status == 65, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.hasPrefix(error), "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        }
        let status = try IMRFProcess.run(["status", "ws", "--today", "2026-05-15"], cap: cap, directory: temporary.url)
        #expect(status.status < 4, "\(status.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aSparseThreeGigabyteNoteIsRefusedByItsSize() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            let huge = folder.appendingPathComponent("notes/huge.md")
            #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
            #expect(truncate(huge.path, 3 << 30) == 0)
            try expect(
                ["check", "compile"], toRefuse: "ws/notes/huge.md:1:1: error: note is larger than 4 MB (3221225472 bytes)\n",
                cap: cap, in: temporary)
        }
    }

    @Test func aNamedPipeInNotesIsRefusedWithoutWaiting() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            #expect(mkfifo(folder.appendingPathComponent("notes/pipe.md").path, 0o644) == 0)
            let short = IMRFProcess.ResourceCap(memoryMiB: 512, cpuSeconds: 10, wallSeconds: 10)
            try expect(["check"], toRefuse: "ws/notes/pipe.md: error: note is a named pipe, not a file\n", cap: short, in: temporary)
        }
    }

    /// A note linked from outside the workspace is refused at the note; one
    /// linked from inside it is read.
    @Test func aNoteLinkedFromOutsideTheWorkspaceIsNotRead() throws {
        try withExampleWorkspace { temporary in
            let folder = temporary.url.appendingPathComponent("ws")
            _ = try temporary.write("secret.md", "---\nsession: hearing\n---\nTOP SECRET.\n")
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("notes/secret.md").path, withDestinationPath: "../../secret.md")
            let check = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(check.status == 65)
            #expect(check.stderr.hasPrefix("ws/notes/secret.md: error: note is a link to a file outside the workspace\n"))
            #expect(!check.stderr.contains("TOP SECRET"))
            let compile = try IMRFProcess.run(["compile", "ws"], directory: temporary.url)
            #expect(compile.status == 65)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("build/summary.md").path))

            try FileManager.default.removeItem(at: folder.appendingPathComponent("notes/secret.md"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("drafts"), withIntermediateDirectories: true)
            try Data("---\nsession: hearing\n---\nA draft kept elsewhere in the workspace.\n".utf8)
                .write(to: folder.appendingPathComponent("drafts/draft.md"))
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("notes/draft.md").path, withDestinationPath: "../drafts/draft.md")
            let inside = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(inside.status == 0, "\(inside.stderr)")
        }
    }
}
