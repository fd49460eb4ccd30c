import Testing

@testable import ForumWorkspace

@Suite struct StoredNoteNameTests {
    @Test func slugsAreLowercaseASCIIWordsJoinedByHyphens() {
        #expect(StoredNoteName.slug("Jane Doe") == "jane-doe")
        #expect(StoredNoteName.slug("  Zoë   Müller-Łukasz ") == "zoe-muller-ukasz")
        #expect(StoredNoteName.slug("../../etc") == "etc")
        #expect(StoredNoteName.slug("/etc/passwd\0.md") == "etc-passwd-md")
        #expect(StoredNoteName.slug("..") == "")
        #expect(StoredNoteName.slug("محمد") == "")
        #expect(StoredNoteName.slug(String(repeating: "ab ", count: 40)).count <= StoredNoteName.maximumSlugLength)
        #expect(!StoredNoteName.slug(String(repeating: "ab ", count: 40)).hasSuffix("-"))
    }

    @Test func fileNamesStayInsideTheNotesFolder() {
        for author in ["../../etc", "..", ".hidden", "a/b\\c", "محمد", "", "Jane Doe"] {
            let name = StoredNoteName.fileName(session: "plenary", author: author)
            #expect(name.hasPrefix("plenary--"))
            #expect(name.hasSuffix(".md"))
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."), "\(name)")
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
        }
        #expect(StoredNoteName.fileName(session: "plenary", author: "محمد") == "plenary--author-\(StoredNoteName.authorHash("محمد")).md")
        #expect(
            StoredNoteName.fileName(session: "hearing", author: "Jane Doe", disambiguated: true)
                == "hearing--jane-doe-\(StoredNoteName.authorHash("Jane Doe")).md")
    }
}
