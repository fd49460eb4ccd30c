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

    /// Compiles `ws` to `out` with the templates in `office`.
    func compile(in temporary: TemporaryFolder) throws -> IMRFProcess.Result {
        try IMRFProcess.run(
            ["compile", "ws", "--format", "md", "--templates", "office", "--out", "out"], cap: Self.cap, directory: temporary.url)
    }

    /// Each refused at the template's line, with the cycle named; nothing is written.
    @Test(arguments: [
        (
            "a template that includes itself",
            ["summary.md.mustache": "# {{title}}\n\n{{#sections}}\n{{> summary.md}}\n{{/sections}}\n"],
            "office/summary.md.mustache:4:1: error: template 'summary.md' includes itself (summary.md -> summary.md)\n"
        ),
        (
            "templates that include each other",
            [
                "summary.md.mustache": "# {{title}}\n{{>a}}\n",
                "a.mustache": "A\n{{#sections}}{{>b}}{{/sections}}\n",
                "b.mustache": "B\n\nB again {{>a}}\n",
            ],
            "office/a.mustache:2:1: error: template 'a' includes itself (a -> b -> a)\n"
        ),
        (
            "an inherited block that expands itself",
            [
                "summary.md.mustache": "{{<frame}}{{$body}}x{{$body}}{{/body}}{{/body}}{{/frame}}\n",
                "frame.mustache": "# {{title}}\n{{$body}}{{/body}}\n",
            ],
            "office/summary.md.mustache:1:1: error: block 'body' includes itself (body -> body)\n"
        ),
        (
            "a partial named by a value",
            ["summary.md.mustache": "# {{title}}\n\n{{>*title}}\n"],
            "office/summary.md.mustache:3:1: error: template 'summary.md' includes a template named by the value 'title'\n"
        ),
    ])
    func refused(_ label: String, templates: [String: String], error: String) throws {
        try withExampleWorkspace { temporary in
            try prepare(temporary, templates)
            let result = try compile(in: temporary)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.hasPrefix(error), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("out").path))
        }
    }

    @Test func aTemplateIncludingAnotherTwiceIsFine() throws {
        try withExampleWorkspace { temporary in
            try prepare(
                temporary,
                [
                    "summary.md.mustache": "# {{title}}\n{{>part}}\n{{#sections}}{{>part}}{{/sections}}\n",
                    "part.mustache": "({{heading}})\n",
                ])
            let result = try compile(in: temporary)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }
}
