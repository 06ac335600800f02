/// A reference ellipsoid of revolution, with the radii of curvature distances are measured in.
public struct Ellipsoid: Sendable, Hashable {
    /// Equatorial radius in metres.
    public let semiMajorAxisMetres: Double
    /// Flattening, (a − b) / a.
    public let flattening: Double

    /// The WGS-84 ellipsoid (a = 6 378 137 m, 1/f = 298.257223563).
    public static let wgs84 = Ellipsoid(semiMajorAxisMetres: 6_378_137.0, flattening: 1 / 298.257223563)

    public init(semiMajorAxisMetres: Double, flattening: Double) {
        self.semiMajorAxisMetres = semiMajorAxisMetres
        self.flattening = flattening
    }

    /// Polar radius in metres.
    public var semiMinorAxisMetres: Double { semiMajorAxisMetres * (1 - flattening) }

    /// First eccentricity squared, f(2 − f).
    public var eccentricitySquared: Double { flattening * (2 - flattening) }

    /// Radius of curvature along the meridian (M) at a latitude in degrees.
    public func meridionalRadiusMetres(atLatitude latitude: Double) -> Double {
        let s = sinDegrees(latitude)
        let w2 = 1 - eccentricitySquared * s * s
        return semiMajorAxisMetres * (1 - eccentricitySquared) / (w2 * w2.squareRoot())
    }

    /// Radius of curvature in the prime vertical (N) at a latitude in degrees.
    public func primeVerticalRadiusMetres(atLatitude latitude: Double) -> Double {
        let s = sinDegrees(latitude)
        return semiMajorAxisMetres / (1 - eccentricitySquared * s * s).squareRoot()
    }

    /// Metres per degree of latitude at a latitude (M · π/180).
    public func metresPerDegreeLatitude(atLatitude latitude: Double) -> Double {
        meridionalRadiusMetres(atLatitude: latitude) * degreesToRadians
    }

    /// Metres per degree of longitude at a latitude (N · cos φ · π/180).
    public func metresPerDegreeLongitude(atLatitude latitude: Double) -> Double {
        primeVerticalRadiusMetres(atLatitude: latitude) * cosDegrees(latitude) * degreesToRadians
    }
}
