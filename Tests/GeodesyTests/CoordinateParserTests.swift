import Testing
@testable import Geodesy

@Suite struct CoordinateParserTests {
    @Test func readsLatitudeFirstByDefault() throws {
        #expect(try CoordinateParser.parse("22.5431,114.0579") == GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
    }

    @Test func readsLongitudeFirstWhenAsked() throws {
        #expect(try CoordinateParser.parse("114.0579,22.5431", order: .longitudeFirst)
            == GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
    }

    @Test(arguments: ["22.5431, 114.0579", "22.5431 114.0579", "22.5431，114.0579", "２２.５４３１，１１４.０５７９",
                      " 22.5431\u{3000}114.0579 ", "(22.5431, 114.0579)", "22.5431°,114.0579°", "22.5431、114.0579",
                      "22.5431;114.0579"])
    func toleratesFullWidthFormsSpacesAndBrackets(text: String) throws {
        #expect(try CoordinateParser.parse(text) == GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
    }

    @Test func rejectsAValueThatIsNotANumber() {
        #expect(throws: GeodesyError.notANumber("22.5x")) { try CoordinateParser.parse("22.5x,114.05") }
        #expect(throws: GeodesyError.notANumber("nan")) { try CoordinateParser.parse("nan,114.05") }
    }

    @Test func rejectsTheWrongNumberOfValues() {
        #expect(throws: GeodesyError.wrongNumberOfValues(text: "22.5", count: 1)) { try CoordinateParser.parse("22.5") }
        #expect(throws: GeodesyError.wrongNumberOfValues(text: "1,2,3", count: 3)) { try CoordinateParser.parse("1,2,3") }
        #expect(throws: GeodesyError.emptyCoordinates) { try CoordinateParser.parse(" , ") }
    }

    @Test func rejectsOutOfRangeValuesAndSpotsASwappedPair() {
        #expect(throws: GeodesyError.latitudeOutOfRange(114.0579, order: .latitudeFirst, swappedOrderFits: true)) {
            try CoordinateParser.parse("114.0579,22.5431")
        }
        #expect(throws: GeodesyError.latitudeOutOfRange(114.0579, order: .longitudeFirst, swappedOrderFits: true)) {
            try CoordinateParser.parse("22.5431,114.0579", order: .longitudeFirst)
        }
        #expect(throws: GeodesyError.latitudeOutOfRange(95, order: .latitudeFirst, swappedOrderFits: false)) {
            try CoordinateParser.parse("95,200")
        }
        #expect(throws: GeodesyError.longitudeOutOfRange(200)) { try CoordinateParser.parse("22,200") }
    }

    @Test func outOfRangeMessagesSayWhatToDo() {
        let error = GeodesyError.latitudeOutOfRange(114.0579, order: .latitudeFirst, swappedOrderFits: true)
        #expect(error.englishMessage == "Latitude 114.0579 is out of range (−90 to 90). It looks like longitude,latitude: pass --lng-lat, or swap the two numbers.")
        #expect(error.chineseMessage == "纬度 114.0579 超出范围（−90 至 90）。看起来是“经度,纬度”顺序：请加 --lng-lat，或交换两个数。")
        #expect(GeodesyError.notANumber("abc").englishMessage
            == "“abc” is not a number. Write decimal degrees, for example 22.5431,114.0579.")
    }

    @Test func recognisesTextShapedLikeCoordinates() {
        #expect(CoordinateParser.looksLikeCoordinates("22.5x,114"))
        #expect(CoordinateParser.looksLikeCoordinates("-1 2"))
        #expect(CoordinateParser.looksLikeCoordinates("２２，１１４"))
        #expect(!CoordinateParser.looksLikeCoordinates("市民中心"))
        #expect(CoordinateParser.looksLikeCoordinates("22.5431"))
        #expect(!CoordinateParser.looksLikeCoordinates("1号线"))
        #expect(!CoordinateParser.looksLikeCoordinates("P0001"))
    }
}

@Suite struct GeoRegionTests {
    @Test func acceptsPointsInsideOrNearShenzhen() throws {
        try GeoRegion.shenzhen.validate(GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
        try GeoRegion.shenzhen.validate(GeoCoordinate(latitude: 22.40, longitude: 114.0))
        #expect(GeoRegion.shenzhen.distanceOutsideMetres(GeoCoordinate(latitude: 22.5, longitude: 114)) == 0)
    }

    @Test func rejectsAFarPointAndSaysHowFar() {
        let beijing = GeoCoordinate(latitude: 39.9042, longitude: 116.4074)
        // GeographicLib: 1 898 474.99 m from the box's north-east corner.
        #expect(abs(GeoRegion.shenzhen.distanceOutsideMetres(beijing) - 1_898_474.9886) < 1e-3)
        do {
            try GeoRegion.shenzhen.validate(beijing)
            Issue.record("Beijing was accepted")
        } catch {
            #expect(error.englishMessage == "That point is 1898.5 km outside Shenzhen; fuwu covers Shenzhen only. Check the order (latitude first) and the numbers.")
            #expect(error.chineseMessage == "该点位于深圳以外 1898.5 公里；本程序只覆盖深圳。请检查顺序（纬度在前）和数值。")
        }
        // 16.6 km south of the box (Hong Kong island) is beyond the 10 km tolerance.
        #expect(throws: GeodesyError.self) { try GeoRegion.shenzhen.validate(GeoCoordinate(latitude: 22.30, longitude: 114.0)) }
    }
}

@Suite struct CompassPointTests {
    @Test func namesEachSectorCentredOnItsPoint() {
        let cases: [(Double, String, String)] = [
            (0, "N", "北"), (22.49, "N", "北"), (22.5, "NE", "东北"), (45, "NE", "东北"), (90, "E", "东"),
            (135, "SE", "东南"), (180, "S", "南"), (225, "SW", "西南"), (270, "W", "西"), (315, "NW", "西北"),
            (337.49, "NW", "西北"), (337.5, "N", "北"), (359.99, "N", "北"), (-45, "NW", "西北"), (720, "N", "北"),
        ]
        for (bearing, english, chinese) in cases {
            let point = CompassPoint(bearingDegrees: bearing)
            #expect(point.abbreviation == english, "bearing \(bearing)")
            #expect(point.chineseName == chinese, "bearing \(bearing)")
        }
    }
}
