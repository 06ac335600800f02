/// What a coverage figure is about: the points of one domain (through their type, as
/// `nearby --domain` counts them) or of one point type.
public enum CoverageLayer: Hashable, Sendable {
    case domain(String)
    case type(String)

    /// The domain or type id.
    public var id: String {
        switch self {
        case .domain(let id), .type(let id): return id
        }
    }

    /// The JSON key naming the layer's kind: `domain` or `type`.
    public var kindKey: String {
        switch self {
        case .domain: return "domain"
        case .type: return "type"
        }
    }

    /// True when the point (of the catalogue) counts for this layer.
    public func includes(_ point: ServicePoint, in catalogue: ServiceCatalogue) -> Bool {
        switch self {
        case .domain(let id): return catalogue.domainID(ofPoint: point) == id
        case .type(let id): return point.typeID == id
        }
    }

    /// The layer's name in the catalogue's language (the id when the catalogue does not know it).
    public func name(in catalogue: ServiceCatalogue, english: Bool = false) -> String {
        switch self {
        case .domain(let id):
            guard let domain = catalogue.domain(id) else { return id }
            return english && !domain.nameEnglish.isEmpty ? domain.nameEnglish : domain.name
        case .type(let id):
            guard let type = catalogue.pointType(id) else { return id }
            return english && !type.nameEnglish.isEmpty ? type.nameEnglish : type.name
        }
    }
}
