import Geodesy

/// A question "what is within this many metres of here", with optional filters.
public struct NearbyQuery: Sendable, Hashable {
    /// The circles the district publishes, in metres.
    public static let standardRadiiMetres: [Double] = [500, 1000, 1500]
    /// The accepted radius range in metres.
    public static let radiusRangeMetres: ClosedRange<Double> = 1...50_000

    /// The centre on WGS-84.
    public var origin: GeoCoordinate
    public var radiusMetres: Double
    /// Only points whose type belongs to this domain.
    public var domainID: String?
    /// Only points that provide this item.
    public var itemID: String?
    /// Only points of this type.
    public var pointTypeID: String?
    /// Only points in this subdistrict.
    public var subdistrictCode: String?
    /// At most this many hits (the summary and counts still cover all of them).
    public var limit: Int?

    /// A query by ids; throws when the radius or limit is out of range.
    public init(origin: GeoCoordinate, radiusMetres: Double, domainID: String? = nil, itemID: String? = nil,
                pointTypeID: String? = nil, subdistrictCode: String? = nil, limit: Int? = nil) throws(NearbyError) {
        guard Self.radiusRangeMetres.contains(radiusMetres) else { throw .radiusOutOfRange(radiusMetres) }
        if let limit, limit < 1 { throw .limitOutOfRange(limit) }
        self.origin = origin
        self.radiusMetres = radiusMetres
        self.domainID = domainID
        self.itemID = itemID
        self.pointTypeID = pointTypeID
        self.subdistrictCode = subdistrictCode
        self.limit = limit
    }

    /// A query whose filters are given as users type them (id, code or name), resolved against a catalogue.
    public init(origin: GeoCoordinate, radiusMetres: Double, domain: String?, item: String?, pointType: String?,
                subdistrict: String?, limit: Int?, in catalogue: ServiceCatalogue) throws(NearbyError) {
        let filters = try TypedFilters(domain: domain, item: item, pointType: pointType, subdistrict: subdistrict, in: catalogue)
        try self.init(origin: origin, radiusMetres: radiusMetres, domainID: filters.domainID, itemID: filters.itemID,
                      pointTypeID: filters.pointTypeID, subdistrictCode: filters.subdistrictCode, limit: limit)
    }

    /// The circles the summary counts in: 500, 1000 and 1500 m, plus this query's radius.
    public var summaryRadiiMetres: [Double] {
        Array(Set(Self.standardRadiiMetres + [radiusMetres])).sorted()
    }
}
