import Geodesy

/// What a spatial index needs of a point: its id, type, items, subdistrict and location, without
/// its texts (a compiled catalogue reads these without decoding names, addresses or hours).
public struct PointSummary: Hashable, Sendable {
    public var id: String
    public var typeID: String
    public var itemIDs: [String]
    public var subdistrictCode: String?
    public var location: GeoCoordinate?

    public init(id: String, typeID: String, itemIDs: [String], subdistrictCode: String?, location: GeoCoordinate?) {
        self.id = id
        self.typeID = typeID
        self.itemIDs = itemIDs
        self.subdistrictCode = subdistrictCode
        self.location = location
    }

    public init(_ point: ServicePoint) {
        self.init(id: point.id, typeID: point.typeID, itemIDs: point.itemIDs, subdistrictCode: point.subdistrictCode,
                  location: point.location)
    }
}
