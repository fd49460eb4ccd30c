public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder held open while imrf writes into it (notes/, notes/.history/,
/// build/): every file is created, read, renamed and removed relative to the
/// open folder, so a link planted at the folder's path afterwards redirects
/// nothing, and no name inside it is ever followed as a link.
///
/// The one durable-write routine of submit and compile: a new file under a
/// random name (`O_CREAT|O_EXCL|O_NOFOLLOW`, so nothing planted there is
/// written through), flushed to disk, removed again on any failure, then
/// renamed into place by the caller.
public final class OpenFolder: Sendable {
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path`, creating it and its parents when missing
    /// (unless `create` is false).
    /// - Parameter root: when given, the folder, after links are resolved,
    ///   must be inside it (the workspace).
    public static func open(_ path: String, inside root: String?, create: Bool = true) throws(WorkspaceFile.Problem) -> OpenFolder {
        if create {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .cannotRead(error.localizedDescription)
            }
        }
        guard let resolved = WorkspaceFile.realPath(path) else { throw .cannotRead(WorkspaceFile.lastError()) }
        let root = root.map(WorkspaceFile.resolved)
        if let root, !WorkspaceFile.isInside(resolved, root) { throw .outside }
        let descriptor = openPath(resolved, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ELOOP ? .link : .cannotRead(WorkspaceFile.lastError()) }
        let folder = OpenFolder(path: path, descriptor: descriptor)
        if let root, let opened = WorkspaceFile.path(of: descriptor), !WorkspaceFile.isInside(opened, root) { throw .outside }
        return folder
    }

    /// The folder `name` inside this one, created when missing; a link or a
    /// file there is refused.
    public func subfolder(_ name: String) throws(WorkspaceFile.Problem) -> OpenFolder {
        if mkdirat(descriptor, name, 0o755) != 0, errno != EEXIST { throw .cannotRead(WorkspaceFile.lastError()) }
        let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else {
            let reason = WorkspaceFile.lastError()
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { throw .cannotRead(reason) }
            throw status.st_mode & S_IFMT == S_IFLNK ? .link : .notAFolder(WorkspaceFile.kind(status.st_mode))
        }
        return OpenFolder(path: WorkspaceLayout.join(path, name), descriptor: opened)
    }

    /// The bytes of the regular file `name` (at most `limit`), nil when
    /// there is nothing by that name; a link there is refused, not followed.
    public func read(_ name: String, limit: Int) -> Result<[UInt8], WorkspaceFile.Problem>? {
        let opened = openat(descriptor, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard opened >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP: return .failure(.link)
            default: return .failure(.cannotRead(WorkspaceFile.lastError()))
            }
        }
        defer { close(opened) }
        return WorkspaceFile.read(opened, limit: limit)
    }

    /// Whether anything (a file, a folder, a link) is named `name`.
    public func contains(_ name: String) -> Bool {
        var status = stat()
        return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// Whether `name` is a folder (not a link to one).
    public func isFolder(_ name: String) -> Bool {
        var status = stat()
        return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && WorkspaceFile.isFolder(status.st_mode)
    }

    /// Writes `data` to a new file named `<prefix><pid>.<random>.tmp` and
    /// flushes it to disk; returns the name. On failure nothing is left.
    public func writeTemporary(_ data: Data, prefix: String) throws(WorkspaceFile.Problem) -> String {
        let name = prefix + "\(getpid()).\(String(UInt64.random(in: .min ... .max), radix: 16)).tmp"
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw .cannotRead(WorkspaceFile.lastError()) }
        var failure: WorkspaceFile.Problem?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotRead(WorkspaceFile.lastError())
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(file) != 0 { failure = .cannotRead(WorkspaceFile.lastError()) }
        if close(file) != 0, failure == nil { failure = .cannotRead(WorkspaceFile.lastError()) }
        if let failure {
            remove(name)
            throw failure
        }
        return name
    }

    /// Writes `data` to the file `name`, durably: a temporary file beside it,
    /// flushed, then renamed over it. A reader sees the old file or the new
    /// one, never part of one; on failure nothing is left.
    public func write(_ data: Data, to name: String) throws(WorkspaceFile.Problem) {
        let temporary = try writeTemporary(data, prefix: ".\(name).")
        do throws(WorkspaceFile.Problem) {
            try rename(temporary, to: name)
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// Atomically replaces `destination` (the name itself: a link there is
    /// replaced, never followed) with `source`.
    public func rename(_ source: String, to destination: String) throws(WorkspaceFile.Problem) {
        guard renameat(descriptor, source, descriptor, destination) == 0 else { throw .cannotRead(WorkspaceFile.lastError()) }
    }

    /// Moves the file `name` into the folder `other` as `destination`
    /// (replacing what is there; links are moved, never followed).
    public func move(_ name: String, to other: OpenFolder, as destination: String) throws(WorkspaceFile.Problem) {
        guard renameat(descriptor, name, other.descriptor, destination) == 0 else { throw .cannotRead(WorkspaceFile.lastError()) }
    }

    /// The names in the folder (none when it cannot be listed).
    public func names() -> [String] {
        // Listed through the open folder where the system allows it.
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd/\(descriptor)"))
            ?? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    /// Whether `name` is a regular file (not a link, not a folder).
    public func isRegularFile(_ name: String) -> Bool {
        var status = stat()
        return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && WorkspaceFile.isRegular(status.st_mode)
    }

    /// Removes the file `name`, if any.
    public func remove(_ name: String) {
        unlinkat(descriptor, name, 0)
    }

    /// Removes the folder `name` and everything in it, if it is a folder
    /// (not a link to one: a link there is left alone). Links inside it are
    /// removed, never followed.
    public func removeFolder(_ name: String) {
        guard isFolder(name) else { return }
        guard let inner = try? subfolder(name) else { return }
        for entry in inner.names() {
            if inner.isFolder(entry) { inner.removeFolder(entry) } else { inner.remove(entry) }
        }
        unlinkat(descriptor, name, AT_REMOVEDIR)
    }

    /// Removes what killed runs left behind: regular files (and folders,
    /// the PDF conversion's) named `<prefix><pid><separator>...tmp`, as
    /// imrf names its temporary files, whose process is gone or which are a
    /// day old (a process id may have been reused). A file of a run still
    /// going on is never removed.
    public func removeStaleTemporaries(prefixes: [String]) {
        let names = names()
        let now = time(nil)
        for name in names where name.hasSuffix(".tmp") {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            let rest = name.dropFirst(prefix.count).dropLast(".tmp".count)
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            let tail = rest.dropFirst(digits.count)
            guard let pid = pid_t(digits),
                tail.isEmpty
                    || ((tail.first == "." || tail.first == "-")
                        && tail.dropFirst().allSatisfy({ $0.isHexDigit || $0 == "-" }))
            else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                WorkspaceFile.isRegular(status.st_mode) || WorkspaceFile.isFolder(status.st_mode)
            else { continue }
            let alive = pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
            #if canImport(Darwin)
            let modified = status.st_mtimespec.tv_sec
            #else
            let modified = status.st_mtim.tv_sec
            #endif
            guard !alive || now - modified > 24 * 60 * 60 else { continue }
            if WorkspaceFile.isFolder(status.st_mode) { removeFolder(name) } else { remove(name) }
        }
    }
}

/// `write(2)`, which `OpenFolder.write` hides.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// `open(2)`, which `OpenFolder.open` hides.
private func openPath(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
