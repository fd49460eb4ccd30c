/// A deterministic generator (SplitMix64) for the tests that draw many
/// inputs at random (fast paths against their references, random calendars
/// and ledgers, file contents): the same seed gives the same inputs, so a
/// failure reproduces.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A string of `0..<maximumLength` pieces drawn from `alphabet`.
    public mutating func string(from alphabet: [String], maximumLength: Int) -> String {
        let count = Int.random(in: 0..<maximumLength, using: &self)
        return (0..<count).map { _ in alphabet.randomElement(using: &self)! }.joined()
    }
}
