#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exact geodesics on an ellipsoid (Vincenty's inverse and direct formulas iterated to 1e-13 rad).
///
/// Vincenty's series are truncated at u⁸, which leaves an error far below a micrometre over the
/// distances fuwu uses (≤ 50 km); the tests compare it with GeographicLib (Karney) values.
/// Nearly antipodal points, where Vincenty's inverse may not converge, are outside that use.
public struct Geodesic: Sendable {
    /// The result of an inverse problem: the distance and the azimuths at both ends.
    public struct Inverse: Sendable, Hashable {
        /// Length of the geodesic in metres.
        public var distanceMetres: Double
        /// Azimuth at the start, degrees clockwise from north in [0, 360).
        public var initialBearingDegrees: Double
        /// Azimuth at the end, degrees clockwise from north in [0, 360).
        public var finalBearingDegrees: Double
    }

    /// The ellipsoid the geodesics run on.
    public let ellipsoid: Ellipsoid

    /// Geodesics on WGS-84.
    public static let wgs84 = Geodesic(ellipsoid: .wgs84)

    public init(ellipsoid: Ellipsoid) { self.ellipsoid = ellipsoid }

    private static let convergenceRadians = 1e-13
    private static let maximumIterations = 200

    /// Solves the inverse problem: distance and azimuths between two points.
    public func inverse(from start: GeoCoordinate, to end: GeoCoordinate) -> Inverse {
        let a = ellipsoid.semiMajorAxisMetres
        let f = ellipsoid.flattening
        let b = ellipsoid.semiMinorAxisMetres
        let l = wrappedLongitudeDifference(end.longitude - start.longitude) * degreesToRadians
        let (sinU1, cosU1) = reducedLatitude(start.latitude)
        let (sinU2, cosU2) = reducedLatitude(end.latitude)

        var lambda = l
        var sinLambda = 0.0, cosLambda = 0.0
        var sinSigma = 0.0, cosSigma = 0.0, sigma = 0.0
        var sinAlpha = 0.0, cosSqAlpha = 0.0, cos2SigmaM = 0.0
        for _ in 0..<Self.maximumIterations {
            sinLambda = sin(lambda)
            cosLambda = cos(lambda)
            let t1 = cosU2 * sinLambda
            let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            sinSigma = (t1 * t1 + t2 * t2).squareRoot()
            if sinSigma == 0 {
                return Inverse(distanceMetres: 0, initialBearingDegrees: 0, finalBearingDegrees: 0)
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            sigma = atan2(sinSigma, cosSigma)
            sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            cosSqAlpha = 1 - sinAlpha * sinAlpha
            cos2SigmaM = cosSqAlpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0
            let c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha))
            let previous = lambda
            lambda = l + (1 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            if abs(lambda - previous) < Self.convergenceRadians { break }
        }
        sinLambda = sin(lambda)
        cosLambda = cos(lambda)

        let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
        let bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)))
        let bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)))
        let deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
        let distance = b * bigA * (sigma - deltaSigma)
        let alpha1 = atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda)
        let alpha2 = atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda)
        return Inverse(distanceMetres: distance,
                       initialBearingDegrees: normalisedBearing(alpha1 * radiansToDegrees),
                       finalBearingDegrees: normalisedBearing(alpha2 * radiansToDegrees))
    }

    /// Solves the direct problem: the point reached from a start along an azimuth after a distance.
    public func direct(from start: GeoCoordinate, bearingDegrees: Double, distanceMetres: Double) -> GeoCoordinate {
        let a = ellipsoid.semiMajorAxisMetres
        let f = ellipsoid.flattening
        let b = ellipsoid.semiMinorAxisMetres
        let alpha1 = bearingDegrees * degreesToRadians
        let sinAlpha1 = sin(alpha1), cosAlpha1 = cos(alpha1)
        let (sinU1, cosU1) = reducedLatitude(start.latitude)
        let sigma1 = atan2(sinU1 / cosU1, cosAlpha1)
        let sinAlpha = cosU1 * sinAlpha1
        let cosSqAlpha = 1 - sinAlpha * sinAlpha
        let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
        let bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)))
        let bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)))

        var sigma = distanceMetres / (b * bigA)
        var sinSigma = 0.0, cosSigma = 0.0, cos2SigmaM = 0.0
        for _ in 0..<Self.maximumIterations {
            cos2SigmaM = cos(2 * sigma1 + sigma)
            sinSigma = sin(sigma)
            cosSigma = cos(sigma)
            let deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
            let previous = sigma
            sigma = distanceMetres / (b * bigA) + deltaSigma
            if abs(sigma - previous) < Self.convergenceRadians { break }
        }
        cos2SigmaM = cos(2 * sigma1 + sigma)
        sinSigma = sin(sigma)
        cosSigma = cos(sigma)

        let tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1
        let latitude = atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
                             (1 - f) * (sinAlpha * sinAlpha + tmp * tmp).squareRoot())
        let lambda = atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1)
        let c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha))
        let l = lambda - (1 - c) * f * sinAlpha
            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
        let longitude = start.longitude + l * radiansToDegrees
        return GeoCoordinate(latitude: latitude * radiansToDegrees,
                             longitude: wrappedLongitudeDifference(longitude))
    }

    private func reducedLatitude(_ latitude: Double) -> (sin: Double, cos: Double) {
        let tanU = (1 - ellipsoid.flattening) * tan(latitude * degreesToRadians)
        let cosU = 1 / (1 + tanU * tanU).squareRoot()
        return (tanU * cosU, cosU)
    }
}
