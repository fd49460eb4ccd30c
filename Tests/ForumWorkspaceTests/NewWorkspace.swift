import Forum
import ForumWorkspace
import Foundation
import IMRFTestSupport

extension TemporaryFolder {
    /// Makes a new 2026 workspace in this folder with `WorkspaceCreator`, as
    /// `imrf init` does (with a note for every session when `example`), and
    /// returns its path.
    func newWorkspace(example: Bool = false) throws -> String {
        try WorkspaceCreator.create(at: url.path, edition: .second, example: example)
        return url.path
    }
}
