import Geodesy

/// A place the user saved under a name of their own (家, 公司), usable wherever a location is.
public struct SavedPlace: Sendable, Hashable {
    public var name: String
    /// The WGS-84 location distances are measured from.
    public var location: GeoCoordinate
    /// The datum the coordinates were given in, and the coordinates as given.
    public var datumRead: Datum
    public var coordinateRead: GeoCoordinate
    /// What the place was saved from, as the user typed it or the browser named it.
    public var savedFrom: String

    public init(name: String, location: GeoCoordinate, datumRead: Datum = .wgs84, coordinateRead: GeoCoordinate? = nil,
                savedFrom: String) {
        self.name = name
        self.location = location
        self.datumRead = datumRead
        self.coordinateRead = coordinateRead ?? location
        self.savedFrom = savedFrom
    }

    /// The longest saved name accepted, in characters.
    public static let nameLimit = 40

    /// A typed name as it is saved: without leading and trailing white space.
    public static func name(from text: String) -> String { String(text.trimmingSpaces) }

    /// Why a name cannot be used, in English and Chinese; nil when it can.
    public static func problem(withName name: String) -> (english: String, chinese: String)? {
        let trimmed = String(name.trimmingSpaces)
        if trimmed.isEmpty { return ("a saved place needs a name", "保存的地点需要一个名称") }
        if trimmed.count > nameLimit {
            return ("the name is longer than \(nameLimit) characters", "名称超过 \(nameLimit) 个字")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return ("the name contains control characters", "名称含有控制字符")
        }
        if CoordinateParser.looksLikeCoordinates(trimmed) {
            return ("a name that reads as coordinates would hide them; choose a word", "名称看起来像坐标，会与坐标混淆；请用文字")
        }
        return nil
    }
}
