import Glibc
import Synchronization

/// Values the process holds until it exits, never released: a compiled
/// workspace of a thousand notes is a few hundred thousand small
/// allocations (every note's Markdown tree), and freeing them one by one
/// after the outputs are written took longer than writing them (about 15 ms
/// of a 0.25 s compile). The operating system takes the memory back at exit
/// in one go. Only for a command that ends once its one piece of work is done.
///
/// Under LeakSanitizer (`swift test --sanitize=address`, which runs this
/// binary) nothing is kept: it cannot follow Swift's enum payload pointers,
/// whose spare bits hold the case, so kept trees would look leaked at exit,
/// and freeing them as usual keeps every real leak visible.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    /// Whether LeakSanitizer's runtime is linked in (it exports its interface).
    private static let leakSanitizerIsActive = dlsym(nil, "__lsan_do_leak_check") != nil

    static func keep(_ value: some Sendable) {
        guard !leakSanitizerIsActive else { return }
        values.withLock { $0.append(value) }
    }
}
