import FuzzSupport

/// `markdown-fuzz`: a note's Markdown written as summary.md writes it and read again (MarkdownHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum MarkdownFuzz {
    static func main() {
        FuzzDriver.run(MarkdownHarness.run)
    }
}
