import Foundation
import IMRFTestSupport
import Testing

@testable import SummaryCompiler

/// Where the templates come from: the option, IMRF_TEMPLATES, then the
/// installation, only a folder holding imrf's templates, never the current folder.
@Suite("Templates folder lookup")
struct TemplatesLookupTests {
    /// `root/bin/imrf` (not created: only its path matters), `root/Templates`
    /// as GNOME's, and the current folder switched to `root/work` with a
    /// Templates/ of imrf's names.
    @Test func neitherTheCurrentFolderNorAFolderWithoutImrfsTemplates() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let root = temporary.url
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("Templates/Untitled Document"))
        let executable = root.appendingPathComponent("bin/imrf").path
        #expect(Summary.templatesDirectory(explicit: nil, executable: executable, environment: [:]) == nil)
        #expect(Summary.templatesDirectory(explicit: nil, executable: executable, environment: ["IMRF_TEMPLATES": "office"]) == "office")
        #expect(Summary.templatesDirectory(explicit: "mine", executable: executable, environment: ["IMRF_TEMPLATES": "office"]) == "mine")
        for name in ["summary.md.mustache", "summary.html.mustache"] {
            try Data().write(to: root.appendingPathComponent("Templates/" + name))
        }
        #expect(Summary.templatesDirectory(explicit: nil, executable: executable, environment: [:]) == root.appendingPathComponent("Templates").path)
    }
}
