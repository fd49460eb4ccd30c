import Synchronization

/// Values the process holds until it exits, never released: a compiled
/// workspace of a thousand notes is a few hundred thousand small
/// allocations (every note's Markdown tree), and freeing them one by one
/// after the outputs are written took longer than writing them. The
/// operating system takes the memory back at exit in one go. Only for a
/// command that ends once its one piece of work is done.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: some Sendable) {
        values.withLock { $0.append(value) }
    }
}
