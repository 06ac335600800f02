import Geodesy
import Catalogue
import Testing
@testable import BrowserUI

/// The nearby screen over the geo library: origins, circles, filters and the summary.
@Suite struct NearbyScreenTests {
    static let fromCivicCentre: [Command] = [.nearby] + "市民".map { Command.insert($0) } + [.submit]

    func pointIDs(_ state: BrowserState) -> [String] {
        state.nearby.lines.compactMap { line in
            if case .hit(let hit) = line { return hit.point.id } else { return nil }
        }
    }

    @Test func withoutAnOriginTheNearbyKeyAsksWhereYouAre() {
        var state = Fixture.state()
        _ = state.apply(.nearby)
        #expect(state.stack == [.domains, .nearby, .picker(.origin)])
        #expect(state.pickerChoices.map(\.title) == ["市民中心", "福田街道", "莲花街道"])
        _ = state.apply(.cancel)
        #expect(state.page == .nearby)
        #expect(state.nearby.problem == "还没有设置位置：按 o 选择“我在哪里”")
    }

    @Test func aStationGivesPointsNearestFirstWithinTheCircle() {
        var state = Fixture.state()
        for command in Self.fromCivicCentre { _ = state.apply(command) }
        #expect(state.page == .nearby)
        #expect(state.nearby.location?.chineseLabel == "市民中心（地铁站 M1）")
        #expect(pointIDs(state) == ["P1", "P4", "P5"])
        _ = state.apply(.radius(metres: 500))
        #expect(pointIDs(state) == ["P1", "P4", "P5"])
        _ = state.handle(.key(.character("3")))
        #expect(state.nearby.radiusMetres == 1500)
        #expect(pointIDs(state) == ["P1", "P4", "P5", "P2"])
        let hits = state.nearby.lines.compactMap { line -> NearbyHit? in
            if case .hit(let hit) = line { return hit } else { return nil }
        }
        #expect(hits.map(\.distanceMetres) == hits.map(\.distanceMetres).sorted())
    }

    @Test func aTypedRadiusReplacesTheCircle() {
        var state = Fixture.state()
        for command in Self.fromCivicCentre { _ = state.apply(command) }
        _ = state.apply(.typeRadius)
        #expect(state.mode == .prompt)
        for _ in 0..<4 { _ = state.apply(.deleteBackward) }
        for c in "200" { _ = state.apply(.insert(c)) }
        _ = state.apply(.submit)
        #expect(state.nearby.radiusMetres == 200)
        #expect(pointIDs(state) == ["P1"])
        _ = state.apply(.typeRadius)
        _ = state.apply(.insert("x"))
        #expect(state.message == "只能输入数字")
        _ = state.apply(.cancel)
        #expect(state.nearby.radiusMetres == 200)
    }

    @Test func filtersNarrowTheListAndTheSummaryNamesEmptyDomains() throws {
        var state = Fixture.state()
        for command in Self.fromCivicCentre { _ = state.apply(command) }
        _ = state.apply(.filter)
        for c in "社区健康" { _ = state.apply(.insert(c)) }
        #expect(state.pickerChoices.map(\.title) == ["社区健康服务中心"])
        _ = state.apply(.submit)
        #expect(state.nearby.filter == .pointType(id: "health-centre"))
        #expect(pointIDs(state) == ["P1"])
        #expect(state.nearby.lines.contains(.unlocated(try #require(state.catalogue.point("P3")))))
        #expect(BrowserView.frame(state).rowText(3) == " 1000 米内有符合筛选的服务点")
        _ = state.apply(.clearFilter)
        let result = try #require(state.nearby.result)
        #expect(result.domainsWithNothing(withinMetres: 1000)?.map(\.name) == ["学有优教"])
    }

    @Test func typedCoordinatesAreConvertedFromTheirDatumAndSayWhichItWas() throws {
        var state = Fixture.state()
        _ = state.apply(.nearby)
        for c in "22.5431,114.0579 gcj02" { _ = state.apply(.insert(c)) }
        #expect(state.pickerChoices.first?.title == "22.543100, 114.057900 GCJ-02")
        _ = state.apply(.submit)
        let location = try #require(state.nearby.location)
        #expect(location.datumRead == .gcj02)
        #expect(location.origin == DatumTransform.convert(GeoCoordinate(latitude: 22.5431, longitude: 114.0579),
                                                          from: .gcj02, to: .wgs84))
        #expect(location.origin.latitude - 22.5431 > 0.002)
        #expect(BrowserView.frame(state).rowText(1).contains("GCJ-02"))
    }

    @Test func coordinatesWithoutADatumOfferAllThree() {
        var state = Fixture.state()
        _ = state.apply(.nearby)
        for c in "22.5431 114.0579" { _ = state.apply(.insert(c)) }
        #expect(state.pickerChoices.prefix(3).map(\.title) == ["22.543100, 114.057900 WGS-84", "22.543100, 114.057900 GCJ-02",
                                                                "22.543100, 114.057900 BD-09"])
    }

    @Test func nearbyFromAPointStartsThere() {
        var state = Fixture.state()
        for command in GoldenScreenTests.familyDoctorPoints + [.open, .nearby] { _ = state.apply(command) }
        #expect(state.page == .nearby)
        #expect(state.nearby.origin == .point(id: "P1"))
        #expect(pointIDs(state).first == "P1")
        _ = state.apply(.down)
        _ = state.apply(.open)
        #expect(state.page == .point("P5"))
        _ = state.apply(.back)
        #expect(state.page == .nearby)
        #expect(state.positions[Page.nearby.positionKey]?.cursor == 1)
    }

    @Test(arguments: GoldenScreenTests.sizes) func nearbyScreen(width: Int, height: Int) {
        Snapshot.assert(GoldenScreenTests.frame(width, height, Self.fromCivicCentre), named: "nearby-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func nearbyScreenScrolledToTheSummary(width: Int, height: Int) {
        Snapshot.assert(GoldenScreenTests.frame(width, height, Self.fromCivicCentre + [.bottom]),
                        named: "nearby-summary-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func originPicker(width: Int, height: Int) {
        Snapshot.assert(GoldenScreenTests.frame(width, height, [.nearby, .insert("福")]), named: "picker-\(width)x\(height)")
    }

    @Test func nearbyInEnglish() {
        Snapshot.assert(GoldenScreenTests.frame(80, 24, language: .english, Self.fromCivicCentre), named: "nearby-en-80x24")
    }
}
