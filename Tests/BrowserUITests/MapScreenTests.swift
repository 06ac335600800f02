import Catalogue
import Geodesy
import ServiceMap
import Testing
@testable import BrowserUI

/// The map page: keys, selection, layout and golden screens.
@Suite struct MapScreenTests {
    static let fromCivicCentre = NearbyScreenTests.fromCivicCentre

    /// A square "district" around the fixture's points and one "subdistrict" inside it.
    static let district = Boundary(polygons: [[[
        GeoCoordinate(latitude: 22.530, longitude: 114.040), GeoCoordinate(latitude: 22.530, longitude: 114.075),
        GeoCoordinate(latitude: 22.560, longitude: 114.075), GeoCoordinate(latitude: 22.560, longitude: 114.040),
    ]]])
    static let subdistricts = [SubdistrictBoundary(code: "440304001", name: "福田街道", area: Boundary(polygons: [[[
        GeoCoordinate(latitude: 22.535, longitude: 114.050), GeoCoordinate(latitude: 22.535, longitude: 114.065),
        GeoCoordinate(latitude: 22.548, longitude: 114.065), GeoCoordinate(latitude: 22.548, longitude: 114.050),
    ]]]), note: nil, provenance: .sample)]

    static func state(width: Int = 80, height: Int = 24, ascii: Bool = false, colour: Bool = true,
                      domainColours: Bool = true, language: InterfaceLanguage = .chinese) -> BrowserState {
        let fixture = Fixture.context()
        var catalogue = fixture.catalogue
        catalogue.boundary = district
        catalogue.subdistrictBoundaries = subdistricts
        // A fixed clock: the list beside the map shows open-now status.
        let context = BrowserContext(catalogue: catalogue, bodies: fixture.bodies, now: { Fixture.tuesdayTen })
        var state = BrowserState(context: context,
                                 options: BrowserOptions(language: language, ascii: ascii, colour: colour, domainColours: domainColours),
                                 width: width, height: height)
        for command in fromCivicCentre { _ = state.apply(command) }
        return state
    }

    static func onMap(_ state: BrowserState, _ commands: [Command]) -> BrowserState {
        var state = state
        _ = state.apply(.toggleMap)
        for command in commands { _ = state.apply(command) }
        return state
    }

    @Test func mSwitchesBetweenTheListAndTheMap() {
        var state = Self.state()
        #expect(state.handle(.key(.character("m"))) == .redraw)
        #expect(state.page == .map)
        #expect(state.mode == .map)
        _ = state.handle(.key(.character("m")))
        #expect(state.page == .nearby)
        _ = state.handle(.key(.character("m")))
        _ = state.handle(.key(.escape))
        #expect(state.page == .nearby)
        _ = state.handle(.key(.character("m")))
        _ = state.handle(.key(.backspace))
        #expect(state.page == .nearby)
    }

    @Test func onTheMapHPansInsteadOfGoingBack() {
        var state = Self.onMap(Self.state(), [])
        _ = state.handle(.key(.character("h")))
        #expect(state.page == .map)
        #expect(state.map.centre.eastMetres < 0)
        _ = state.handle(.key(.character("k")))
        #expect(state.map.centre.northMetres > 0)
        _ = state.handle(.key(.character("c")))
        #expect(state.map.centre == MapPoint(eastMetres: 0, northMetres: 0))
    }

    @Test func plusAndMinusZoomWithinLimits() {
        var state = Self.onMap(Self.state(), [])
        let start = state.mapViewport.metresPerDotEast
        _ = state.handle(.key(.character("+")))
        #expect(state.mapViewport.metresPerDotEast < start)
        for _ in 0..<40 { _ = state.handle(.key(.character("-"))) }
        #expect(state.map.zoomSteps == MapState.zoomRange.lowerBound)
        #expect(state.message == "已经缩到最小")
    }

