import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another program run to its end, or killed at a deadline with every
/// process it started: it runs in a process group of its own, and the whole
/// group is killed when time is up (LibreOffice's `soffice` is a script
/// that starts `oosplash`, which starts `soffice.bin`: killing the first
/// would leave the others converting).
///
/// Its stdin is /dev/null; its stdout and stderr go to one file, which the
/// caller reads when the program fails.
struct ExternalProgram {
    /// An absolute path.
    var executable: String
    var arguments: [String]
    var environment: [String: String] = ProcessInfo.processInfo.environment

    enum Outcome: Equatable {
        /// The program exited with this status (0 for success).
        case exited(Int32)
        /// The program was ended by this signal.
        case signalled(Int32)
        /// The deadline passed; the program and its group were killed.
        case timedOut
        /// It could not be started: the reason, as the system says it.
        case notStarted(String)
    }

    /// Runs the program, blocking the calling thread (call it off Swift's
    /// cooperative pool, `withBlockingWork`) until it ends or `timeout`
    /// passes.
    /// - Parameter output: the file its stdout and stderr are written to,
    ///   created or truncated.
    func run(timeout: Duration, output: String) -> Outcome {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own (pgid = its pid), the signals imrf ignores set
        // back to their defaults, none blocked.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { return .notStarted(String(cString: strerror(status))) }
        return wait(for: pid, timeout: timeout)
    }

    /// Polls the child every 20 ms: a few seconds of LibreOffice make the
    /// polling's cost nothing, and no thread or signal handler is needed.
    private func wait(for pid: pid_t, timeout: Duration) -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { return .exited(-1) }
            if clock.now >= deadline {
                // The group, while its leader is not yet reaped: its id
                // cannot have been given to another process.
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return .timedOut
            }
            usleep(20_000)
        }
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(status & 0x7f)
    }

    /// The absolute path of `name` in the folders of `PATH`, nil when no
    /// executable file has that name.
    static func find(_ name: String, path: String?) -> String? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (after links) this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }
}
