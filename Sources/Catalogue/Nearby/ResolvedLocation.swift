import Geodesy

/// Where a nearby query stands: the WGS-84 origin and how it was read from the user's text.
public struct ResolvedLocation: Sendable, Hashable {
    /// How the text was understood.
    public enum Source: Sendable, Hashable {
        /// Coordinates typed by the user, in `datumRead`.
        case coordinates
        /// A catalogue place: a service point, a metro station or a subdistrict's representative point.
        case place(LocationCandidate)
    }

    public var source: Source
    /// The origin on WGS-84, the datum all distances are taken in.
    public var origin: GeoCoordinate
    /// The datum the user's coordinates were read in (WGS-84 for catalogue places, which are stored so).
    public var datumRead: Datum
    /// The coordinate as read, before conversion to WGS-84.
    public var coordinateRead: GeoCoordinate
    /// Other places the name matched less exactly (a station and a subdistrict of the same name).
    public var alsoMatched: [LocationCandidate]
    /// A caveat about the point, such as a subdistrict centre's derivation.
    public var note: String?
    /// Catalogue places of the same name that a saved place of the user's hides.
    public var shadowed: [LocationCandidate]
    /// The coordinates were read in the other order than asked, since only that order falls in Shenzhen.
    public var orderSwapped: Bool

    public init(source: Source, origin: GeoCoordinate, datumRead: Datum, coordinateRead: GeoCoordinate,
                alsoMatched: [LocationCandidate] = [], note: String? = nil, shadowed: [LocationCandidate] = [],
                orderSwapped: Bool = false) {
        self.source = source
        self.origin = origin
        self.datumRead = datumRead
        self.coordinateRead = coordinateRead
        self.alsoMatched = alsoMatched
        self.note = note
        self.shadowed = shadowed
        self.orderSwapped = orderSwapped
    }

    /// What the answer should say about how the location was read (saved name over catalogue
    /// names, swapped coordinate order), in Chinese; nil when nothing.
    public var readingNoteChinese: String? {
        if orderSwapped {
            return "按“经度,纬度”读取：只有这个顺序落在深圳范围内"
        }
        if case .place(let place) = source, place.kind == .savedPlace, !shadowed.isEmpty {
            return "使用保存的地点“\(place.name)”，而非目录中同名的" + shadowed.map(\.chineseLabel).joined(separator: "、")
        }
        return nil
    }

    /// The same note in English.
    public var readingNoteEnglish: String? {
        if orderSwapped {
            return "read as longitude,latitude: only that order falls inside Shenzhen"
        }
        if case .place(let place) = source, place.kind == .savedPlace, !shadowed.isEmpty {
            return "using your saved place “\(place.name)”, not the catalogue's " + shadowed.map(\.englishLabel).joined(separator: "; ")
        }
        return nil
    }

    /// The community whose subdistrict's centre stands in for it (communities have no
    /// coordinates of their own), with that subdistrict's name.
    public var communityStandIn: (community: String, subdistrict: String)? {
        guard case .place(let place) = source, place.kind == .community else { return nil }
        return (place.name, place.subdistrictName ?? place.id)
    }

    /// A short English description: `coordinates 22.543100,114.057900 (GCJ-02)` or `香蜜湖 (metro station M-xiangmihu)`.
    public var englishLabel: String {
        switch source {
        case .coordinates: return "coordinates \(Self.format(coordinateRead)) (\(datumRead.rawValue))"
        case .place(let place): return place.englishLabel
        }
    }

    /// A short Chinese description.
    public var chineseLabel: String {
        switch source {
        case .coordinates: return "坐标 \(Self.format(coordinateRead))（\(datumRead.rawValue)）"
        case .place(let place): return place.chineseLabel
        }
    }

    /// `lat,lng` with six decimals (about 0.1 m).
    public static func format(_ c: GeoCoordinate) -> String {
        "\(fixed(c.latitude, 6)),\(fixed(c.longitude, 6))"
    }

    /// A number with a fixed count of decimals, without Foundation.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var digits = String(fraction)
        while digits.count < decimals { digits = "0" + digits }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(digits)"
    }
}
