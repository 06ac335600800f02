import Geodesy

/// Why a nearby query could not be answered, with English and Chinese messages that say what was
/// wrong and what to do.
public enum NearbyError: Error, Sendable, Hashable {
    /// The location text was empty.
    case emptyLocation
    /// The location text is longer than any place name or coordinate pair can be
    /// (`LocationResolver.maximumTextLength` characters); `length` is how long it was.
    case locationTooLong(length: Int, limit: Int)
    /// The text looked like coordinates but was malformed, out of range or far outside Shenzhen.
    case coordinates(GeodesyError)
    /// Coordinates that fall outside the region read either way round (latitude or longitude first).
    case neitherOrderInRegion(text: String, region: GeoRegion)
    /// No point, station, subdistrict or community has that name.
    case noPlaceMatches(String)
    /// Several places match equally well; `candidates` lists up to ten of `total`.
    case ambiguousPlace(String, candidates: [LocationCandidate], total: Int)
    /// The name is a community whose subdistrict has no representative point either.
    case communityHasNoLocation(community: String, subdistrict: String?)
    /// The named place exists but the catalogue has no location for it.
    case placeHasNoLocation(LocationCandidate)
    /// The radius is outside 1…50 000 m.
    case radiusOutOfRange(Double)
    /// The limit is below 1.
    case limitOutOfRange(Int)
    /// A filter names no domain, item, point type or subdistrict; `known` lists valid choices.
    case unknownFilter(kind: FilterKind, text: String, known: [String])

    /// The filters a nearby query takes.
    public enum FilterKind: String, Sendable, Hashable {
        case domain, item, pointType, subdistrict

        var englishName: String {
            switch self {
            case .domain: return "domain"
            case .item: return "item"
            case .pointType: return "point type"
            case .subdistrict: return "subdistrict"
            }
        }

        var chineseName: String {
            switch self {
            case .domain: return "领域"
            case .item: return "服务事项"
            case .pointType: return "服务点类型"
            case .subdistrict: return "街道"
            }
        }
    }

    /// The exit status the command line uses: 64 malformed input, 65 input that cannot be used,
    /// 66 a name or filter that matches nothing.
    public var exitStatus: Int32 {
        switch self {
        case .emptyLocation, .locationTooLong, .radiusOutOfRange, .limitOutOfRange, .ambiguousPlace: return 64
        case .coordinates(let error):
            if case .outsideRegion = error { return 65 }
            return 64
        case .neitherOrderInRegion: return 65
        case .communityHasNoLocation, .placeHasNoLocation: return 65
        case .noPlaceMatches, .unknownFilter: return 66
        }
    }

    /// What was wrong and what to do, in English.
    public var englishMessage: String {
        switch self {
        case .emptyLocation:
            return "No location given. Pass coordinates (22.5431,114.0579), a metro station (市民中心), a service point (id or name) or a subdistrict (福田街道)."
        case .locationTooLong(let length, let limit):
            return "The location is \(length) characters long; a place name or coordinates take at most \(limit). Pass coordinates (22.5431,114.0579), a metro station, a service point or a subdistrict."
        case .coordinates(let error):
            return error.englishMessage
        case .neitherOrderInRegion(let text, let region):
            return "“\(text)” is outside \(region.name) read either way: neither latitude,longitude nor longitude,latitude falls inside \(region.name) (\(Self.plain(region.southLatitude))–\(Self.plain(region.northLatitude))° N, \(Self.plain(region.westLongitude))–\(Self.plain(region.eastLongitude))° E). Check the numbers."
        case .noPlaceMatches(let text):
            return "Nothing is called “\(text)”: no service point, metro station, subdistrict or community matches. Try a shorter part of the name, a point id, or coordinates."
        case .ambiguousPlace(let text, let candidates, let total):
            let more = total > candidates.count ? "\n  … and \(total - candidates.count) more" : ""
            return "“\(text)” matches \(total) places; say which one (by its full name or id):\n"
                + candidates.map { "  " + $0.englishLabel }.joined(separator: "\n") + more
        case .communityHasNoLocation(let community, let subdistrict):
            let hint = subdistrict.map { " Use its subdistrict instead: --at \($0)." } ?? ""
            return "\(community) is a community, and the catalogue has no coordinates for communities." + hint
        case .placeHasNoLocation(let place):
            return "\(place.englishLabel) has no known location in the catalogue. Use a nearby metro station or coordinates instead."
        case .radiusOutOfRange(let radius):
            return "Radius \(Self.plain(radius)) m is out of range; use 1 to 50000 metres (500, 1000 and 1500 are the district's circles)."
        case .limitOutOfRange(let limit):
            return "Limit \(limit) is out of range; use a whole number of 1 or more."
        case .unknownFilter(let kind, let text, let known):
            let list = known.isEmpty ? "List them with 'fuwu \(kind == .item ? "items" : "domains")'." : "Known: \(known.joined(separator: ", "))."
            return "No \(kind.englishName) “\(text)”. " + list
        }
    }

    /// What was wrong and what to do, in Chinese.
    public var chineseMessage: String {
        switch self {
        case .emptyLocation:
            return "没有给出位置。请给出坐标（22.5431,114.0579）、地铁站（市民中心）、服务点（编号或名称）或街道（福田街道）。"
        case .locationTooLong(let length, let limit):
            return "位置文字长 \(length) 个字符；地点名称或坐标最多 \(limit) 个字符。请给出坐标（22.5431,114.0579）、地铁站、服务点或街道。"
        case .coordinates(let error):
            return error.chineseMessage
        case .neitherOrderInRegion(let text, let region):
            return "“\(text)”无论按“纬度,经度”还是“经度,纬度”读取都不在\(region.chineseName)范围内（北纬 \(Self.plain(region.southLatitude))–\(Self.plain(region.northLatitude))°，东经 \(Self.plain(region.westLongitude))–\(Self.plain(region.eastLongitude))°）。请检查数值。"
        case .noPlaceMatches(let text):
            return "没有名为“\(text)”的地点：服务点、地铁站、街道和社区都不匹配。请试试名称中较短的一段、服务点编号或坐标。"
        case .ambiguousPlace(let text, let candidates, let total):
            let more = total > candidates.count ? "\n  ……另有 \(total - candidates.count) 个" : ""
            return "“\(text)”匹配到 \(total) 个地点；请用完整名称或编号指明：\n"
                + candidates.map { "  " + $0.chineseLabel }.joined(separator: "\n") + more
        case .communityHasNoLocation(let community, let subdistrict):
            let hint = subdistrict.map { "可改用所属街道：--at \($0)。" } ?? ""
            return "\(community)是社区，目录中没有社区的坐标。" + hint
        case .placeHasNoLocation(let place):
            return "\(place.chineseLabel)在目录中没有已知位置。请改用附近的地铁站或坐标。"
        case .radiusOutOfRange(let radius):
            return "半径 \(Self.plain(radius)) 米超出范围；请使用 1 至 50000 米（500、1000、1500 为区里的三个服务圈）。"
        case .limitOutOfRange(let limit):
            return "数量上限 \(limit) 超出范围；请使用 1 或更大的整数。"
        case .unknownFilter(let kind, let text, let known):
            let list = known.isEmpty ? "用 'fuwu \(kind == .item ? "items" : "domains")' 列出可用的。" : "可用：\(known.joined(separator: "、"))。"
            return "没有\(kind.chineseName)“\(text)”。" + list
        }
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
