/// Filters as people type them (an id, a code or a name), resolved to ids against a catalogue;
/// the listing commands and nearby queries share it, so an unknown filter reads the same way
/// everywhere.
public struct TypedFilters: Sendable, Hashable {
    public var domainID: String?
    public var itemID: String?
    public var pointTypeID: String?
    public var subdistrictCode: String?

    /// Resolves each given filter; the first unknown one throws, listing what is known.
    public init(domain: String? = nil, item: String? = nil, pointType: String? = nil, subdistrict: String? = nil,
                in catalogue: ServiceCatalogue) throws(NearbyError) {
        if let domain {
            guard let found = catalogue.findDomain(domain) else {
                throw .unknownFilter(kind: .domain, text: domain, known: catalogue.domains.map { "\($0.id) \($0.name)" })
            }
            domainID = found.id
        }
        if let item {
            guard let found = catalogue.findItem(item) else { throw .unknownFilter(kind: .item, text: item, known: []) }
            itemID = found.id
        }
        if let pointType {
            guard let found = catalogue.findPointType(pointType) else {
                throw .unknownFilter(kind: .pointType, text: pointType, known: catalogue.pointTypes.map { "\($0.id) \($0.name)" })
            }
            pointTypeID = found.id
        }
        if let subdistrict {
            guard let found = catalogue.findSubdistrict(subdistrict) else {
                throw .unknownFilter(kind: .subdistrict, text: subdistrict, known: catalogue.subdistricts.map(\.name))
            }
            subdistrictCode = found.code
        }
    }
}
