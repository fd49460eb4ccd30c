import FuzzSupport

/// `word-import-fuzz`: a Word file made into a note (WordImportHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum WordImportFuzz {
    static func main() {
        FuzzDriver.run(WordImportHarness.run)
    }
}
