/// The shortest edit script between two sequences of keys (Myers' O(ND)
/// algorithm), given up past a number of edits so that a pathological pair
/// costs at most O((N + M) x maximumEdits) time and O(maximumEdits²) memory:
/// the caller then falls back to replacing the whole.
enum BoundedDiff {
    enum Operation: Equatable {
        /// `a[old]` is `b[new]`.
        case equal(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// The operations turning `a` into `b`, in order; nil when more than
    /// `maximumEdits` insertions and deletions are needed. The common start
    /// and end are matched first, in linear time, whatever their length.
    static func operations(_ a: [Int], _ b: [Int], maximumEdits: Int) -> [Operation]? {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        guard
            let middle = middleOperations(
                a[prefix..<(a.count - suffix)], b[prefix..<(b.count - suffix)], maximumEdits: maximumEdits)
        else { return nil }
        var result: [Operation] = (0..<prefix).map { .equal(old: $0, new: $0) }
        result += middle
        result += (0..<suffix).map { .equal(old: a.count - suffix + $0, new: b.count - suffix + $0) }
        return result
    }

    /// Myers' forward search, keeping each step's furthest points (only the
    /// diagonals a step can reach) to walk back the path.
    private static func middleOperations(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>, maximumEdits: Int) -> [Operation]? {
        let n = a.count
        let m = b.count
        let aStart = a.startIndex
        let bStart = b.startIndex
        if n == 0 { return (0..<m).map { .insert(new: bStart + $0) } }
        if m == 0 { return (0..<n).map { .delete(old: aStart + $0) } }
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var furthest = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            // Diagonals -d-1 ... d+1 as they were before step d.
            trace.append(Array(furthest[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]))
                    ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[aStart + x] == b[bStart + y] {
                    x += 1
                    y += 1
                }
                furthest[offset + k] = x
                if x >= n, y >= m { return walkBack(trace, n: n, m: m, aStart: aStart, bStart: bStart) }
            }
        }
        return nil
    }

    private static func walkBack(_ trace: [[Int]], n: Int, m: Int, aStart: Int, bStart: Int) -> [Operation] {
        var operations: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let before = trace[d]
            func at(_ k: Int) -> Int { before[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                operations.append(.equal(old: aStart + x - 1, new: bStart + y - 1))
                x -= 1
                y -= 1
            }
            if d > 0 {
                operations.append(x == previousX ? .insert(new: bStart + y - 1) : .delete(old: aStart + x - 1))
            }
            x = previousX
            y = previousY
        }
        return operations.reversed()
    }
}
