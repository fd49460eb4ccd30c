import FuzzSupport

/// `forum-fuzz`: forum.yaml through the parser and the writer (ForumHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum ForumFuzz {
    static func main() {
        FuzzDriver.run(ForumHarness.run)
    }
}
