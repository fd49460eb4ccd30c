import Foundation

/// A bearer token. It prints as `<redacted>` however it is interpolated, so
/// it cannot reach output, logs or errors by accident; only the request
/// header is built from `secret`.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    let secret: String

    public init(_ secret: String) throws(UploadError) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw UploadError(.badTokenFile, "the token is empty")
        }
        guard !trimmed.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw UploadError(.badTokenFile, "the token must be one line")
        }
        self.secret = trimmed
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "BearerToken(<redacted>)" }

    /// Reads the token from `path`, refusing a file that its group or
    /// others may read (as ssh does for private keys).
    public static func read(fromFile path: String) throws(UploadError) -> BearerToken {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw UploadError(.badTokenFile, "\(path): cannot read the token file (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw UploadError(
                .badTokenFile,
                "\(path): the token file is readable by others (mode \(String(info.st_mode & 0o777, radix: 8)))",
                hint: "run: chmod 600 \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UploadError(.badTokenFile, "\(path): cannot read the token file")
        }
        do {
            return try BearerToken(String(decoding: data, as: UTF8.self))
        } catch {
            throw UploadError(.badTokenFile, "\(path): \(error.message)")
        }
    }
}
