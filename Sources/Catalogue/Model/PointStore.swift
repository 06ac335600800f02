import Foundation

/// Where a catalogue's points live: in an array, or in a compiled section (`PointImage`) from
/// which single points are decoded on demand and all of them at most once, when a caller first
/// asks for the whole list.
final class PointStore: @unchecked Sendable {
    let image: PointImage?
    /// Guarded by `lock`: the decoded points, once someone has asked for all of them.
    private var decoded: [ServicePoint]?
    private let lock = NSLock()

    init(values: [ServicePoint]) {
        image = nil
        decoded = values
    }

    init(image: PointImage) {
        self.image = image
    }

    /// Every point, in catalogue order (decoded from the image on first use).
    var values: [ServicePoint] {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let all = image?.all() ?? []
        decoded = all
        return all
    }

    /// The points if they have been decoded (or were never encoded); nil otherwise.
    var decodedValues: [ServicePoint]? {
        lock.lock()
        defer { lock.unlock() }
        return decoded
    }

    var count: Int {
        if let image { return image.count }
        return values.count
    }

    /// The point at `index`, without decoding the others.
    func point(at index: Int) -> ServicePoint {
        if let image { return decodedValues?[index] ?? image.point(at: index) }
        return values[index]
    }
}
