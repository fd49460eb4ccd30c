import FuzzSupport

/// `compile-fuzz`: a note compiled to every format (CompileHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum CompileFuzz {
    static func main() {
        FuzzDriver.run(CompileHarness.run)
    }
}
