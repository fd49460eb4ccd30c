import Diagnostics
import Forum
import FuzzSupport

/// One fuzz input as forum.yaml: YAML (Yams), the typed decoding and the
/// checks of `Forum.parse`, then the writer `Forum.yaml` and a second parse.
///
/// Any input may be refused with diagnostics; what must never happen is a
/// crash, a hang, a diagnostic without a line in the file, or a forum that
/// does not survive `yaml` then `parse` unchanged (imrf init writes
/// forum.yaml with it). A broken invariant calls `fatalError`, which
/// libFuzzer records as a crash with the input that caused it.
enum ForumHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = LineCount.of(Array(text.utf8)) + 1
        var warnings: [Diagnostic] = []
        let forum: Forum
        do {
            forum = try Forum.parse(yaml: text, path: "forum.yaml", warnings: &warnings)
        } catch {
            check(error.diagnostics, lines: lines)
            return
        }
        check(warnings, lines: lines)
        let written = forum.yaml
        let again: Forum
        do {
            again = try Forum.parse(yaml: written, path: "written.yaml")
        } catch {
            fatalError("the writer's output does not read back: \(error)\n\(written)")
        }
        guard again == forum else { fatalError("round trip changed the forum:\n\(forum)\n\(again)\n\(written)") }
        guard again.yaml == written else { fatalError("writing is not stable") }
    }

    private static func check(_ diagnostics: [Diagnostic], lines: Int) {
        guard !diagnostics.isEmpty else { return }
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, location.path == "forum.yaml" else {
                fatalError("diagnostic without the file: \(diagnostic)")
            }
            guard location.line <= lines else { fatalError("diagnostic past the last line \(lines): \(diagnostic)") }
        }
    }
}
