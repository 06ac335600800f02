import Catalogue
import Testing
@testable import BrowserUI

/// Official records (imported from the district's own files) carry 官方 in lists, as sample
/// records carry 样例; reference records carry neither.
@Suite struct ProvenanceBadgeTests {
    /// The fixture catalogue with 梅林社区健康服务中心 (P6) imported from the district's own list.
    static func state(language: InterfaceLanguage, width: Int = 40, height: Int = 12) -> BrowserState {
        let base = Fixture.catalogue()
        var points = base.points
        if let index = points.firstIndex(where: { $0.id == "P6" }) {
            points[index].provenance = .official(source: "ft-health-2024")
            points[index].origin = ImportOrigin(file: "community-health-gbk.csv", row: 5, date: "2026-12-01")
        }
        let sources = base.sources + [SourceInfo(id: "ft-health-2024", title: "福田区社区健康服务中心一览表", origin: "福田区卫生健康局",
                                                 licence: "the district's own data", datum: "GCJ-02", snapshot: "2024-06",
                                                 reliability: "high", note: nil)]
        let catalogue = ServiceCatalogue(metadata: base.metadata, sources: sources, pointTypes: base.pointTypes,
                                         domains: base.domains, items: base.items, points: points, standards: base.standards,
                                         subdistricts: base.subdistricts, landmarks: base.landmarks)
        let context = BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: [:]), now: { Fixture.tuesdayTen })
        return BrowserState(context: context, options: BrowserOptions(language: language), width: width, height: height)
    }

    static func frame(_ width: Int, _ height: Int, _ commands: [Command]) -> Screen {
        var state = Self.state(language: .chinese, width: width, height: height)
        for command in commands { _ = state.apply(command) }
        return BrowserView.frame(state)
    }

    /// The points of 家庭医生签约服务, with the official one (the fourth) selected.
    static let officialPointSelected: [Command] = GoldenScreenTests.familyDoctorPoints + [.down, .down, .down]

    @Test(arguments: GoldenScreenTests.sizes) func theOfficialPointCarriesTheOfficialBadgeInTheList(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.officialPointSelected), named: "points-official-\(width)x\(height)")
    }

    @Test(arguments: GoldenScreenTests.sizes) func theOfficialPointsSheetNamesTheDistrictsOwnList(width: Int, height: Int) {
        Snapshot.assert(Self.frame(width, height, Self.officialPointSelected + [.open]), named: "point-detail-official-\(width)x\(height)")
    }

    /// At 40x12 a point's first screen holds what a visit needs (the address first) and where
    /// the record comes from: an official or sample record by its badge beside the name, and in
    /// Chinese by the 来源 line too, which follows the opening hours (the district's list whole).
    @Test(arguments: [InterfaceLanguage.chinese, .english])
    func thePointSheetsFirstScreenAt40x12HoldsTheAddressAndTheSource(language: InterfaceLanguage) {
        let badges = [1: language.pick("样例", "sample"), 3: language.pick("官方", "official")]
        for index in 0..<4 {
            var state = Self.state(language: language, width: 40, height: 12)
            for command in GoldenScreenTests.familyDoctorPoints + Array(repeating: .down, count: index) + [.open] { _ = state.apply(command) }
            let screen = BrowserView.frame(state).text
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let text = screen.filter { !$0.isWhitespace }
            #expect(text.contains(language.pick("地址", "Address")), "point \(index): \(screen)")
            if let badge = badges[index] { #expect(lines.count > 1 && lines[1].contains(badge), "point \(index): \(screen)") }
            if language == .chinese { #expect(text.contains("来源"), "point \(index): \(screen)") }
            if language == .chinese && index == 3 {
                #expect(text.contains("来源官方数据：福田区社区健康服务中心一览表（福田区卫生健康局，快照2024-06）"), "\(screen)")
            }
        }
    }

    @Test(arguments: [(InterfaceLanguage.chinese, "官方", "样例"), (.english, "official", "sample")])
    func officialAndSamplePointsCarryTheirBadgeFirstAndReferencePointsNone(language: InterfaceLanguage, official: String, sample: String) {
        let state = Self.state(language: language)
        let rows = (0..<4).map { BrowseView.rowContent(state, page: .points(itemID: "I0401"), index: $0, width: 40) }
        #expect(rows.map(\.0) == ["福田社区健康服务中心（市民中心）", "莲花北社区健康服务中心", "香蜜湖社区健康服务中心", "梅林社区健康服务中心"])
        #expect(rows.map { $0.1.first?.text } == [rows[0].1.first?.text, sample, rows[2].1.first?.text, official])
        #expect(rows[0].1.allSatisfy { $0.text != official && $0.text != sample })
        #expect(rows[2].1.allSatisfy { $0.text != official && $0.text != sample })
        #expect(rows[3].1.first?.style == .title)
        #expect(rows[1].1.first?.style == .warning)
    }
}
