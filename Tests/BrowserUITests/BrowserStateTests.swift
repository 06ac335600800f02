import Testing
import Catalogue
@testable import BrowserUI

/// The browser state as a value: commands in, pages and positions out.
@Suite struct BrowserStateTests {
    func cursor(_ state: BrowserState) -> Int { state.positions[state.page.positionKey]?.cursor ?? 0 }

    @Test func startsOnTheDomainsList() {
        let state = Fixture.state()
        #expect(state.stack == [.domains])
        #expect(state.mode == .browse)
        #expect(cursor(state) == 0)
    }

    @Test func theDashboardMovesWithinItsTableAndEnterOpensTheCellsGaps() {
        var state = Fixture.state()
        _ = state.apply(.dashboard)
        #expect(state.page == .dashboard)
        #expect(state.dashboard.rowCount == 3)
        _ = state.apply(.columnLeft)
        #expect(state.dashboard.column == 0)
        for _ in 0..<10 { _ = state.apply(.columnRight) }
        #expect(state.dashboard.column == 3)
        for _ in 0..<10 { _ = state.apply(.down) }
        #expect(cursor(state) == 2)
        _ = state.apply(.radius(metres: 1500))
        #expect(state.dashboard.radiusMetres == 1500)
        _ = state.apply(.open)
        #expect(state.page == .coverageGaps(row: 2, column: 3))
        _ = state.apply(.back)
        _ = state.apply(.back)
        #expect(state.stack == [.domains])
        // The figures are computed once and kept for the next visit.
        _ = state.apply(.dashboard)
        #expect(state.dashboard.column == 3 && state.dashboard.radiusMetres == 1500)
    }

