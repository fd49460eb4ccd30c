import COpenSSL
public import Foundation

/// SHA-256 digests as lowercase hex, the form receipts and the ledger show.
///
/// OpenSSL's libcrypto does the hashing (as the upload command's digest
/// does): a maintained implementation rather than one of our own.
public enum SHA256 {
    /// The digest of `bytes`.
    public static func hex(of bytes: Data) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = bytes.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        precondition(done == 1 && length == 32, "OpenSSL could not compute SHA-256")
        return digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The digest of the file at `path`; nil when it cannot be read.
    public static func hex(ofFileAtPath path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return hex(of: data)
    }
}
