import Catalogue
import Testing
@testable import BrowserUI

/// Official records (imported from the district's own files) carry 官方 in lists, as sample
/// records carry 样例; reference records carry neither.
@Suite struct ProvenanceBadgeTests {
    static func state(language: InterfaceLanguage) -> BrowserState {
        let base = Fixture.catalogue()
        var points = base.points
        if let index = points.firstIndex(where: { $0.id == "P6" }) { points[index].provenance = .official(source: "futian-list") }
        let catalogue = ServiceCatalogue(metadata: base.metadata, sources: base.sources, pointTypes: base.pointTypes,
                                         domains: base.domains, items: base.items, points: points, standards: base.standards,
                                         subdistricts: base.subdistricts, landmarks: base.landmarks)
        let context = BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: [:]), now: { Fixture.tuesdayTen })
        return BrowserState(context: context, options: BrowserOptions(language: language), width: 40, height: 12)
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
