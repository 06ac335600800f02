import Testing
@testable import Catalogue

/// The compiled binary form of a catalogue gives back every record as it was, including what an
/// import adds: official provenance, where each record was imported from, and the published counts.
@Suite struct CatalogueImageTests {
    @Test func theImageGivesBackEveryRecordWithOfficialProvenanceAndImportOrigins() throws {
        var catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let origin = ImportOrigin(file: "社康中心.xlsx", sheet: "病有良医", row: 7, date: "2026-12-01")
        catalogue.points[0].provenance = .official(source: "futian-official")
        catalogue.points[0].origin = origin
        catalogue.points[1].origin = ImportOrigin(file: "points.csv", date: "2026-12-01")
        catalogue.items[0].provenance = .official(source: "futian-official")
        catalogue.items[0].note = "由区卫健局提供"
        catalogue.items[0].origin = origin
        catalogue.standards[0].origin = ImportOrigin(file: "标准.docx", date: "2026-11-30")
        catalogue.metadata.publishedCounts = .init(domains: 9, items: 143, futianItems: 12, points: 2082, standards: 881)
        let bytes = catalogue.image
        let read = try bytes.withUnsafeBytes { buffer in try ServiceCatalogue(image: buffer) }
        #expect(read.metadata == catalogue.metadata)
        #expect(read.items == catalogue.items)
        #expect(read.points == catalogue.points)
        #expect(read.standards == catalogue.standards)
        #expect(read.points[0].provenance == .official(source: "futian-official"))
        #expect(read.points[1].origin?.row == nil && read.points[1].origin?.sheet == nil)
    }
}
