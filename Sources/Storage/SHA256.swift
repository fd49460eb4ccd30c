import COpenSSL
public import Foundation

/// A SHA-256 digest: what the ledger, receipts and uploads record of a file.
///
/// OpenSSL's libcrypto does the hashing: a maintained implementation rather
/// than one of our own. One shot (`SHA256.hex(of:)`) or streamed in chunks
/// (`SHA256.digest(of:)` on an open file), so memory stays flat for a large
/// upload.
public struct SHA256: Sendable, Hashable {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    /// Lowercase hexadecimal, the form receipts and the ledger show.
    public var hex: String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            let digits = Array("0123456789abcdef".utf8)
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    /// Base64, the form of HTTP's `Content-Digest` / `Repr-Digest` headers.
    public var base64: String { Data(bytes).base64EncodedString() }

    /// The digest of `bytes`.
    public static func digest(of bytes: some ContiguousBytes) -> SHA256 {
        let hasher = Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    /// The digest of `bytes` in lowercase hexadecimal.
    public static func hex(of bytes: some ContiguousBytes) -> String {
        digest(of: bytes).hex
    }

    /// The digest of the file at `path`, streamed; nil when it cannot be read.
    public static func hex(ofFileAtPath path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        return digest(ofFile: file)?.digest.hex
    }

    /// Hashes `file` from where it stands to its end, in chunks of 1 MiB;
    /// nil when it cannot be read. Also returns the number of bytes read.
    public static func digest(ofFile file: UnsafeMutablePointer<FILE>) -> (digest: SHA256, size: Int64)? {
        let hasher = Hasher()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var size: Int64 = 0
        while true {
            let count = fread(buffer.baseAddress, 1, chunk, file)
            if count > 0 {
                hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                size += Int64(count)
            }
            if count < chunk {
                if ferror(file) != 0 { return nil }
                break
            }
        }
        return (hasher.finish(), size)
    }

    /// An OpenSSL digest context, freed with its owner.
    private final class Hasher {
        let context: OpaquePointer

        init() {
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                preconditionFailure("OpenSSL could not start a SHA-256 digest")
            }
            self.context = context
        }

        func update(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count > 0 else { return }
            precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "OpenSSL could not compute SHA-256")
        }

        func finish() -> SHA256 {
            var output = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, &output, &length) == 1 && length == 32, "OpenSSL could not compute SHA-256")
            return SHA256(bytes: output)
        }

        deinit { EVP_MD_CTX_free(context) }
    }
}
