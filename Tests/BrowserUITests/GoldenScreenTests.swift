import Catalogue
import Foundation
import Testing
@testable import BrowserUI

/// Every screen at 80×24 and 40×12, as text and as a style mask.
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    /// Applies commands to a fresh state of a size and returns the frame.
    static func frame(_ width: Int, _ height: Int, language: InterfaceLanguage = .chinese,
                      _ commands: [Command]) -> Screen {
        var state = Fixture.state(width: width, height: height, language: language)
        for command in commands { _ = state.apply(command) }
        return BrowserView.frame(state)
    }

    static let healthDomain: [Command] = [.down, .down, .open]
    static let familyDoctorPoints: [Command] = healthDomain + [.open]

    @Test(arguments: sizes) func domainsList(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, []), named: "domains-\(width)x\(height)")
    }

    @Test(arguments: sizes) func itemsOfADomain(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.healthDomain), named: "items-\(width)x\(height)")
    }

    @Test(arguments: sizes) func pointsOfAnItem(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.familyDoctorPoints + [.down]), named: "points-\(width)x\(height)")
    }

    @Test func threePanesWhenWide() {
        Snapshot.assert(Self.frame(120, 16, Self.familyDoctorPoints), named: "points-120x16")
    }

    @Test(arguments: sizes) func itemDetail(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.healthDomain + [.details]), named: "item-detail-\(width)x\(height)")
    }

    @Test(arguments: sizes) func pointDetail(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.familyDoctorPoints + [.open]), named: "point-detail-\(width)x\(height)")
    }

    @Test(arguments: sizes) func samplePointWithoutPhone(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.familyDoctorPoints + [.down, .open]),
                        named: "point-detail-sample-\(width)x\(height)")
    }

    @Test(arguments: sizes) func pointWithoutLocation(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.familyDoctorPoints + [.down, .down, .open]),
                        named: "point-detail-unlocated-\(width)x\(height)")
    }

    static let openGuide: [Command] = healthDomain + [.details, .bottom, .up, .up, .up, .up, .open]

    @Test(arguments: sizes) func reader(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.openGuide), named: "reader-\(width)x\(height)")
    }

    @Test(arguments: sizes) func readerContents(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.openGuide + [.contents]), named: "contents-\(width)x\(height)")
    }

    @Test(arguments: sizes) func readerSearchHighlightsMatches(width: Int, height: Int) {
        let commands = Self.openGuide + [.searchText] + "签约".map { Command.insert($0) } + [.submit]
        Snapshot.assert(Self.frame(width, height, commands), named: "reader-search-\(width)x\(height)")
    }

    @Test(arguments: sizes) func find(width: Int, height: Int) {
        let commands: [Command] = [.find] + "社区".map { Command.insert($0) }
        Snapshot.assert(Self.frame(width, height, commands), named: "find-\(width)x\(height)")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, [.help]), named: "help-\(width)x\(height)")
    }

    @Test(arguments: [(29, 12), (80, 7), (1, 1), (0, 0)]) func tooSmall(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, []), named: "too-small-\(width)x\(height)")
    }

    @Test func asciiBorders() {
        var state = Fixture.state()
        state.options.ascii = true
        for command in Self.healthDomain { _ = state.apply(command) }
        Snapshot.assert(BrowserView.frame(state), named: "items-ascii-80x24")
    }

    @Test func englishLabels() {
        Snapshot.assert(Self.frame(80, 24, language: .english, Self.healthDomain + [.details]), named: "item-detail-en-80x24")
    }

    @Test(arguments: sizes) func equalisationDashboard(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, [.dashboard, .down, .columnRight, .columnRight, .columnRight]),
                        named: "dashboard-\(width)x\(height)")
    }

    @Test(arguments: sizes) func equalisationDashboardAt500mInEnglish(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, language: .english, [.dashboard, .radius(metres: 500), .columnRight, .columnRight, .columnRight]),
                        named: "dashboard-en-500-\(width)x\(height)")
    }

    @Test(arguments: sizes) func coverageGapsOfACell(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, [.dashboard, .down, .columnRight, .columnRight, .columnRight, .open]),
                        named: "coverage-gaps-\(width)x\(height)")
    }

    /// The embedded Futian catalogue: 9 domain columns do not fit 40 columns, so they scroll
    /// to keep the selected one in view.
    @Test func futianDashboardScrollsItsDomainColumnsAt40x12() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/futian")
        let catalogue = try #require(CatalogueLoader.load(folder: folder).loaded?.catalogue)
        let context = BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: [:]), userState: nil, now: { Fixture.tuesdayTen })
        var state = BrowserState(context: context, options: BrowserOptions(language: .chinese), width: 40, height: 12)
        _ = state.apply(.dashboard)
        Snapshot.assert(BrowserView.frame(state), named: "dashboard-futian-40x12")
        for _ in 0..<6 { _ = state.apply(.columnRight) }
        _ = state.apply(.down)
        Snapshot.assert(BrowserView.frame(state), named: "dashboard-futian-scrolled-40x12")
    }

    @Test(arguments: sizes) func uncoveredPatchesOnTheMap(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, [.dashboard, .radius(metres: 500), .open, .toggleMap]),
                        named: "coverage-gaps-map-\(width)x\(height)")
    }
}
