import Catalogue
import Testing
@testable import BrowserUI

/// Both name searches behind the `NameSearching` seam.
@Suite struct NameSearchTests {
    @Test func substringSearchFindsNamesIgnoringLatinCase() {
        let search = SubstringNameSearch(catalogue: Fixture.catalogue())
        let hits = search.search("社区健康", limit: 10)
        #expect(hits.map(\.id) == ["P1", "P2", "P3", "P6"])
        #expect(hits[0].highlights == [2..<6])
        #expect(search.search("ws/t", limit: 10).isEmpty)
        #expect(search.search("  ", limit: 10).isEmpty)
        #expect(search.search("服务", limit: 2).count == 2)
    }

    @Test func rankedSearchFindsPinyinInitialsAndHighlightsTheName() {
        let search = RankedNameSearch(index: SearchIndex(catalogue: Fixture.catalogue()))
        let hits = search.search("jtys", limit: 10)
        #expect(hits.first?.id == "I0401")
        #expect(hits.first?.kind == .item)
        #expect(hits.first?.highlights.isEmpty == false)
    }

    @Test func rankedSearchPlugsIntoTheBrowser() {
        let catalogue = Fixture.catalogue()
        let context = BrowserContext(catalogue: catalogue, bodies: Fixture.Bodies(texts: [:]),
                                     search: RankedNameSearch(index: SearchIndex(catalogue: catalogue)))
        var state = BrowserState(context: context)
        _ = state.apply(.find)
        for c in "mlsq" { _ = state.apply(.insert(c)) }
        let ids = state.findRows.compactMap { row -> String? in
            if case .hit(let record) = row { return record.id } else { return nil }
        }
        #expect(ids.first == "P6")
    }
}
