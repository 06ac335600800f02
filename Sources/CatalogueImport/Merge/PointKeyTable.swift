/// Strings filed by point index without keeping the strings: an open-addressing table whose slots
/// hold 32 bits of the key's hash and the index of the point filed under it. A look-up compares
/// the key with the point's own (the caller reads it back, from memory or from the spool), so
/// matching stays exact however the hashes collide; a million keys take 16 MB (two slots of
/// eight bytes per key), where a `[String: Int]` took 24 bytes a slot and each key's string.
struct PointKeyTable {
    /// Empty (0), or the hash fragment above and the point's index + 1 below.
    private(set) var slots = [UInt64](repeating: 0, count: 16)
    private(set) var count = 0

    /// The 32 bits of `key`'s hash the table files it by (the hash is `String`'s own, so keys
    /// that are equal as Swift strings have the same fragment).
    static func fragment(_ key: String) -> UInt32 {
        let hash = UInt64(bitPattern: Int64(key.hashValue))
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The slot of the key with `fragment` that `matches` confirms, with the index filed there;
    /// else the empty slot where it would go, and nil.
    func find(_ fragment: UInt32, matches: (Int) -> Bool) -> (slot: Int, index: Int?) {
        let mask = slots.count - 1
        var i = Int(fragment) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return (i, nil) }
            if UInt32(truncatingIfNeeded: slot >> 32) == fragment {
                let index = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if matches(index) { return (i, index) }
            }
            i = (i + 1) & mask
        }
    }

    /// Files `index` under `fragment` in `slot` (from `find`), replacing the index there.
    mutating func store(_ index: Int, fragment: UInt32, in slot: Int) {
        precondition(index >= 0 && index < 0xFFFF_FFFF, "a point index beyond 32 bits")
        let wasEmpty = slots[slot] == 0
        slots[slot] = UInt64(fragment) << 32 | UInt64(index + 1)
        guard wasEmpty else { return }
        count += 1
        // At most half full, so that probes stay short.
        if count * 2 > slots.count { grow() }
    }

    mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var i = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// Row numbers (or none), four bytes each: the few that do not fit in 32 bits are kept aside.
/// `Int.min` reads back as no row, as it did where rows were kept as `Int` with that mark.
struct RowColumn: Sendable {
    var packed: [Int32] = []
    var wide: [Int: Int] = [:]
    static let none = Int32.min
    static let aside = Int32.max

    var count: Int { packed.count }

    mutating func append(_ row: Int?) {
        packed.append(Self.none)
        self[packed.count - 1] = row
    }

    subscript(i: Int) -> Int? {
        get {
            let value = packed[i]
            return value == Self.none ? nil : value == Self.aside ? wide[i] : Int(value)
        }
        set {
            if packed[i] == Self.aside { wide[i] = nil }
            guard let row = newValue, row != Int.min else { packed[i] = Self.none; return }
            if let small = Int32(exactly: row), small != Self.none, small != Self.aside {
                packed[i] = small
            } else {
                packed[i] = Self.aside
                wide[i] = row
            }
        }
    }
}