    @Test func tabSelectsPointsByDistanceAndTheStatusLineNamesThem() {
        var state = Self.onMap(Self.state(), [])
        #expect(state.selectedMapHit?.point.id == "P1")
        _ = state.handle(.key(.tab))
        #expect(state.selectedMapHit?.point.id == "P4")
        _ = state.handle(.key(.tab))
        _ = state.handle(.key(.tab))
        #expect(state.selectedMapHit?.point.id == "P1")
        _ = state.handle(.key(.backTab))
        #expect(state.selectedMapHit?.point.id == "P5")
        let status = BrowserView.frame(state).rowText(state.height - 2)
        #expect(status.hasPrefix("▸ 深圳图书馆 · 图书馆 · 434 m 东北 8分"), "\(status)")
        _ = state.handle(.key(.enter))
        #expect(state.page == .point("P5"))
        _ = state.apply(.back)
        #expect(state.page == .map)
    }

    @Test func radiusKeysWorkOnTheMapAndRefit() {
        var state = Self.onMap(Self.state(), [.zoomIn])
        _ = state.handle(.key(.character("3")))
        #expect(state.nearby.radiusMetres == 1500)
        #expect(state.map.zoomSteps == 0)
        #expect(state.map.scene?.circles.first { $0.isCurrent }?.radiusMetres == 1500)
    }

    @Test func theLegendFollowsTheSizeUntilIToggles() {
        var state = Self.onMap(Self.state(width: 40, height: 12), [])
        #expect(!state.mapLegendShown)
        _ = state.handle(.key(.character("i")))
        #expect(state.mapLegendShown)
        #expect(Self.onMap(Self.state(), []).mapLegendShown)
    }

    @Test func theFilterNarrowsThePointsOnTheMap() {
        let state = Self.onMap(Self.state(), [])
        #expect(state.map.scene?.markers.map(\.pointID) == ["P1", "P4", "P5", "P2", "P6"])
        var filtered = state
        filtered.setFilter(.domain(id: "D09"))
        #expect(filtered.map.scene?.markers.map(\.pointID) == ["P5"])
    }

    @Test func theHelpPageListsTheMapKeysFromTheKeyTable() {
        let state = Self.onMap(Self.state(), [.help])
        let text = BrowserView.frame(state).text
        for label in ["+ =", "放大地图", "Tab", "h ←", "Esc Bksp", "显示/隐藏图例", "按距离选下一个服务点"] {
            #expect(text.contains(label), "\(label)")
        }
    }

    @Test func theMapKeyLeavesSToSavingThePlaceOnTheNearbyScreen() {
        #expect(KeyMap.standard.command(for: .character("m"), in: .nearby) == .toggleMap)
        #expect(KeyMap.standard.command(for: .character("s"), in: .nearby) == .savePlace)
    }

    // MARK: Golden screens

    @Test(arguments: GoldenScreenTests.sizes) func mapInColour(width: Int, height: Int) {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(width: width, height: height), [])), named: "map-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func mapInAscii(width: Int, height: Int) {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(width: width, height: height, ascii: true), [])),
                        named: "map-ascii-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func mapWithoutColourShowsDomainDigits(width: Int, height: Int) {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(width: width, height: height, colour: false), [])),
                        named: "map-nocolour-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func mapFilteredByDomain(width: Int, height: Int) {
        var state = Self.state(width: width, height: height)
        state.setFilter(.domain(id: "D04"))
        Snapshot.assert(BrowserView.frame(Self.onMap(state, [])), named: "map-filtered-\(width)x\(height)")
        var ascii = Self.state(width: width, height: height, ascii: true)
        ascii.setFilter(.domain(id: "D04"))
        Snapshot.assert(BrowserView.frame(Self.onMap(ascii, [])), named: "map-filtered-ascii-\(width)x\(height)")
    }

    @Test func mapZoomedWithASelectedPoint() {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(), [.zoomIn, .zoomIn, .nextPoint])), named: "map-zoomed-80x24")
    }

    @Test func mapBesideTheListAt120Columns() {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(width: 120, height: 30), [])), named: "map-wide-120x30")
    }

    @Test func mapInEnglish() {
        Snapshot.assert(BrowserView.frame(Self.onMap(Self.state(language: .english), [])), named: "map-en-80x24")
    }
}
