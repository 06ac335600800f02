/// A latitude/longitude pair in degrees; which datum it is in is carried alongside by the caller.
public struct GeoCoordinate: Hashable, Sendable, Codable {
    /// Degrees north, −90…90.
    public var latitude: Double
    /// Degrees east, −180…180.
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
