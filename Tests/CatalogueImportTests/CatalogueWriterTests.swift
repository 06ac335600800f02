import Catalogue
import Foundation
import Testing
@testable import CatalogueImport

@Suite struct CatalogueWriterTests {
    /// The first line where two texts differ, both sides, or nil when they are equal.
    func firstDifference(_ a: String, _ b: String) -> String? {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1):\n  written: \(i < x.count ? String(x[i]) : "<end>")\n  file:    \(i < y.count ? String(y[i]) : "<end>")"
        }
        return nil
    }

    @Test func writingFutiansPointsGivesBackTheFileByteForByte() {
        #expect(firstDifference(CatalogueWriter.points(Futian.loaded.catalogue.points), Futian.text("points.geojson")) == nil)
    }

    @Test func writingFutiansItemsGivesBackTheFileByteForByte() {
        #expect(firstDifference(CatalogueWriter.items(Futian.loaded.catalogue.items), Futian.text("items.json")) == nil)
    }

    @Test func writingEveryFutianStandardGivesBackItsFileByteForByte() {
        let loaded = Futian.loaded
        let differing = loaded.catalogue.standards.filter { s in
            CatalogueWriter.standard(s, body: loaded.bodies[s.id] ?? "") != Futian.text("standards/\(s.id).md")
        }.map(\.id)
        #expect(differing == [])
    }

    @Test func rewritingCatalogueJSONWithTheSameCountsGivesBackTheFile() throws {
        let node = try JSONParser.parse(Futian.text("catalogue.json"))
        let text = CatalogueWriter.catalogueJSON(original: node, counts: Futian.loaded.catalogue.metadata.counts,
                                                 published: Futian.loaded.catalogue.metadata.publishedCounts, addedSources: [])
        #expect(firstDifference(text, Futian.text("catalogue.json")) == nil)
    }

    @Test func newCountsKeepThePublishedFiguresApartAfterTheDeclaredOnes() throws {
        let node = try JSONParser.parse(#"{"format": 1, "counts": {"domains": 9, "items": 143, "futian_items": 41, "points": 2082, "standards": 881}, "sources": []}"#)
        let text = CatalogueWriter.catalogueJSON(original: node, counts: .init(domains: 9, items: 143, futianItems: 41, points: 2085, standards: 881),
                                                 published: .init(domains: 9, items: 143, futianItems: 41, points: 2082, standards: 881), addedSources: [])
        #expect(text == """
        {
          "format": 1,
          "counts": {
            "domains": 9,
            "items": 143,
            "futian_items": 41,
            "points": 2085,
            "standards": 881
          },
          "published_counts": {
            "domains": 9,
            "items": 143,
            "futian_items": 41,
            "points": 2082,
            "standards": 881
          },
          "sources": []
        }

        """)
    }
}
