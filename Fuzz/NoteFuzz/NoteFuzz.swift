import FuzzSupport

/// `note-fuzz`: note files through the note parser (NoteHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum NoteFuzz {
    static func main() {
        FuzzDriver.run(NoteHarness.run)
    }
}
