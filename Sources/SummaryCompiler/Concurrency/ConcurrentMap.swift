import Dispatch

extension Array where Element: Sendable {
    /// The elements transformed on every core at once, in their order.
    ///
    /// Each iteration initializes only its own element of the result, so the
    /// order of the output never depends on scheduling; for the notes of a
    /// workspace, read and parsed independently of each other.
    func concurrentMap<Transformed>(_ transform: @Sendable (Element) -> Transformed) -> [Transformed] {
        guard !isEmpty else { return [] }
        return [Transformed](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each iteration writes its own element only.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (base + index).initialize(to: transform(self[index]))
            }
            initializedCount = count
        }
    }
}
