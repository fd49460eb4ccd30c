import Foundation

/// The entry point every fuzz target shares, so that a target is only its
/// harness: `FuzzDriver.run(NoteHarness.run)`.
///
/// Fuzz/run.sh builds the targets with `-sanitize=fuzzer,address -DFUZZING`;
/// `run` then hands the process over to libFuzzer's driver, which calls the
/// harness for each input. (SwiftPM links an executable's entry point under
/// its own name, so libFuzzer's `main` cannot be used directly;
/// `LLVMFuzzerRunDriver` is libFuzzer's API for this case.) In the normal
/// build (no FUZZING) the target is a reproducer: `swift run note-fuzz FILE...`
/// runs each file through the same harness, so a crash input can be replayed
/// without the fuzzing toolchain.
public enum FuzzDriver {
    /// One input through a target's checks; a broken invariant calls
    /// `fatalError`, which libFuzzer records as a crash with its input.
    public typealias Harness = @Sendable (UnsafeRawBufferPointer) -> Void

    public static func run(_ harness: @escaping Harness) -> Never {
        #if FUZZING
        installedHarness = harness
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzzTestOneInput))
        #else
        let name = URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(name): cannot read \(path)\n".utf8))
                exit(1)
            }
            data.withUnsafeBytes { harness($0) }
            print("\(path): ok")
        }
        exit(0)
        #endif
    }

    #if FUZZING
    /// The harness libFuzzer's C callback calls: a `@convention(c)` function
    /// cannot capture it, so `run` stores it here before the hand-over.
    /// Unsynchronised access is safe: it is written once, before
    /// `LLVMFuzzerRunDriver` starts, and only read after, by libFuzzer calling
    /// the target on that same thread, one input at a time (`-jobs` and
    /// `-fork` run more processes, not more threads).
    nonisolated(unsafe) fileprivate static var installedHarness: Harness?
    #endif
}

#if FUZZING
/// The one `LLVMFuzzerTestOneInput` of each fuzz executable (libFuzzer's
/// runtime refers to the symbol), linked in with this module.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let harness = FuzzDriver.installedHarness else {
        fatalError("FuzzDriver: LLVMFuzzerTestOneInput called before FuzzDriver.run installed a harness")
    }
    harness(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
