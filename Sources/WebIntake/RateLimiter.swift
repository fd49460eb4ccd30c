import Foundation

/// At most `limit` checks and submissions per person in any 60 seconds
/// (a sliding window, per invitation); beyond it the request is refused
/// with 429 and `Retry-After`.
actor RateLimiter {
    let limit: Int
    private var recent: [String: [Date]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    static let window: TimeInterval = 60

    /// Nil when `key` may go on (and the request is counted), else the
    /// whole seconds until it may.
    func admit(_ key: String, at now: Date) -> Int? {
        var times = recent[key, default: []].filter { now.timeIntervalSince($0) < Self.window }
        if times.count >= limit, let oldest = times.first {
            recent[key] = times
            return max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        times.append(now)
        recent[key] = times
        if recent.count > 10_000 { recent = recent.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < Self.window } }
        return nil
    }
}
