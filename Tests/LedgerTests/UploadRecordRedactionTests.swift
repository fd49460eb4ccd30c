import Ledger
import Testing

/// What the ledger keeps of a URL: never a user part, query or fragment,
/// even when the text is not a URL URLComponents can take apart.
@Suite("UploadRecord.withoutCredentials on broken URLs")
struct UploadRecordRedactionTests {
    @Test(arguments: [
        ("http://us er:s3cr3t@host/x?y=1", "http://host/x"),
        ("//me:s3cr3t@host/p", "//host/p"),
        ("me:s3cr3t@host/p?q=1", "host/p"),
        ("https://h.example/a b?token=s3cr3t", "https://h.example/a%20b"),
    ])
    func userPartAndQueryAreDropped(url: String, kept: String) {
        let recorded = UploadRecord.withoutCredentials(url)
        #expect(!recorded.contains("s3cr3t"))
        #expect(recorded == kept)
    }
}
