import Foundation
import Testing

/// The built-in templates are compiled in with SwiftPM's `.embedInCode`
/// (see BuiltInTemplates); this fixture is embedded the same way
/// (SummaryCompilerTests' resources in Package.swift) to show that any
/// template text comes through byte for byte, above all what would end or
/// escape a Swift string literal if the templates were pasted into source.
@Suite struct EmbeddedTemplateTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/swift-delimiters.mustache")

    @Test func embeddedBytesAreTheFile() throws {
        let file = Array(try Data(contentsOf: Self.fixture))
        #expect(PackageResources.swift_delimiters_mustache == file)
    }

    /// Guards the fixture itself: it must keep holding the hard cases.
    @Test(arguments: ["\"\"\"#", "\"##", "\\#(", "\\(", "\r\n", "\r{{", "\t"])
    func fixtureHoldsTheHardCase(_ hardCase: String) throws {
        let text = String(decoding: try Data(contentsOf: Self.fixture), as: UTF8.self)
        #expect(text.contains(hardCase))
    }
}
