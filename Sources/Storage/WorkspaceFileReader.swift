import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files of a workspace (notes, forum.yaml) as files anyone may
/// have planted anything at: a link to a secret, a named pipe, a huge sparse
/// file.
///
/// Guarantees: only a regular file is read (a named pipe is opened without
/// waiting and refused); its size is checked before reading and no more than
/// the limit plus one byte is ever read; with a `root`, the file, after links
/// are resolved, is inside that folder, and the file opened is the one checked
/// (opened without following a link, then its path asked back from the system).
/// The rule applies to the files named inside the workspace (its notes/*.md);
/// a file named elsewhere (a note given on the command line) is the user's choice.
public struct WorkspaceFileReader: Sendable {
    /// The workspace as given, made absolute (links not resolved).
    let lexicalRoot: String?
    /// The workspace, resolved.
    let resolvedRoot: String?

    /// - Parameter root: the workspace; nil to read files wherever they are.
    public init(root: String?) {
        lexicalRoot = root.map(WorkspaceFile.absolute)
        resolvedRoot = root.map(WorkspaceFile.resolved)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public func read(_ path: String, limit: Int) -> Result<[UInt8], WorkspaceFile.Problem> {
        guard let resolved = WorkspaceFile.realPath(path) else { return .failure(.cannotRead(WorkspaceFile.lastError())) }
        let root = lexicalRoot.flatMap { WorkspaceFile.isInside(WorkspaceFile.absolute(path), $0) ? resolvedRoot : nil }
        if let root, !WorkspaceFile.isInside(resolved, root) { return .failure(.outside) }
        // stat before open: a device or pipe is refused without being opened.
        var status = stat()
        guard stat(resolved, &status) == 0 else { return .failure(.cannotRead(WorkspaceFile.lastError())) }
        guard WorkspaceFile.isRegular(status.st_mode) else { return .failure(.notAFile(WorkspaceFile.kind(status.st_mode))) }
        let descriptor = open(resolved, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotRead(WorkspaceFile.lastError())) }
        defer { close(descriptor) }
        if let root, let opened = WorkspaceFile.path(of: descriptor), !WorkspaceFile.isInside(opened, root) {
            return .failure(.outside)
        }
        return WorkspaceFile.read(descriptor, limit: limit)
    }
}
