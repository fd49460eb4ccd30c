import COpenSSL
import Foundation

/// SHA-256 of a file, read in chunks so memory stays flat (OpenSSL's libcrypto).
struct SHA256Digest: Sendable, Hashable {
    var bytes: [UInt8]

    var hex: String { bytes.map { byte in String(format: "%02x", byte) }.joined() }
    var base64: String { Data(bytes).base64EncodedString() }

    static func of(_ data: some Sequence<UInt8>) -> SHA256Digest {
        let context = Context()
        let array = Array(data)
        array.withUnsafeBytes { context.update($0) }
        return context.finish()
    }

    /// Hashes `file` from where it stands to its end; nil when it cannot be
    /// read. Also returns the number of bytes read.
    static func of(file: UnsafeMutablePointer<FILE>) -> (digest: SHA256Digest, size: Int64)? {
        let context = Context()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var size: Int64 = 0
        while true {
            let count = fread(buffer.baseAddress, 1, chunk, file)
            if count > 0 {
                context.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                size += Int64(count)
            }
            if count < chunk {
                if ferror(file) != 0 { return nil }
                break
            }
        }
        return (context.finish(), size)
    }

    private final class Context {
        let pointer: OpaquePointer

        init() {
            pointer = EVP_MD_CTX_new()
            EVP_DigestInit_ex(pointer, EVP_sha256(), nil)
        }

        func update(_ bytes: UnsafeRawBufferPointer) {
            EVP_DigestUpdate(pointer, bytes.baseAddress, bytes.count)
        }

        func finish() -> SHA256Digest {
            var output = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            EVP_DigestFinal_ex(pointer, &output, &length)
            return SHA256Digest(bytes: Array(output.prefix(Int(length))))
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }
}
