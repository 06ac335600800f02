import Geodesy

/// The polygon of one 街道 from `subdistricts.geojson`: a hand-drawn approximation that neither
/// tiles the district nor follows its boundary, so a location may lie in no subdistrict at all.
public struct SubdistrictBoundary: Sendable, Equatable, Identifiable {
    /// The subdistrict's code, as in subdistricts.json.
    public var code: String
    public var name: String
    /// The polygons (outer ring, then holes), WGS-84, rings closed, exteriors anticlockwise.
    public var area: Boundary
    /// What the polygon covers and how it was made (for 福保街道: only its 福田保税区 part).
    public var note: String?
    public var provenance: Provenance

    public var id: String { code }

    public init(code: String, name: String, area: Boundary, note: String?, provenance: Provenance) {
        self.code = code
        self.name = name
        self.area = area
        self.note = note
        self.provenance = provenance
    }

    /// True when the coordinate lies inside the polygon (outside its holes).
    public func contains(_ c: GeoCoordinate) -> Bool { area.contains(c) }
}
