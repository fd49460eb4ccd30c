// The libFuzzer entry point, and a plain runner for the normal build.
//
// Fuzz/run.sh builds this target with `-sanitize=fuzzer,address -DFUZZING`;
// `main` then hands over to libFuzzer's driver, which calls
// `LLVMFuzzerTestOneInput` for each input. (SwiftPM links an executable's
// entry point under its own name, so libFuzzer's `main` cannot be used
// directly; `LLVMFuzzerRunDriver` is libFuzzer's API for this case.)
// In the normal build (no FUZZING) the target is a reproducer:
// `swift run compile-fuzz FILE...` runs each file through the same checks,
// so a crash input can be replayed without the fuzzing toolchain.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func compileFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    CompileHarness.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum Fuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, compileFuzzTestOneInput))
    }
}
#else
@main
enum Reproducer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("compile-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            data.withUnsafeBytes { CompileHarness.run($0) }
            print("\(path): ok")
        }
    }
}
#endif
