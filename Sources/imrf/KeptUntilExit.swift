import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values the process holds until it exits, never released: a compiled
/// workspace of a thousand notes is a few hundred thousand small
/// allocations (every note's Markdown tree), and the operating system takes
/// the memory back at exit in one go, sooner than freeing them one by one
/// (Benchmarks/README.md). Only for a command that ends once its one piece of
/// work is done: the CLI's call site, never a library or a server.
///
/// Under LeakSanitizer (`swift test --sanitize=address`, which runs this
/// binary) nothing is kept: it cannot follow Swift's enum payload pointers,
/// whose spare bits hold the case, so kept trees would look leaked at exit,
/// and freeing them as usual keeps every real leak visible.
enum KeptUntilExit {
    private static let values = Locked<[any Sendable]>([])

    /// Whether LeakSanitizer's runtime is linked in (it exports its interface).
    private static let leakSanitizerIsActive = dlsym(nil, "__lsan_do_leak_check") != nil

    static func keep(_ value: some Sendable) {
        guard !leakSanitizerIsActive else { return }
        values.withLock { $0.append(value) }
    }
}
