/// The order of the two numbers inside one combined coordinate cell (经纬度 / 坐标).
public enum CombinedOrder: String, Sendable, Hashable {
    /// `114.05,22.54`: longitude first, as Amap and Baidu copy it.
    case longitudeFirst = "lon,lat"
    /// `22.54,114.05`: latitude first, as most phone map apps show it.
    case latitudeFirst = "lat,lon"
}
