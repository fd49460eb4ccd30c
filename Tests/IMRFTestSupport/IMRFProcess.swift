public import Foundation
import Synchronization

/// Runs the built `imrf` binary as a user would, and captures what it says.
///
/// End-to-end tests go through this so they check the real process: its
/// stdout, stderr and exit status, with nothing mocked. In IMRFTestSupport
/// so that any test target may run the binary.
public struct IMRFProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The folder SwiftPM put the test bundle and the `imrf` binary in.
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("couldn't find the products directory")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    public static var binary: URL { productsDirectory.appendingPathComponent("imrf") }

    /// Runs `imrf arguments...` (or another `executable`), feeding `input`
    /// on stdin, in `directory`, with `environment` added to (or, with a nil
    /// value, removed from) the current one.
    public static func run(
        _ arguments: [String],
        executable: URL = binary,
        input: String? = nil,
        directory: URL? = nil,
        environment: [String: String?] = [:],
        keepStdinOpen: Bool = false,
        launched: (pid_t) -> Void = { _ in }
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        // A process that exits before reading all its input must fail its
        // test, not kill the test process with SIGPIPE.
        _ = ignoreBrokenPipes
        try process.run()
        launched(process.processIdentifier)
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        if !keepStdinOpen { try stdin.fileHandleForWriting.close() }
        // Read both pipes concurrently so a chatty process cannot fill one and block.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if keepStdinOpen { try stdin.fileHandleForWriting.close() }
        return Result(
            status: process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// A hostile input's ceiling: address space and CPU time set with
    /// util-linux's `prlimit` (so the kernel enforces them), and a wall-clock
    /// limit after which the process is killed.
    public struct ResourceCap: Sendable {
        public var memoryMiB: Int
        public var cpuSeconds: Int
        public var wallSeconds: Double

        public init(memoryMiB: Int = 1024, cpuSeconds: Int = 10, wallSeconds: Double = 20) {
            self.memoryMiB = memoryMiB
            self.cpuSeconds = cpuSeconds
            self.wallSeconds = wallSeconds
        }
    }

    /// Runs `imrf arguments...` under `cap`; `Result.status` is the exit
    /// status, or 128 + the signal when the kernel or the watchdog killed it
    /// (a test requiring a clear refusal then fails on the status).
    public static func run(
        _ arguments: [String],
        cap: ResourceCap,
        input: String? = nil,
        directory: URL? = nil,
        environment: [String: String?] = [:],
        keepStdinOpen: Bool = false
    ) throws -> Result {
        let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let prlimit else { throw CocoaError(.executableNotLoadable, userInfo: [NSFilePathErrorKey: "prlimit (util-linux)"]) }
        // A sanitizer's shadow memory reserves terabytes of address space, and
        // it runs several times slower: there only time is capped, loosely.
        let sanitized = Self.isSanitized
        let slowdown = sanitized ? 5 : 1
        let limited =
            (sanitized ? [] : ["--as=\(cap.memoryMiB << 20)"])
            + ["--cpu=\(cap.cpuSeconds * slowdown)", "--", binary.path] + arguments
        // The child's pid once launched; the watchdog kills only a launched child.
        let child = Mutex<pid_t>(0)
        let watchdog = DispatchSource.makeTimerSource()
        watchdog.schedule(deadline: .now() + cap.wallSeconds * Double(slowdown))
        watchdog.setEventHandler {
            child.withLock { pid in if pid > 0 { kill(pid, SIGKILL) } }
        }
        watchdog.resume()
        defer { watchdog.cancel() }
        let result = try run(
            limited, executable: URL(fileURLWithPath: prlimit), input: input, directory: directory,
            environment: environment, keepStdinOpen: keepStdinOpen, launched: { pid in child.withLock { $0 = pid } })
        return result
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Whether this test process, and so the `imrf` built with it, runs
    /// under AddressSanitizer or ThreadSanitizer (`swift test --sanitize`).
    public static let isSanitized: Bool = {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        return dlsym(handle, "__asan_init") != nil || dlsym(handle, "__tsan_init") != nil
    }()
}
