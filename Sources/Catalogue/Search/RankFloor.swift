/// The lowest of the best `capacity` ranks seen, kept in a min-heap: once `capacity` records have
/// ranks, a text whose best possible rank is below `floor` cannot place a record among them.
struct RankFloor {
    private var heap: [Int] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// True once `capacity` ranks are held.
    var isFull: Bool { heap.count == capacity }

    /// The lowest held rank (meaningful when full).
    var floor: Int { heap.first ?? 0 }

    /// Offers the rank of a record seen for the first time.
    mutating func offer(_ rank: Int) {
        if heap.count < capacity {
            heap.append(rank)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard heap[parent] > heap[i] else { break }
                heap.swapAt(parent, i)
                i = parent
            }
        } else if let lowest = heap.first, rank > lowest {
            heap[0] = rank
            var i = 0
            while true {
                let left = 2 * i + 1, right = left + 1
                var smallest = i
                if left < heap.count && heap[left] < heap[smallest] { smallest = left }
                if right < heap.count && heap[right] < heap[smallest] { smallest = right }
                if smallest == i { break }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
    }
}
