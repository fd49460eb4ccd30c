import Foundation
import IMRFTestSupport
import Testing

/// Templates that include themselves, directly or through others: swift-mustache
/// renders partials by recursion with no depth limit, so imrf must refuse them
/// before rendering, at the template's line, instead of overflowing its stack.
@Suite("hostile templates")
struct HostileTemplateTests {
    static let cap = IMRFProcess.ResourceCap(memoryMiB: 1024, cpuSeconds: 10, wallSeconds: 20)

    /// A templates folder `office` beside the workspace, holding `files`.
    func prepare(_ temporary: TemporaryFolder, _ files: [String: String]) throws {
        let office = temporary.url.appendingPathComponent("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: office.appendingPathComponent(name))
        }
    }

    @Test func aTemplateThatIncludesItselfIsRefusedAtItsLine() throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, ["summary.md.mustache": "# {{title}}\n\n{{#sections}}\n{{> summary.md}}\n{{/sections}}\n"])
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(
                "office/summary.md.mustache:4:1: error: template 'summary.md' includes itself (summary.md -> summary.md)\n"
            ), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out").path))
        }
    }

    @Test func templatesThatIncludeEachOtherAreRefused() throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, [
                "summary.md.mustache": "# {{title}}\n{{>a}}\n",
                "a.mustache": "A\n{{#sections}}{{>b}}{{/sections}}\n",
                "b.mustache": "B\n\nB again {{>a}}\n",
            ])
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(
                "office/a.mustache:2:1: error: template 'a' includes itself (a -> b -> a)\n"
            ), "\(result.stderr)")
        }
    }

    @Test func anInheritedBlockThatExpandsItselfIsRefused() throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, [
                "summary.md.mustache": "{{<frame}}{{$body}}x{{$body}}{{/body}}{{/body}}{{/frame}}\n",
                "frame.mustache": "# {{title}}\n{{$body}}{{/body}}\n",
            ])
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(
                "office/summary.md.mustache:1:1: error: block 'body' includes itself (body -> body)\n"
            ), "\(result.stderr)")
        }
    }

    @Test func aPartialNamedByAValueIsRefused() throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, ["summary.md.mustache": "# {{title}}\n\n{{>*title}}\n"])
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(
                "office/summary.md.mustache:3:1: error: template 'summary.md' includes a template named by the value 'title'\n"
            ), "\(result.stderr)")
        }
    }

    @Test func aTemplateIncludingAnotherTwiceIsFine() throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, [
                "summary.md.mustache": "# {{title}}\n{{>part}}\n{{#sections}}{{>part}}{{/sections}}\n",
                "part.mustache": "({{heading}})\n",
            ])
            let result = try IMRFProcess.run(
                ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }
}
