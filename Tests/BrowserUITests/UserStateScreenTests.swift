import Catalogue
import Geodesy
import Testing
@testable import BrowserUI

/// Favourites, history, saved places, reading positions, links, copying and open-now in the browser.
@Suite struct UserStateScreenTests {
    func cursor(_ state: BrowserState) -> Int { state.positions[state.page.positionKey]?.cursor ?? 0 }

    /// Domains → 病有良医 → 家庭医生签约服务's points → P1's page.
    static let toPointP1: [Command] = [.down, .down, .open, .open, .open]

    @Test func theStarKeyStarsThePointOnScreenAndTheFavouritesPageListsIt() throws {
        let memory = InMemoryUserState()
        var state = Fixture.state(userState: memory)
        for command in Self.toPointP1 { _ = state.apply(command) }
        #expect(state.page == .point("P1"))
        _ = state.handle(.key(.character("*")))
        #expect(state.message == "已收藏：福田社区健康服务中心（市民中心）（F 查看收藏）")
        #expect(memory.favourites().map(\.record) == [RecordReference(kind: .point, id: "P1")])
        #expect(BrowserView.frame(state).rowText(1) == " 福田社区健康服务中心（市民中心） ★")
        _ = state.handle(.key(.character("F")))
        #expect(state.page == .favourites)
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(0) == "福田基本公共服务 › 我的收藏")
        #expect(screen.rowText(1) == "  ▸ 福田社区健康服务中心（市民中心）  服务点 ★  开放中")
        _ = state.apply(.open)
        #expect(state.page == .point("P1"))
        _ = state.apply(.back)
        _ = state.handle(.key(.character("*")))
        #expect(memory.favourites().isEmpty)
        #expect(state.message == "已取消收藏：福田社区健康服务中心（市民中心）")
    }

    @Test func theStarKeyOnAListStarsTheSelectedRowAndATextFromTheReader() throws {
        let memory = InMemoryUserState()
        var state = Fixture.state(userState: memory)
        _ = state.apply(.down)
        _ = state.apply(.down)
        _ = state.apply(.open)
        _ = state.apply(.down)
        _ = state.handle(.key(.character("*")))
        #expect(memory.favourites().map(\.record) == [RecordReference(kind: .item, id: "I0402")])
        _ = state.handle(.key(.character("H")))
        #expect(BrowserView.frame(state).rowText(1) == "  还没有历史记录。打开的事项、服务点和标准会列在这里（最近 100 个）。")
        _ = state.apply(.back)
        _ = state.apply(.up)
        _ = state.apply(.details)
        _ = state.apply(.nextLink)
        _ = state.apply(.open)
        #expect(state.page == .reader(standardID: "S1"))
        _ = state.handle(.key(.character("*")))
        #expect(memory.favourites().first?.record == RecordReference(kind: .standard, id: "S1"))
    }

    @Test func historyKeepsWhatWasOpenedLatestFirstAndOpensIt() {
        let memory = InMemoryUserState()
        var state = Fixture.state(userState: memory)
        for command in Self.toPointP1 { _ = state.apply(command) }
        _ = state.apply(.back)
        _ = state.apply(.details)
        #expect(state.page == .item("I0401"))
        #expect(memory.history().map(\.record) == [RecordReference(kind: .item, id: "I0401"), RecordReference(kind: .point, id: "P1")])
        _ = state.handle(.key(.character("H")))
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(1) == "  ▸ 家庭医生签约服务  事项")
        #expect(screen.rowText(2) == "  ▸ 福田社区健康服务中心（市民中心）  服务点  开放中")
        _ = state.apply(.down)
        _ = state.apply(.open)
        #expect(state.page == .point("P1"))
    }

    @Test func readingPositionsAreKeptAcrossRuns() {
        let memory = InMemoryUserState()
        var first = Fixture.state(userState: memory)
        for command: Command in [.down, .down, .open, .details, .nextLink, .open] { _ = first.apply(command) }
        #expect(first.page == .reader(standardID: "S1"))
        for _ in 0..<5 { _ = first.apply(.down) }
        let top = first.readerTop
        #expect(top == 5)
        #expect(memory.readingPosition(of: "S1") != nil)
        var second = Fixture.state(userState: memory)
        for command: Command in [.down, .down, .open, .details, .nextLink, .open] { _ = second.apply(command) }
        #expect(second.readerTop == top)
        // A narrower window re-wraps, but the same source line stays at the top.
        var narrow = Fixture.state(width: 40, height: 12, userState: memory)
        for command: Command in [.down, .down, .open, .details, .nextLink, .open] { _ = narrow.apply(command) }
        #expect(narrow.document?.lines[narrow.readerTop].source == first.document?.lines[top].source)
    }

    @Test func sOnTheNearbyScreenSavesTheOriginAndThePickerListsItFirst() {
        let memory = InMemoryUserState()
        var state = Fixture.state(userState: memory)
        for command in NearbyScreenTests.fromCivicCentre { _ = state.apply(command) }
        _ = state.handle(.key(.character("s")))
        #expect(state.mode == .prompt)
        for character in "家" { _ = state.apply(.insert(character)) }
        _ = state.apply(.submit)
        #expect(state.message == "已保存“家”：按 o 可在最前面选到它")
        #expect(memory.savedPlaces().map(\.name) == ["家"])
        #expect(memory.savedPlaces().first?.location == GeoCoordinate(latitude: 22.5431, longitude: 114.0579))
        _ = state.apply(.setOrigin)
        #expect(state.pickerChoices.first?.title == "家")
        #expect(state.pickerChoices.first?.kind == "我的地点")
        _ = state.apply(.submit)
        #expect(state.nearby.location?.chineseLabel == "家（保存的地点）")
    }

    @Test func aSavedNameEqualToACatalogueNameComesBeforeIt() throws {
        let memory = InMemoryUserState()
        try memory.save(SavedPlace(name: "市民中心", location: GeoCoordinate(latitude: 22.55, longitude: 114.05), savedFrom: "x"))
        var state = Fixture.state(userState: memory)
        for command in NearbyScreenTests.fromCivicCentre.dropLast() { _ = state.apply(command) }
        #expect(state.pickerChoices.prefix(2).map(\.kind) == ["我的地点", "地铁站 2/4"])
    }

    @Test func aPlaceNameThatLooksLikeCoordinatesIsRefused() {
        var state = Fixture.state()
        for command in NearbyScreenTests.fromCivicCentre { _ = state.apply(command) }
        _ = state.handle(.key(.character("s")))
        for character in "22.5,114" { _ = state.apply(.insert(character)) }
        _ = state.apply(.submit)
        #expect(state.message == "无法保存：名称看起来像坐标，会与坐标混淆；请用文字")
    }

    @Test func coordinatesPastedLongitudeFirstAreReadInShenzhen() {
        var state = Fixture.state()
        _ = state.apply(.nearby)
        for character in "114.0579,22.5431" { _ = state.apply(.insert(character)) }
        #expect(state.pickerChoices.first?.title == "22.543100, 114.057900 WGS-84")
    }

    @Test func yCopiesTheAddressAndYShiftedTheCoordinatesSayingTheTerminalMayIgnoreIt() {
        var state = Fixture.state()
        for command in Self.toPointP1 { _ = state.apply(command) }
        _ = state.handle(.key(.character("y")))
        #expect(state.takeClipboard() == "福田区福中三路市民中心B区")
        #expect(state.takeClipboard() == nil)
        #expect(state.message == "已请终端复制地址（OSC 52）；终端可能忽略此请求，那时请用鼠标选取")
        _ = state.handle(.key(.character("Y")))
        #expect(state.takeClipboard() == "22.544000,114.059000")
    }

    @Test func thePointPageShowsItsLinksAsTextAndAsHyperlinksOnlyWhenAsked() {
        var plain = Fixture.state(height: 60)
        for command in Self.toPointP1 { _ = plain.apply(command) }
        let screen = BrowserView.frame(plain)
        #expect(screen.text.contains("   OpenStreetMap\n     https://www.openstreetmap.org/?mlat=22.544000&mlon=114.059000#map=\n     18/22.544000/114.059000\n"))
        #expect(screen.text.contains("   电话\n     tel:0755-88880001\n"))
        #expect(screen.hyperlinks.isEmpty)
        var linked = Fixture.state(height: 60, hyperlinks: true)
        for command in Self.toPointP1 { _ = linked.apply(command) }
        let links = BrowserView.frame(linked).hyperlinks
        #expect(links.contains { $0.url == "tel:0755-88880001" && $0.columns == "tel:0755-88880001".count && $0.column == 5 })
        #expect(links.filter { $0.url.hasPrefix("https://www.openstreetmap.org/") }.count == 2)
    }

    @Test func openStatusFollowsTheClockOnTheRowsAndThePage() {
        // Saturday 2026-12-05 17:10: P1 (8:00-17:30 every day) is closing soon.
        var state = Fixture.state(now: 1_796_461_800)
        for command in Self.toPointP1 { _ = state.apply(command) }
        #expect(BrowserView.frame(state).text.contains(" 开放时间      周一至周日 8:00-17:30 · 即将关闭（20 分钟后）"))
        _ = state.apply(.back)
        #expect(BrowserView.frame(state).rowText(2) == "家庭医生签约服务              4点│福田社区健康服务中心（市民中心）      即将关闭")
    }

    @Test func theNewKeysCollideWithNothingInTheirModes() {
        for mode in Mode.allCases {
            let keys = KeyMap.standard.bindings(in: mode).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(mode)")
        }
        #expect(KeyMap.standard.command(for: .character("*"), in: .pointDetail) == .star)
        #expect(KeyMap.standard.command(for: .character("s"), in: .nearby) == .savePlace)
        #expect(KeyMap.standard.command(for: .character("F"), in: .browse) == .favourites)
        #expect(KeyMap.standard.command(for: .character("H"), in: .reader) == .history)
        #expect(KeyMap.standard.command(for: .character("y"), in: .pointDetail) == .copyAddress)
    }
}
