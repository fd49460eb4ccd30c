import Foundation
import IMRFTestSupport
import Testing

/// Notes saved by Windows (CR LF) or classic Mac editors (CR) check and
/// compile like the same notes with LF line endings.
@Suite("imrf line endings")
struct LineEndingCommandTests {
    @Test(arguments: ["\r\n", "\r"]) func samplesWithOtherLineEndingsCheckClean(ending: String) throws {
        try withExampleWorkspace { temporary in
            let notes = temporary.url.appendingPathComponent("ws/notes")
            for name in try FileManager.default.contentsOfDirectory(atPath: notes.path) {
                let file = notes.appendingPathComponent(name)
                let text = try String(contentsOf: file, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "\n", with: ending).utf8).write(to: file)
            }
            let check = try IMRFProcess.run(["check", "ws"], directory: temporary.url)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout == "7 notes checked: 0 errors, 0 warnings\n")
            let compile = try IMRFProcess.run(["compile", "ws", "--format", "md,html,docx"], directory: temporary.url)
            #expect(compile.status == 0, "\(compile.stderr)")
        }
    }
}
