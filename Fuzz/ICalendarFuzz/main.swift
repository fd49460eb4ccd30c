// The libFuzzer entry point, and a plain runner for the normal build.
//
// Fuzz/run.sh builds this target with `-sanitize=fuzzer,address
// -parse-as-library -DFUZZING`: libFuzzer then provides `main` and calls
// `LLVMFuzzerTestOneInput` for each input. In the normal build (no FUZZING)
// the target is a reproducer: `icalendar-fuzz FILE...` runs each file
// through the same checks, so a crash input can be replayed without the
// fuzzing toolchain.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func icalendarFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ICalendarHarness.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("icalendar-fuzz: cannot read \(path)\n".utf8))
        exit(1)
    }
    data.withUnsafeBytes { ICalendarHarness.run($0) }
    print("\(path): ok")
}
#endif