    @Test func theDashboardsFiguresTakenADomainAtATimeAreThoseOfOneAnalysisOfEveryDomain() {
        let catalogue = Fixture.state().catalogue
        let dashboard = DashboardState.compute(catalogue)
        let analysis = DashboardState.analysis(catalogue)
        #expect(dashboard.layers == analysis.layers)
        #expect(dashboard.subdistricts.map(\.code) == analysis.grid.subdistricts.map(\.code))
        #expect(dashboard.figures == CoverageAnalysis.standardRadiiMetres.map { radius in
            analysis.layers.indices.map { analysis.figures(layer: $0, radiusMetres: radius) }
        })
        #expect(dashboard.analysis == nil)
    }

    @Test func mOnAGapsPageMapsTheDomainAroundItsLargestUncoveredPatchWithThePatchesOutlined() throws {
        var state = Fixture.state()
        _ = state.apply(.dashboard)
        _ = state.apply(.radius(metres: 500))
        _ = state.apply(.open)
        let gaps = state.page
        let analysis = try #require(state.dashboard.analysis)
        let patches = analysis.patches(layer: 0, radiusMetres: 500, subdistrict: 0, limit: 5)
        let largest = try #require(patches.first)
        _ = state.apply(.toggleMap)
        #expect(state.page == .map)
        #expect(state.nearby.origin == .coordinate(largest.centre, .wgs84))
        #expect(state.nearby.radiusMetres == 500)
        #expect(state.nearby.filter == .domain(id: analysis.layers[0].id))
        #expect(state.map.overlays.map(\.rings) == patches.map { analysis.outline(of: $0) })
        #expect(state.map.overlays.first?.name == "未覆盖片区 1")
        // Back walks the way it came: the list of that domain's points, then the gaps page.
        _ = state.apply(.back)
        #expect(state.page == .nearby)
        _ = state.apply(.back)
        #expect(state.page == gaps)
        // Choosing another place drops the patches from the map.
        state.setOrigin(.subdistrict(code: analysis.grid.subdistricts[0].code))
        #expect(state.map.overlays.isEmpty)
    }

    @Test func movingStopsAtBothEnds() {
        var state = Fixture.state()
        _ = state.apply(.up)
        #expect(cursor(state) == 0)
        for _ in 0..<10 { _ = state.apply(.down) }
        #expect(cursor(state) == 3)
        _ = state.apply(.top)
        #expect(cursor(state) == 0)
        _ = state.apply(.bottom)
        #expect(cursor(state) == 3)
        _ = state.apply(.pageUp)
        #expect(cursor(state) == 0)
    }

    @Test func backLandsOnTheRowYouLeft() {
        var state = Fixture.state()
        _ = state.apply(.down)
        _ = state.apply(.down)
        _ = state.apply(.open)
        #expect(state.page == .items(domainID: "D04"))
        _ = state.apply(.down)
        _ = state.apply(.open)
        #expect(state.page == .points(itemID: "I0402"))
        _ = state.apply(.back)
        #expect(state.page == .items(domainID: "D04"))
        #expect(cursor(state) == 1)
        _ = state.apply(.back)
        #expect(state.page == .domains)
        #expect(cursor(state) == 2)
    }

    @Test func backAtTheTopSaysHowToQuit() {
        var state = Fixture.state()
        #expect(state.apply(.back) == .redraw)
        #expect(state.stack == [.domains])
        #expect(state.message == "已在最上层；按 q 退出")
    }

    @Test func openingAnItemWithoutPointsShowsItsDetails() {
        var state = Fixture.state()
        _ = state.apply(.down)
        _ = state.apply(.open)
        _ = state.apply(.open)
        #expect(state.page == .item("I0201"))
    }

    @Test func detailsOnAPointsListShowsTheirItem() {
        var state = Fixture.state()
        for command in GoldenScreenTests.familyDoctorPoints + [.down, .details] { _ = state.apply(command) }
        #expect(state.page == .item("I0401"))
    }

    @Test func detailsOpensTheItemPage() {
        var state = Fixture.state()
        for command in [Command.down, .down, .open, .details] { _ = state.apply(command) }
        #expect(state.page == .item("I0401"))
        #expect(state.mode == .itemDetail)
    }

    @Test func aStandardLinkOpensTheReaderAndItsContentsJumpToAChapter() throws {
        var state = Fixture.state()
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        #expect(state.page == .reader(standardID: "S1"))
        #expect(state.readerTop == 0)
        _ = state.apply(.contents)
        #expect(state.page == .contents(standardID: "S1"))
        let headings = try #require(state.document).headings.map(\.title)
        #expect(headings == ["家庭医生签约服务指南", "1 适用范围", "2 服务对象", "3 服务内容", "4 办理材料",
                             "5 服务流程", "5.1 申请", "5.2 签约", "6 咨询电话"])
        for _ in 0..<5 { _ = state.apply(.down) }
        _ = state.apply(.open)
        #expect(state.page == .reader(standardID: "S1"))
        let document = try #require(state.document)
        #expect(String(document.sourceLines[document.lines[state.readerTop].source]) == "## 5 服务流程")
    }

    @Test func theReaderRemembersItsPositionPerText() {
        var state = Fixture.state()
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        for _ in 0..<3 { _ = state.apply(.down) }
        #expect(state.readerTop == 3)
        _ = state.apply(.back)
        _ = state.apply(.down)
        _ = state.apply(.open)
        #expect(state.page == .reader(standardID: "S2"))
        #expect(state.readerTop == 0)
        _ = state.apply(.back)
        _ = state.apply(.up)
        _ = state.apply(.open)
        #expect(state.page == .reader(standardID: "S1"))
        #expect(state.readerTop == 3)
    }

    @Test func readerPositionSurvivesAResize() throws {
        var state = Fixture.state()
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        for _ in 0..<5 { _ = state.apply(.down) }
        let document = try #require(state.document)
        let anchor = document.anchor(ofLine: state.readerTop)
        state.resize(width: 40, height: 12)
        let narrow = try #require(state.document)
        let line = narrow.lines[state.readerTop]
        #expect(line.source == anchor.source)
        #expect(line.range.contains(anchor.offset))
        state.resize(width: 80, height: 24)
        #expect(state.document?.anchor(ofLine: state.readerTop) == anchor)
    }

    @Test func wideWindowsCentreTheTextAtAComfortableMeasure() throws {
        var state = Fixture.state(width: 160, height: 30)
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        let document = try #require(state.document)
        #expect(document.columns == 100)
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(1) == String(repeating: " ", count: 30) + "家庭医生签约服务指南")
    }

    @Test func textSearchFindsMatchesAndStepsThroughThem() throws {
        var state = Fixture.state(width: 40, height: 12)
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        _ = state.apply(.searchText)
        #expect(state.mode == .prompt)
        for c in "协议" { _ = state.apply(.insert(c)) }
        _ = state.apply(.submit)
        #expect(state.mode == .reader)
        let document = try #require(state.document)
        #expect(document.matches.count == 2)
        #expect(state.message == "匹配 1/2")
        let first = state.readerTop
        #expect(document.lines[first].source == document.matches[0].source)
        _ = state.apply(.nextMatch)
        #expect(state.message == "匹配 2/2")
        #expect(state.readerTop > first)
        _ = state.apply(.nextMatch)
        #expect(state.message == "匹配 1/2")
        _ = state.apply(.previousMatch)
        #expect(state.message == "匹配 2/2")
    }

    @Test func aLoneEscapeCancelsTheSearchField() {
        var state = Fixture.state()
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        _ = state.handle(.key(.character("/")))
        _ = state.handle(.key(.character("x")))
        _ = state.handle(.key(.escape))
        #expect(state.mode == .reader)
        #expect(state.page == .reader(standardID: "S1"))
        #expect(state.document?.query == "")
    }

    @Test func findGroupsHitsByKindAndOpensARecordInItsPlace() {
        var state = Fixture.state()
        _ = state.apply(.find)
        for c in "家庭医生" { _ = state.apply(.insert(c)) }
        #expect(state.findRows.count == 4)
        #expect(state.findRows[0] == .heading(.item, count: 1))
        #expect(state.findRows[2] == .heading(.standard, count: 1))
        #expect(cursor(state) == 1)
        _ = state.apply(.down)
        #expect(cursor(state) == 3)
        _ = state.apply(.up)
        #expect(cursor(state) == 1)
        _ = state.apply(.open)
        #expect(state.stack == [.domains, .items(domainID: "D04"), .item("I0401")])
        _ = state.apply(.back)
        #expect(state.page == .items(domainID: "D04"))
        #expect(cursor(state) == 0)
        _ = state.apply(.back)
        #expect(cursor(state) == 2)
    }

    @Test func aFoundPointOpensUnderItsFirstItem() {
        var state = Fixture.state()
        _ = state.apply(.find)
        for c in "梅林" { _ = state.apply(.insert(c)) }
        _ = state.apply(.open)
        #expect(state.stack == [.domains, .items(domainID: "D04"), .points(itemID: "I0401"), .point("P6")])
        _ = state.apply(.back)
        #expect(cursor(state) == 3)
    }

    @Test func aFoundStandardOpensTheReaderAboveItsItem() {
        var state = Fixture.state()
        _ = state.apply(.find)
        for c in "规范" { _ = state.apply(.insert(c)) }
        _ = state.apply(.open)
        #expect(state.stack == [.domains, .items(domainID: "D04"), .item("I0401"), .reader(standardID: "S2")])
        _ = state.apply(.back)
        let rows = state.sheetRows(state.page)
        #expect(rows[cursor(state)].link == .reader(standardID: "S2"))
    }

    @Test func escapeLeavesFindWhereYouWere() {
        var state = Fixture.state()
        _ = state.apply(.down)
        _ = state.handle(.key(.character("/")))
        #expect(state.mode == .find)
        _ = state.handle(.key(.character("q")))
        #expect(state.findField.text == "q")
        _ = state.handle(.key(.escape))
        #expect(state.page == .domains)
        #expect(cursor(state) == 1)
    }

    @Test func chineseTypedIntoAFieldPutsTheCursorAtTheCaretColumn() {
        var state = Fixture.state()
        _ = state.handle(.key(.character("/")))
        for c in "社康a" { _ = state.handle(.key(.character(c))) }
        let screen = BrowserView.frame(state)
        // " 搜索：" is 7 columns, then 社康a is 5.
        #expect(screen.cursor?.row == 1)
        #expect(screen.cursor?.column == 12)
        _ = state.handle(.key(.left))
        _ = state.handle(.key(.left))
        #expect(BrowserView.frame(state).cursor?.column == 9)
        _ = state.handle(.key(.backspace))
        #expect(state.findField.text == "康a")
    }

    @Test func helpListsTheCurrentModeAndGoesBack() {
        var state = Fixture.state()
        _ = state.apply(.help)
        #expect(state.page == .help(.browse))
        _ = state.handle(.key(.character("?")))
        #expect(state.page == .domains)
    }

    @Test func quitAndEndOfInputLeave() {
        var state = Fixture.state()
        #expect(state.apply(.quit) == .quit)
        #expect(state.handle(.end) == .quit)
        #expect(state.handle(.key(.character("q"))) == .quit)
    }

    @Test func languageSwitchesLabelsButNotContent() {
        var state = Fixture.state()
        _ = state.apply(.toggleLanguage)
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(1).hasPrefix("Domains 4"))
        #expect(screen.rowText(2).hasPrefix("幼有善育 "))
        #expect(screen.rowText(2).hasSuffix("sample Futian 1 pts"))
    }

    @Test func aClickSelectsAndASecondClickOpens() {
        var state = Fixture.state()
        _ = state.handle(.click(row: 4, column: 3))
        #expect(cursor(state) == 2)
        _ = state.handle(.click(row: 4, column: 3))
        #expect(state.page == .items(domainID: "D04"))
        _ = state.handle(.click(row: 3, column: 50))
        #expect(state.page == .points(itemID: "I0401"))
        #expect(cursor(state) == 1)
    }

    @Test func aClickOnTheKeyBarGivesItsCommand() {
        var state = Fixture.state()
        // The key bar reads "Enter 打开 Esc 返回 i 详情 / 搜索 …": columns 27–33 hold "/ 搜索 ".
        _ = state.handle(.click(row: 23, column: 30))
        #expect(state.page == .find)
    }

    @Test func theWheelScrolls() {
        var state = Fixture.state()
        _ = state.handle(.scroll(lines: 2, row: 3, column: 3))
        #expect(cursor(state) == 2)
        _ = state.handle(.scroll(lines: -1, row: 3, column: 3))
        #expect(cursor(state) == 1)
    }

    @Test func aSampleTextShowsItsBadgeInTheReader() {
        var catalogue = Fixture.catalogue()
        catalogue.standards[0].provenance = .sample
        var state = BrowserState(context: BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: ["S1": "正文"])))
        for command in GoldenScreenTests.openGuide { _ = state.apply(command) }
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(0).hasSuffix("家庭医生签约服务指南                                   [样例]"))
        #expect(screen.styleMask.prefix(80).hasSuffix("TWWWWWW"))
    }

    @Test func aSelectedLinkStaysSelectedWhenTheDetailsRewrap() {
        var state = Fixture.state()
        for command in GoldenScreenTests.healthDomain + [.details, .nextLink] { _ = state.apply(command) }
        #expect(state.sheetRows(state.page)[cursor(state)].link == .reader(standardID: "S1"))
        state.resize(width: 40, height: 12)
        #expect(state.sheetRows(state.page)[cursor(state)].link == .reader(standardID: "S1"))
        let screen = BrowserView.frame(state)
        let selectedRows = (0..<screen.height).filter { screen[$0, 0].style == .selected }
        #expect(selectedRows.count == 1)
        #expect(selectedRows.first.map { screen.rowText($0).contains("家庭医生签约服务指南") } == true)
    }

    @Test func resizingToNothingAndBackKeepsThePlace() {
        var state = Fixture.state()
        _ = state.apply(.down)
        for (w, h) in [(0, 0), (1, 1), (29, 7), (30, 8), (200, 60), (80, 24)] {
            _ = state.handle(.resize(width: w, height: h))
            let screen = BrowserView.frame(state)
            #expect(screen.width == w && screen.height == h)
        }
        #expect(cursor(state) == 1)
    }
}
