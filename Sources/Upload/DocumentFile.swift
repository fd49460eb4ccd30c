import Foundation

/// The document to upload, opened once: hashed, then read again from its
/// start by every attempt, so what is sent is what was hashed.
///
/// Only a regular file is taken: a device (`/dev/zero`) would be hashed
/// forever and a FIFO may never end, so both would hang the upload. The
/// file is opened with O_NONBLOCK, so opening a FIFO without a writer cannot
/// block either, and is checked with fstat on what was opened.
///
/// Sendable because one upload uses it from one thread at a time: it is
/// hashed, then each attempt reads it on a thread of its own
/// (`withOwnThread`), awaited before the next attempt seeks it back.
final class DocumentFile: @unchecked Sendable {
    let stream: UnsafeMutablePointer<FILE>

    init(path: String) throws(UploadError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno))))"
            throw UploadError(.unreadableFile, "\(path): \(reason)")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw UploadError(
                .unreadableFile, "\(path): not a regular file (a folder, a device or a pipe)",
                hint: "upload a document saved on disk, such as build/summary.docx"
            )
        }
        // Back to blocking reads, which libcurl's read callback expects.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let stream = fdopen(descriptor, "rb") else {
            close(descriptor)
            throw UploadError(.unreadableFile, "\(path): cannot read the file")
        }
        self.stream = stream
    }

    deinit { fclose(stream) }
}
