/// What was wrong with a coordinate a user gave, with messages in English and Chinese.
public enum GeodesyError: Error, Sendable, Hashable {
    /// Nothing was given.
    case emptyCoordinates
    /// Not exactly two values.
    case wrongNumberOfValues(text: String, count: Int)
    /// A value that is not a decimal number.
    case notANumber(String)
    /// Latitude beyond ±90° when read in `order`; `swappedOrderFits` when the other order would work.
    case latitudeOutOfRange(Double, order: CoordinateOrder, swappedOrderFits: Bool)
    /// Longitude beyond ±180°.
    case longitudeOutOfRange(Double)
    /// A valid coordinate too far from the region the catalogue covers.
    case outsideRegion(name: String, chineseName: String, distanceMetres: Double)

    /// What was wrong and what to do, in English.
    public var englishMessage: String {
        switch self {
        case .emptyCoordinates:
            return "No coordinates given. Write latitude,longitude, for example 22.5431,114.0579."
        case .wrongNumberOfValues(let text, let count):
            return "“\(text)” has \(count) value\(count == 1 ? "" : "s"); a coordinate needs exactly two: latitude,longitude (for example 22.5431,114.0579)."
        case .notANumber(let token):
            return "“\(token)” is not a number. Write decimal degrees, for example 22.5431,114.0579."
        case .latitudeOutOfRange(let value, let order, let swapped):
            let hint = order == .latitudeFirst
                ? " It looks like longitude,latitude: pass --lng-lat, or swap the two numbers."
                : " It looks like latitude,longitude: drop --lng-lat."
            return "Latitude \(Self.plain(value)) is out of range (−90 to 90)." + (swapped ? hint : "")
        case .longitudeOutOfRange(let value):
            return "Longitude \(Self.plain(value)) is out of range (−180 to 180)."
        case .outsideRegion(let name, _, let distance):
            return "That point is \(Self.kilometres(distance)) km outside \(name); fuwu covers \(name) only. Check the order (latitude first) and the numbers."
        }
    }

    /// What was wrong and what to do, in Chinese.
    public var chineseMessage: String {
        switch self {
        case .emptyCoordinates:
            return "没有给出坐标。请按“纬度,经度”书写，例如 22.5431,114.0579。"
        case .wrongNumberOfValues(let text, let count):
            return "“\(text)”含有 \(count) 个数值；坐标需要恰好两个：纬度,经度（例如 22.5431,114.0579）。"
        case .notANumber(let token):
            return "“\(token)”不是数字。请使用十进制度数，例如 22.5431,114.0579。"
        case .latitudeOutOfRange(let value, let order, let swapped):
            let hint = order == .latitudeFirst
                ? "看起来是“经度,纬度”顺序：请加 --lng-lat，或交换两个数。"
                : "看起来是“纬度,经度”顺序：请去掉 --lng-lat。"
            return "纬度 \(Self.plain(value)) 超出范围（−90 至 90）。" + (swapped ? hint : "")
        case .longitudeOutOfRange(let value):
            return "经度 \(Self.plain(value)) 超出范围（−180 至 180）。"
        case .outsideRegion(_, let chineseName, let distance):
            return "该点位于\(chineseName)以外 \(Self.kilometres(distance)) 公里；本程序只覆盖\(chineseName)。请检查顺序（纬度在前）和数值。"
        }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Kilometres with one decimal, e.g. 1943.2.
    static func kilometres(_ metres: Double) -> String {
        let tenths = Int((metres / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
