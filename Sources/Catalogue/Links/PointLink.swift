/// A link that opens a service point somewhere a resident acts on it: a map app, a phone.
public struct PointLink: Sendable, Hashable {
    /// Where the link opens.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case amap, baidu, openStreetMap = "osm", geo, tel

        /// The label shown before the link.
        public var chineseName: String {
            switch self {
            case .amap: return "高德地图"
            case .baidu: return "百度地图"
            case .openStreetMap: return "OpenStreetMap"
            case .geo: return "geo 坐标"
            case .tel: return "电话"
            }
        }

        /// The label shown before the link in English.
        public var englishName: String {
            switch self {
            case .amap: return "Amap"
            case .baidu: return "Baidu Maps"
            case .openStreetMap: return "OpenStreetMap"
            case .geo: return "geo URI"
            case .tel: return "Phone"
            }
        }
    }

    public var kind: Kind
    /// The URI, ASCII only (names percent-encoded).
    public var url: String

    public init(kind: Kind, url: String) {
        self.kind = kind
        self.url = url
    }
}
