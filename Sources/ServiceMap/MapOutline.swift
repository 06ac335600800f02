import Geodesy

/// A named area drawn as its outline: the district, a subdistrict, an uncovered patch.
public struct MapOutline: Sendable, Hashable {
    public var name: String
    /// Closed or open rings in WGS-84 (outer rings and holes alike are drawn as lines).
    public var rings: [[GeoCoordinate]]

    public init(name: String, rings: [[GeoCoordinate]]) {
        self.name = name
        self.rings = rings
    }
}
