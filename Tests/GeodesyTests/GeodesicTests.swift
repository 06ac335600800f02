import Testing
import Foundation
@testable import Geodesy

@Suite struct GeodesicTests {
    @Test func inverseMatchesGeographicLibToAMicrometreAtEveryBearingAndRange() {
        #expect(GeodesicReference.rows.count == 612)
        var worstMetres = 0.0, worstDegrees = 0.0
        for row in GeodesicReference.rows {
            let result = Geodesic.wgs84.inverse(from: GeoCoordinate(latitude: row.lat1, longitude: row.lon1),
                                                to: GeoCoordinate(latitude: row.lat2, longitude: row.lon2))
            worstMetres = max(worstMetres, abs(result.distanceMetres - row.distanceMetres))
            if row.distanceMetres > 100 {
                var d = abs(result.initialBearingDegrees - row.initialBearingDegrees)
                d = min(d, 360 - d)
                worstDegrees = max(worstDegrees, d)
            }
        }
        #expect(worstMetres < 2e-6)
        #expect(worstDegrees < 1e-7)
    }

    @Test func directReachesTheReferenceEndPoints() {
        var worstMetres = 0.0
        for row in GeodesicReference.rows {
            let start = GeoCoordinate(latitude: row.lat1, longitude: row.lon1)
            let end = Geodesic.wgs84.direct(from: start, bearingDegrees: row.initialBearingDegrees,
                                            distanceMetres: row.distanceMetres)
            worstMetres = max(worstMetres, Geodesic.wgs84.inverse(
                from: end, to: GeoCoordinate(latitude: row.lat2, longitude: row.lon2)).distanceMetres)
        }
        #expect(worstMetres < 1e-5)
    }

    @Test func distanceIsWithinAMillimetreOfTheTrueGeodesicUpToFiftyKilometres() {
        var worstMetres = 0.0
        for row in GeodesicReference.rows {
            let d = GeoCoordinate(latitude: row.lat1, longitude: row.lon1)
                .distanceMetres(to: GeoCoordinate(latitude: row.lat2, longitude: row.lon2))
            worstMetres = max(worstMetres, abs(d - row.distanceMetres))
        }
        #expect(worstMetres < 1e-3)
    }

    @Test func tangentPlaneAloneIsWithinHalfAMillimetreUpToTheSwitchDistance() {
        var worstMetres = 0.0
        for row in GeodesicReference.rows where row.distanceMetres <= LocalTangentPlane.exactSwitchMetres {
            let plane = LocalTangentPlane(origin: GeoCoordinate(latitude: row.lat1, longitude: row.lon1))
            let d = plane.planeDistanceMetres(to: GeoCoordinate(latitude: row.lat2, longitude: row.lon2))
            worstMetres = max(worstMetres, abs(d - row.distanceMetres))
        }
        #expect(worstMetres < 5e-4)
    }

    @Test func tangentPlaneFitEqualsTheMidLatitudeFormulaToAMicrometre() {
        // The plane's quadratic fit stands for M(φm) and N(φm)·cos φm evaluated directly.
        var worstMetres = 0.0
        let ellipsoid = Ellipsoid.wgs84
        for row in GeodesicReference.rows where row.distanceMetres <= LocalTangentPlane.exactSwitchMetres {
            let a = GeoCoordinate(latitude: row.lat1, longitude: row.lon1)
            let b = GeoCoordinate(latitude: row.lat2, longitude: row.lon2)
            let mid = (a.latitude + b.latitude) / 2
            let north = (b.latitude - a.latitude) * ellipsoid.metresPerDegreeLatitude(atLatitude: mid)
            let east = (b.longitude - a.longitude) * ellipsoid.metresPerDegreeLongitude(atLatitude: mid)
            let direct = (north * north + east * east).squareRoot()
            worstMetres = max(worstMetres, abs(direct - LocalTangentPlane(origin: a).planeDistanceMetres(to: b)))
        }
        #expect(worstMetres < 1e-6)
    }

    @Test func initialBearingMatchesTheReferenceToAHundredthOfADegreeBeyondTenMetres() {
        var worstDegrees = 0.0
        for row in GeodesicReference.rows where row.distanceMetres > 10 {
            let bearing = GeoCoordinate(latitude: row.lat1, longitude: row.lon1)
                .initialBearingDegrees(to: GeoCoordinate(latitude: row.lat2, longitude: row.lon2))
            var d = abs(bearing - row.initialBearingDegrees)
            d = min(d, 360 - d)
            worstDegrees = max(worstDegrees, d)
        }
        #expect(worstDegrees < 1e-4)
    }

    @Test func haversineWouldBeMetresOffWhereTheEllipsoidalDistanceIsNot() {
        // Why the ellipsoid matters: a sphere of mean radius misses by metres at 1.5 km in Shenzhen.
        var worstMetres = 0.0
        for row in GeodesicReference.rows where row.distanceMetres == 1500.5 {
            let r = 6_371_008.8
            let p1 = row.lat1 * .pi / 180, p2 = row.lat2 * .pi / 180
            let dp = p2 - p1, dl = (row.lon2 - row.lon1) * .pi / 180
            let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
            let haversine = 2 * r * asin(h.squareRoot())
            worstMetres = max(worstMetres, abs(haversine - row.distanceMetres))
        }
        #expect(worstMetres > 4)
    }

    @Test func coincidentPointsAreZeroApart() {
        let p = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        #expect(p.distanceMetres(to: p) == 0)
        #expect(Geodesic.wgs84.inverse(from: p, to: p).distanceMetres == 0)
    }
}
