import Geodesy

/// A place people say they are at, such as a metro station.
public struct Landmark: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// `metro` for metro stations.
    public var kind: String
    public var lines: [String]
    /// WGS-84 location.
    public var location: GeoCoordinate
    public var sourceDatum: Datum
    public var sourceCoordinate: GeoCoordinate?
    public var provenance: Provenance

    public init(id: String, name: String, kind: String, lines: [String], location: GeoCoordinate,
                sourceDatum: Datum, sourceCoordinate: GeoCoordinate?, provenance: Provenance) {
        self.id = id
        self.name = name
        self.kind = kind
        self.lines = lines
        self.location = location
        self.sourceDatum = sourceDatum
        self.sourceCoordinate = sourceCoordinate
        self.provenance = provenance
    }
}
