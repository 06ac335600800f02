/// Per-record working arrays of a search, kept between keystrokes so that a search touches only
/// the records it finds instead of clearing arrays as long as the catalogue.
struct SearchScratch: Sendable {
    var bestRank: [Int] = []
    var bestEntry: [Int32] = []
    var bestField: [UInt8] = []
    var touched: [Int32] = []

    /// Makes the arrays `records` long (all ranks zero).
    mutating func prepare(records: Int) {
        guard bestRank.count != records else { return }
        bestRank = [Int](repeating: 0, count: records)
        bestEntry = [Int32](repeating: 0, count: records)
        bestField = [UInt8](repeating: 0, count: records)
        touched.removeAll(keepingCapacity: true)
    }

    /// Zeroes the ranks of the records the last search touched.
    mutating func clear() {
        for record in touched { bestRank[Int(record)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
