/// Which value comes first when a user types a coordinate pair.
public enum CoordinateOrder: Sendable, Hashable {
    /// `22.5431,114.0579`: how Chinese map apps and most people write it.
    case latitudeFirst
    /// `114.0579,22.5431`: GeoJSON and many APIs.
    case longitudeFirst
}
