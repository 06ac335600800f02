import Testing
@testable import Geodesy

@Suite struct DatumTransformTests {
    // Published reference values (wandergis/coordTransform README and tests, input 116.404, 39.915).
    let beijing = GeoCoordinate(latitude: 39.915, longitude: 116.404)

    @Test func forwardGCJ02MatchesThePublishedReferencePoint() {
        let gcj = DatumTransform.wgs84ToGCJ02(beijing)
        #expect(abs(gcj.longitude - 116.41024449916938) < 1e-12)
        #expect(abs(gcj.latitude - 39.91640428150164) < 1e-12)
    }

    @Test func forwardBD09MatchesThePublishedReferencePoint() {
        let bd = DatumTransform.gcj02ToBD09(beijing)
        #expect(abs(bd.longitude - 116.41036949371029) < 1e-12)
        #expect(abs(bd.latitude - 39.92133699351021) < 1e-12)
    }

    @Test func exactGCJ02InverseIsNearThePublishedOneStepInverseAndReproducesItsInput() {
        // The published one-step inverse is good to a few metres; the iterative one reproduces the input.
        let wgs = DatumTransform.gcj02ToWGS84(beijing)
        #expect(abs(wgs.longitude - 116.39775550083061) < 2e-5)
        #expect(abs(wgs.latitude - 39.91359571849836) < 2e-5)
        let back = DatumTransform.wgs84ToGCJ02(wgs)
        #expect(back.distanceMetres(to: beijing) < 1e-4)
    }

    @Test func exactBD09InverseIsNearThePublishedApproximateInverseAndReproducesItsInput() {
        let gcj = DatumTransform.bd09ToGCJ02(beijing)
        #expect(abs(gcj.longitude - 116.39762729119315) < 2e-5)
        #expect(abs(gcj.latitude - 39.90865673957631) < 2e-5)
        let back = DatumTransform.gcj02ToBD09(gcj)
        #expect(back.distanceMetres(to: beijing) < 1e-4)
    }

    @Test func roundTripsStayWithinATenthOfAMillimetreAcrossShenzhen() {
        var worstMetres = 0.0
        for i in 0...40 {
            for j in 0...20 {
                let wgs = GeoCoordinate(latitude: 22.45 + Double(j) * 0.02, longitude: 113.75 + Double(i) * 0.02175)
                for datum in [Datum.gcj02, .bd09] {
                    let there = DatumTransform.convert(wgs, from: .wgs84, to: datum)
                    let back = DatumTransform.convert(there, from: datum, to: .wgs84)
                    worstMetres = max(worstMetres, back.distanceMetres(to: wgs))
                    // And the other way: a point read in the datum comes back to itself.
                    let read = DatumTransform.convert(wgs, from: datum, to: .wgs84)
                    let again = DatumTransform.convert(read, from: .wgs84, to: datum)
                    worstMetres = max(worstMetres, again.distanceMetres(to: wgs))
                }
                let bd = DatumTransform.convert(wgs, from: .gcj02, to: .bd09)
                let gcj = DatumTransform.convert(bd, from: .bd09, to: .gcj02)
                worstMetres = max(worstMetres, gcj.distanceMetres(to: wgs))
            }
        }
        #expect(worstMetres < 1e-4)
    }

    @Test func shenzhenOffsetsAreAboutSixHundredMetresForGCJ02AndOverAKilometreForBD09() {
        let civicCentre = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        let gcjShift = civicCentre.distanceMetres(to: civicCentre.converted(from: .wgs84, to: .gcj02))
        let bdShift = civicCentre.distanceMetres(to: civicCentre.converted(from: .wgs84, to: .bd09))
        #expect(gcjShift > 450 && gcjShift < 700)
        #expect(bdShift > 1000 && bdShift < 1400)
    }

    @Test func pointsOutsideChinaAreLeftUnchanged() {
        let london = GeoCoordinate(latitude: 51.5, longitude: -0.12)
        #expect(DatumTransform.convert(london, from: .wgs84, to: .gcj02) == london)
        #expect(DatumTransform.convert(london, from: .gcj02, to: .wgs84) == london)
    }

    @Test func convertingWithinOneDatumIsTheIdentity() {
        for datum in Datum.allCases {
            #expect(DatumTransform.convert(beijing, from: datum, to: datum) == beijing)
        }
    }
}
