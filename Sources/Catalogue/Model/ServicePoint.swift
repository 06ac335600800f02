import Geodesy

/// A place where service items are provided.
public struct ServicePoint: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var typeID: String
    public var itemIDs: [String]
    /// The 街道 code, nil when no source tells.
    public var subdistrictCode: String?
    public var community: String?
    public var address: String?
    public var phone: String?
    public var hours: String?
    /// WGS-84 location; nil when no source gives a usable one.
    public var location: GeoCoordinate?
    /// The datum the source published the location in.
    public var sourceDatum: Datum?
    /// The source's own coordinate before conversion to WGS-84.
    public var sourceCoordinate: GeoCoordinate?
    public var note: String?
    public var provenance: Provenance
    /// The file, sheet and row an imported point was read from.
    public var origin: ImportOrigin?

    public init(id: String, name: String, typeID: String, itemIDs: [String], subdistrictCode: String?,
                community: String?, address: String?, phone: String?, hours: String?,
                location: GeoCoordinate?, sourceDatum: Datum?, sourceCoordinate: GeoCoordinate?,
                note: String?, provenance: Provenance, origin: ImportOrigin? = nil) {
        self.id = id
        self.name = name
        self.typeID = typeID
        self.itemIDs = itemIDs
        self.subdistrictCode = subdistrictCode
        self.community = community
        self.address = address
        self.phone = phone
        self.hours = hours
        self.location = location
        self.sourceDatum = sourceDatum
        self.sourceCoordinate = sourceCoordinate
        self.note = note
        self.provenance = provenance
        self.origin = origin
    }
}
