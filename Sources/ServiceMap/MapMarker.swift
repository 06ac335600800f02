/// A service point as the map draws it: where it lands, its domain and whether it is sample data.
public struct MapMarker: Sendable, Hashable {
    public var pointID: String
    public var name: String
    /// The point type's name in the interface language.
    public var typeName: String
    /// Position of the point's domain in the catalogue's domain list, or -1 when unknown.
    public var domainIndex: Int
    /// Sample (made-up) data rather than a reference source.
    public var isSample: Bool
    /// From the district's own files (drawn like reference data, counted apart in legends).
    public var isOfficial: Bool
    public var position: MapPoint
    /// Ellipsoidal distance from the origin.
    public var distanceMetres: Double

    public init(pointID: String, name: String, typeName: String, domainIndex: Int, isSample: Bool,
                position: MapPoint, distanceMetres: Double, isOfficial: Bool = false) {
        self.pointID = pointID
        self.name = name
        self.typeName = typeName
        self.domainIndex = domainIndex
        self.isSample = isSample
        self.isOfficial = isOfficial
        self.position = position
        self.distanceMetres = distanceMetres
    }

    /// The raster tag of a point: its domain and sample flag in one number.
    public var tag: Int32 { Int32(max(-1, domainIndex)) * 2 + (isSample ? 1 : 0) }
}
