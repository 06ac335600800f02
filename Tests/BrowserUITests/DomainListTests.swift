import Catalogue
import Testing
@testable import BrowserUI

/// The domains list keeps its counts in columns at 40 columns, in both languages, whatever the
/// names' lengths and the counts' digits.
@Suite struct DomainListTests {
    /// The fixture with 120 more points serving the health domain's first item, so that one
    /// domain's point count has three digits and the others one.
    static func state(language: InterfaceLanguage) -> BrowserState {
        let base = Fixture.catalogue(pointName: "福田社区健康服务中心（市民中心）")
        var points = base.points
        for n in 1...120 {
            var copy = base.points[0]
            copy.id = "PX\(n)"
            points.append(copy)
        }
        let catalogue = ServiceCatalogue(metadata: base.metadata, sources: base.sources, pointTypes: base.pointTypes,
                                         domains: base.domains, items: base.items, points: points, standards: base.standards,
                                         subdistricts: base.subdistricts, landmarks: base.landmarks)
        let context = BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: [:]))
        return BrowserState(context: context, options: BrowserOptions(language: language), width: 40, height: 8)
    }

    @Test func countsLineUpInEnglishAndLongNamesAreCutInstead() {
        let screen = BrowserView.frame(Self.state(language: .english))
        #expect((2...5).map(screen.rowText) == [
            "幼有善育 Childcare       1 items   1 pts",
            "学有优教 Education       1 items   0 pts",
            "病有良医 Health care     2 items 124 pts",
            "文化体育保障 Culture an… 1 items   1 pts",
        ])
    }

    @Test func countsLineUpInChinese() {
        let screen = BrowserView.frame(Self.state(language: .chinese))
        #expect((2...5).map(screen.rowText) == [
            "幼有善育                       1项   1点",
            "学有优教                       1项   0点",
            "病有良医                       2项 124点",
            "文化体育保障                   1项   1点",
        ])
    }

    @Test func keptTagsStayAndTheTitleIsCutButNotWhenTheyAloneOverflow() {
        var screen = Screen(width: 20, height: 2)
        let kept = [SheetRow.Piece(text: "10 items", style: .dim, priority: SheetRow.Piece.kept)]
        screen.putRow("A very long title indeed", row: 0, column: 0, columns: 20, style: .normal, tags: kept)
        #expect(screen.rowText(0) == "A very lon… 10 items")
        screen.putRow("Title", row: 1, column: 0, columns: 6, style: .normal, tags: kept)
        #expect(screen.rowText(1) == "Title")
    }
}
