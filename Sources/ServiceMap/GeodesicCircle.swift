import Geodesy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A true geodesic circle: vertices reached from the centre along the WGS-84 geodesic at evenly
/// spaced bearings, so each lies at the radius (the direct problem is exact to far below a
/// millimetre); the straight chords between them fall inside by at most `chordSagittaMetres`.
public struct GeodesicCircle: Sendable {
    /// The largest gap allowed between a chord and the true circle.
    public static let chordSagittaMetres = 0.25

    public let centre: GeoCoordinate
    public let radiusMetres: Double
    /// The vertices, clockwise from north, not repeating the first.
    public let vertices: [GeoCoordinate]

    public init(centre: GeoCoordinate, radiusMetres: Double) {
        self.centre = centre
        self.radiusMetres = radiusMetres
        let count = Self.vertexCount(radiusMetres: radiusMetres)
        vertices = (0..<count).map { index in
            Geodesic.wgs84.direct(from: centre, bearingDegrees: 360 * Double(index) / Double(count),
                                  distanceMetres: radiusMetres)
        }
    }

    /// Enough vertices that no chord strays more than `chordSagittaMetres` from the circle.
    static func vertexCount(radiusMetres: Double) -> Int {
        guard radiusMetres > Self.chordSagittaMetres else { return 16 }
        let halfAngle = acos(1 - Self.chordSagittaMetres / radiusMetres)
        return max(16, min(4096, Int((Double.pi / halfAngle).rounded(.up))))
    }
}
