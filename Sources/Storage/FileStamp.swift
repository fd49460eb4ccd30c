#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as stat(2) sees it: device, inode, size, modification and change
/// times. A long-running reader keys what it derived from a file on its
/// stamp: a file written, truncated, replaced or removed gets another one.
/// (A write in the same clock tick that keeps the size is the one change
/// stat cannot see; the ledger is watched by SQLite's own counter instead.)
public struct FileStamp: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int
    let changed: Int64
    let changedNanoseconds: Int

    /// When the file was last modified, in seconds since 1970.
    public var modificationTime: Double { Double(modified) + Double(modifiedNanoseconds) / 1e9 }

    /// The stamp of the file at `path` (links followed), or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec)
        changedNanoseconds = Int(info.st_ctimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int(info.st_ctim.tv_nsec)
        #endif
    }

    /// Whether `other` is the same file (device and inode), whatever its content.
    public func isSameFile(as other: FileStamp) -> Bool {
        device == other.device && inode == other.inode
    }
}
