import Geodesy

/// A place a location name may refer to, as listed when a name is ambiguous.
public struct LocationCandidate: Sendable, Hashable {
    /// What kind of place it is.
    public enum Kind: String, Sendable, Hashable {
        case servicePoint, landmark, subdistrict, community, savedPlace

        /// English word for the kind.
        public var englishName: String {
            switch self {
            case .servicePoint: return "service point"
            case .landmark: return "metro station"
            case .subdistrict: return "subdistrict"
            case .community: return "community"
            case .savedPlace: return "saved place"
            }
        }

        /// Chinese word for the kind.
        public var chineseName: String {
            switch self {
            case .servicePoint: return "服务点"
            case .landmark: return "地铁站"
            case .subdistrict: return "街道"
            case .community: return "社区"
            case .savedPlace: return "保存的地点"
            }
        }
    }

    public var kind: Kind
    /// Point or landmark id, subdistrict code, or for a community its subdistrict code.
    public var id: String
    public var name: String
    /// The WGS-84 point the place stands for; nil when the catalogue has none.
    public var location: GeoCoordinate?
    /// For a community, the name of its subdistrict.
    public var subdistrictName: String?

    public init(kind: Kind, id: String, name: String, location: GeoCoordinate?, subdistrictName: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.location = location
        self.subdistrictName = subdistrictName
    }

    /// One line naming the candidate in English, e.g. `香蜜湖 (metro station M-xiangmihu)`.
    public var englishLabel: String {
        switch kind {
        case .community: return "\(name) (community in \(subdistrictName ?? "?"))"
        case .servicePoint, .landmark: return "\(name) (\(kind.englishName) \(id))"
        case .subdistrict: return "\(name) (subdistrict)"
        case .savedPlace: return "\(name) (saved place)"
        }
    }

    /// One line naming the candidate in Chinese, e.g. `香蜜湖（地铁站 M-xiangmihu）`.
    public var chineseLabel: String {
        switch kind {
        case .community: return "\(name)（\(subdistrictName ?? "?")的社区）"
        case .servicePoint, .landmark: return "\(name)（\(kind.chineseName) \(id)）"
        case .subdistrict: return "\(name)（街道）"
        case .savedPlace: return "\(name)（保存的地点）"
        }
    }
}
