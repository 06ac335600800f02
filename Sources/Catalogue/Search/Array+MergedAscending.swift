extension Array {
    /// This array and `other`, both ascending by `key` and disjoint, merged into one ascending array.
    func mergedAscending(with other: [Element], by key: (Element) -> Int32) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < count && j < other.count {
            if key(self[i]) < key(other[j]) {
                result.append(self[i])
                i += 1
            } else {
                result.append(other[j])
                j += 1
            }
        }
        result.append(contentsOf: self[i...])
        result.append(contentsOf: other[j...])
        return result
    }
}
