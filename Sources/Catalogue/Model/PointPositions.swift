import Geodesy

/// Every point's type, subdistrict and items as positions in the catalogue's `pointTypes`,
/// `subdistricts` and `items` (the first record with the id; −1 for an id the catalogue does not
/// have), and its location: what the nearby index needs, which a compiled catalogue reads
/// without decoding a string per point.
public struct PointPositions: Equatable, Sendable {
    public var type: [Int32] = []
    public var subdistrict: [Int32] = []
    /// Point `p`'s items are `items[itemStarts[p]..<itemStarts[p + 1]]`.
    public var itemStarts: [Int32] = [0]
    public var items: [Int32] = []
    public var locations: [GeoCoordinate?] = []

    /// The items of point `point`.
    public func items(of point: Int) -> ArraySlice<Int32> {
        items[Int(itemStarts[point])..<Int(itemStarts[point + 1])]
    }

    mutating func append(type: Int32, subdistrict: Int32, items: [Int32], location: GeoCoordinate?) {
        self.type.append(type)
        self.subdistrict.append(subdistrict)
        self.items.append(contentsOf: items)
        itemStarts.append(Int32(self.items.count))
        locations.append(location)
    }
}
