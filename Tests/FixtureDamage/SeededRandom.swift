/// A small seeded generator (xorshift64*), so that every fuzz run makes the same cases.
public struct SeededRandom {
    public var state: UInt64

    public init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9 : seed }

    public mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A number in 0..<bound (0 when bound is at most 1).
    public mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    public mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 32) }
}

extension Array {
    /// The elements in an order drawn from `random`.
    public func shuffled(using random: inout SeededRandom) -> [Element] {
        var result = self
        for index in result.indices.reversed() where index > 0 { result.swapAt(index, random.below(index + 1)) }
        return result
    }
}

/// SplitMix64, the fixed-seed generator of the fuzz, fault and equivalence tests: a seed gives
/// the same cases on every machine, so a failing case can be replayed from its seed.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (the next value modulo `bound`).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
