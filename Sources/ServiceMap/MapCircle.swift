/// One circle of the map, projected: the geodesic vertices on the plane.
public struct MapCircle: Sendable, Hashable {
    public var radiusMetres: Double
    /// The circle of the current radius, drawn emphasised.
    public var isCurrent: Bool
    public var ring: [MapPoint]

    public init(radiusMetres: Double, isCurrent: Bool, ring: [MapPoint]) {
        self.radiusMetres = radiusMetres
        self.isCurrent = isCurrent
        self.ring = ring
    }
}
