#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between WGS-84, GCJ-02 and BD-09: the published forward transforms and
/// iterative inverses that reproduce the input of the forward transform to ~1e-10°.
public enum DatumTransform {
    /// The change in degrees below which an inverse iteration stops (~1 cm → ~0.01 mm).
    public static let inverseToleranceDegrees = 1e-10
    /// An upper bound on inverse iterations; the offsets are smooth, so 3–6 steps suffice.
    static let maximumIterations = 30

    /// Converts a coordinate between datums; identity when both are the same.
    public static func convert(_ coordinate: GeoCoordinate, from source: Datum, to target: Datum) -> GeoCoordinate {
        if source == target { return coordinate }
        let wgs: GeoCoordinate
        switch source {
        case .wgs84: wgs = coordinate
        case .gcj02: wgs = gcj02ToWGS84(coordinate)
        case .bd09: wgs = gcj02ToWGS84(bd09ToGCJ02(coordinate))
        }
        switch target {
        case .wgs84: return wgs
        case .gcj02: return wgs84ToGCJ02(wgs)
        case .bd09: return gcj02ToBD09(wgs84ToGCJ02(wgs))
        }
    }

    // MARK: GCJ-02

    /// The Krasovsky semi-major axis and eccentricity squared the published GCJ-02 formula uses.
    private static let gcjSemiMajorAxis = 6_378_245.0
    private static let gcjEccentricitySquared = 0.00669342162296594323

    /// True where GCJ-02 applies; the published transform leaves points outside China unchanged.
    public static func isInsideChina(_ c: GeoCoordinate) -> Bool {
        c.longitude >= 72.004 && c.longitude <= 137.8347 && c.latitude >= 0.8293 && c.latitude <= 55.8271
    }

    /// WGS-84 → GCJ-02, the published forward transform.
    public static func wgs84ToGCJ02(_ c: GeoCoordinate) -> GeoCoordinate {
        guard isInsideChina(c) else { return c }
        let (dLat, dLng) = gcjOffset(c)
        return GeoCoordinate(latitude: c.latitude + dLat, longitude: c.longitude + dLng)
    }

    /// GCJ-02 → WGS-84, solved by fixed-point iteration on the forward transform.
    public static func gcj02ToWGS84(_ c: GeoCoordinate) -> GeoCoordinate {
        inverse(of: c, forward: wgs84ToGCJ02, start: { target in
            let (dLat, dLng) = gcjOffset(target)
            return GeoCoordinate(latitude: target.latitude - dLat, longitude: target.longitude - dLng)
        })
    }

    private static func gcjOffset(_ c: GeoCoordinate) -> (Double, Double) {
        let x = c.longitude - 105.0
        let y = c.latitude - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLng += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLng += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLng += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = c.latitude / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - gcjEccentricitySquared * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((gcjSemiMajorAxis * (1 - gcjEccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLng = (dLng * 180.0) / (gcjSemiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return (dLat, dLng)
    }

    // MARK: BD-09

    private static let bdXPi = Double.pi * 3000.0 / 180.0

    /// GCJ-02 → BD-09, the published forward transform.
    public static func gcj02ToBD09(_ c: GeoCoordinate) -> GeoCoordinate {
        let x = c.longitude, y = c.latitude
        let z = (x * x + y * y).squareRoot() + 0.00002 * sin(y * bdXPi)
        let theta = atan2(y, x) + 0.000003 * cos(x * bdXPi)
        return GeoCoordinate(latitude: z * sin(theta) + 0.006, longitude: z * cos(theta) + 0.0065)
    }

    /// BD-09 → GCJ-02: the published approximate inverse refined by iteration on the forward one.
    public static func bd09ToGCJ02(_ c: GeoCoordinate) -> GeoCoordinate {
        inverse(of: c, forward: gcj02ToBD09, start: { target in
            let x = target.longitude - 0.0065, y = target.latitude - 0.006
            let z = (x * x + y * y).squareRoot() - 0.00002 * sin(y * bdXPi)
            let theta = atan2(y, x) - 0.000003 * cos(x * bdXPi)
            return GeoCoordinate(latitude: z * sin(theta), longitude: z * cos(theta))
        })
    }

    /// Solves forward(g) = target; the forward maps are identity plus a slowly varying offset, so
    /// g ← g + (target − forward(g)) converges quickly.
    private static func inverse(of target: GeoCoordinate, forward: (GeoCoordinate) -> GeoCoordinate,
                                start: (GeoCoordinate) -> GeoCoordinate) -> GeoCoordinate {
        var guess = start(target)
        for _ in 0..<maximumIterations {
            let image = forward(guess)
            let dLat = target.latitude - image.latitude
            let dLng = target.longitude - image.longitude
            guess.latitude += dLat
            guess.longitude += dLng
            if abs(dLat) < inverseToleranceDegrees && abs(dLng) < inverseToleranceDegrees { break }
        }
        return guess
    }
}

extension GeoCoordinate {
    /// This coordinate read in one datum, expressed in another.
    public func converted(from source: Datum, to target: Datum) -> GeoCoordinate {
        DatumTransform.convert(self, from: source, to: target)
    }
}
