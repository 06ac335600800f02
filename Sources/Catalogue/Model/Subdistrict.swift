import Geodesy

/// A 街道 of the district with its communities and a representative point.
public struct Subdistrict: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    public var pinyin: String
    public var communities: [String]
    /// WGS-84 representative point, when one can be derived.
    public var centre: GeoCoordinate?
    public var centreNote: String?
    public var provenance: Provenance

    public var id: String { code }

    public init(code: String, name: String, pinyin: String, communities: [String], centre: GeoCoordinate?,
                centreNote: String?, provenance: Provenance) {
        self.code = code
        self.name = name
        self.pinyin = pinyin
        self.communities = communities
        self.centre = centre
        self.centreNote = centreNote
        self.provenance = provenance
    }
}
