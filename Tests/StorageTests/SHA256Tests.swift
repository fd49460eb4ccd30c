import Foundation
import IMRFTestSupport
import Storage
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test func knownDigests() {
        // FIPS 180-2 test vectors.
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == SHA256.hex(of: Data("abc".utf8)))
    }

    /// Streamed in 1 MiB chunks, a file hashes as its bytes at once, across
    /// chunk boundaries, and its size is counted.
    @Test(arguments: [0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20])
    func aFileStreamedHashesAsItsBytes(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("bytes").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard let file = fopen(path, "rb") else {
            Issue.record("cannot open \(path)")
            return
        }
        defer { fclose(file) }
        let streamed = try #require(SHA256.digest(ofFile: file))
        #expect(streamed.size == Int64(size))
        #expect(streamed.digest.hex == SHA256.hex(of: bytes))
        #expect(streamed.digest.base64 == Data(streamed.digest.bytes).base64EncodedString())
        #expect(SHA256.hex(ofFileAtPath: path) == SHA256.hex(of: bytes))
    }
}
