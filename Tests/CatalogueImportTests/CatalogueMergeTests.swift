import Catalogue
import Geodesy
import Testing
@testable import CatalogueImport

@Suite struct CatalogueMergeTests {
    static let table = TableMapping(file: "list.csv", kind: .points, datum: .wgs84, pointType: "hospital",
                                    columns: [.name: "名称", .address: "地址", .longitude: "经度", .latitude: "纬度"])

    func plan(_ rows: [[String]], prefer: ConflictPreference? = nil) throws -> ImportPlan {
        let base = Futian.loaded
        var merge = CatalogueMerge(base: base, prefer: prefer)
        let source = SourceInfo(id: "ft-lib", title: "t", origin: "o", licence: "l", datum: "WGS-84", snapshot: "2024", reliability: nil, note: nil)
        merge.add(source: source)
        let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "ft-lib"))
        let result = try TableImport.read(TestTable(path: "list.csv", rows: [["名称", "地址", "经度", "纬度"]] + rows),
                                          mappings: [Self.table], context: context)
        merge.apply(result.rows)
        merge.reject(result.rejected)
        return merge.finish()
    }

    @Test func newPointsContinueTheCatalogueSchemeAndTheDeclaredCountsFollow() throws {
        let plan = try plan([["新馆甲", "福田区一路", "114.05", "22.54"], ["新馆乙", "", "", ""]])
        #expect(plan.added.map(\.id) == ["P2086", "P2087"])
        #expect(plan.unlocated.map(\.id) == ["P2087"])
        #expect(plan.result.catalogue.metadata.counts.points == 2087)
        #expect(plan.result.catalogue.metadata.publishedCounts?.points == 2082)
        #expect(plan.result.catalogue.point("P2086")?.origin == ImportOrigin(file: "list.csv", row: 2, date: "2026-12-01"))
    }

    @Test func aPlaceWithTheSameNameWithin30MetresIsTheSameRecordAndFurtherIsNot() throws {
        let existing = try #require(Futian.loaded.catalogue.points.first { $0.location != nil && !$0.provenance.isSample && $0.typeID == "hospital" })
        let here = try #require(existing.location)
        let near = Geodesic.wgs84.direct(from: here, bearingDegrees: 90, distanceMetres: 25)
        let far = Geodesic.wgs84.direct(from: here, bearingDegrees: 90, distanceMetres: 40)
        let plan = try plan([[existing.name, "", "\(near.longitude)", "\(near.latitude)"]], prefer: .old)
        #expect(plan.conflicts.map(\.entry.id) == [existing.id])
        #expect(plan.conflicts.first?.resolution == .old)
        #expect(plan.result.catalogue.point(existing.id) == existing)
        let apart = try self.plan([[existing.name, "", "\(far.longitude)", "\(far.latitude)"]])
        #expect(apart.added.count == 1)
        #expect(apart.conflicts.isEmpty)
    }

    @Test func theSamePlaceTwiceInOneFileIsRejectedNamingTheFirstRow() throws {
        let plan = try plan([["新馆甲", "福田区一路", "114.05", "22.54"], ["新馆甲", "福田区一路", "114.05", "22.54"]])
        #expect(plan.rejected.map(\.description) == ["list.csv:3: the same place as list.csv:2; each record once only"])
    }
}
