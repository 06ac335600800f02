/// A geodetic datum in which Chinese map sources publish coordinates.
public enum Datum: String, Sendable, Hashable, CaseIterable, Codable {
    /// GPS and OpenStreetMap; the datum fuwu computes in.
    case wgs84 = "WGS-84"
    /// The obfuscated datum of Amap, Tencent and WeChat maps.
    case gcj02 = "GCJ-02"
    /// Baidu's datum, a further shift of GCJ-02.
    case bd09 = "BD-09"

    /// Parses a datum name as users and files write it (`wgs84`, `WGS-84`, `gcj-02`, `bd09` …).
    public init?(loose text: String) {
        let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "wgs84", "gps": self = .wgs84
        case "gcj02", "gcj", "amap", "tencent", "wechat": self = .gcj02
        case "bd09", "baidu": self = .bd09
        default: return nil
        }
    }
}
