public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, which the members named `read` hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The low-level steps `WorkspaceFileReader` and the writers of notes and
/// outputs share.
public enum WorkspaceFile {
    /// Why a file of the workspace was not read or written, in words for
    /// the person who owns the workspace.
    public enum Problem: LocalizedError, Sendable, Equatable, CustomStringConvertible {
        /// The system's reason (`No such file or directory`).
        case cannotRead(String)
        /// What it is instead: `a folder`, `a named pipe`, ...
        case notAFile(String)
        /// What it is instead of a folder: `a file`, ...
        case notAFolder(String)
        /// A link (or a path through a linked folder) to a file outside the workspace.
        case outside
        /// A link where imrf only accepts a real file or folder.
        case link
        /// The size found, in bytes: at least the limit plus one.
        case tooLarge(Int)

        public var description: String {
            switch self {
            case .cannotRead(let reason): reason
            case .notAFile(let kind): "it is \(kind), not a file"
            case .notAFolder(let kind): "it is \(kind), not a folder"
            case .outside: "it is a link to a place outside the workspace"
            case .link: "it is a link, not a real file or folder"
            case .tooLarge(let bytes): "it is \(bytes) bytes"
            }
        }

        public var errorDescription: String? { description }
    }

    /// The message of `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }

    static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }
    static func isFolder(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a file"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a link"
        default: "something else"
        }
    }

    /// `path` with every link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` resolved when it exists, else made absolute and standardised.
    public static func resolved(_ path: String) -> String {
        realPath(path) ?? absolute(path)
    }

    /// `path` made absolute, `.` and `..` removed; links not resolved.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The path of the file `descriptor` is open on, as the system knows it;
    /// nil where the system cannot say.
    static func path(of descriptor: Int32) -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #elseif canImport(Darwin)
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
        guard fcntl(descriptor, F_GETPATH, &buffer) == 0 else { return nil }
        return String(cString: buffer)
        #else
        return nil
        #endif
    }

    /// The bytes of the regular file open on `descriptor`: its size checked
    /// first, then at most `limit` + 1 bytes read (a file growing meanwhile
    /// is still refused).
    static func read(_ descriptor: Int32, limit: Int) -> Result<[UInt8], Problem> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.cannotRead(lastError())) }
        guard isRegular(status.st_mode) else { return .failure(.notAFile(kind(status.st_mode))) }
        guard Int(status.st_size) <= limit else { return .failure(.tooLarge(Int(status.st_size))) }
        // Sized for the file as it is now, plus one byte to see it grew, and
        // grown up to the limit plus one byte: a buffer of the limit at once
        // is megabytes to clear for a note of kilobytes.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < limit + 1 {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead(lastError()))
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { return .failure(.tooLarge(count)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
