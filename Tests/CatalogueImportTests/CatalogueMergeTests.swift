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

    @Test func aValueTooLongForTheCatalogueIsRejectedWithItsRow() throws {
        let plan = try plan([["新馆甲", String(repeating: "路", count: 2001), "114.05", "22.54"], ["新馆乙", "福田区一路", "114.05", "22.54"]])
        #expect(plan.rejected.map(\.description) == ["list.csv:2: \"address\" is longer than 2000 characters, the limit for this field; shorten it"])
        #expect(plan.added.map(\.name) == ["新馆乙"])
    }

    @Test func theSamePlaceTwiceInOneFileIsRejectedNamingTheFirstRow() throws {
        let plan = try plan([["新馆甲", "福田区一路", "114.05", "22.54"], ["新馆甲", "福田区一路", "114.05", "22.54"]])
        #expect(plan.rejected.map(\.description) == ["list.csv:3: the same place as list.csv:2; each record once only"])
    }

    @Test func aTextsDraftingBodyIsWrittenInItsFrontMatterAndKeptWhenAnotherImportRewritesTheText() throws {
        var merge = CatalogueMerge(base: Futian.loaded, prefer: nil)
        let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "ft-lib"))
        let text = ConvertedText(code: "DB4403/T 999—2024", title: "社区健康服务中心基本公共服务规范", issued: "2024-06-01",
                                 draftingBody: "深圳市市场监督管理局", markdown: "## 1 范围\n")
        merge.apply([StandardConversion.record(text, path: "/tmp/规范.docx", context: context)])
        let first = merge.finish()
        let id = try #require(first.added.first?.id)
        #expect(first.result.draftingBodies[id] == "深圳市市场监督管理局")
        let standard = try #require(first.result.catalogue.standard(id))
        #expect(CatalogueWriter.standard(standard, body: "## 1 范围\n", draftingBody: first.result.draftingBodies[id]) == """
        ---
        id: \(id)
        code: DB4403/T 999—2024
        title: 社区健康服务中心基本公共服务规范
        kind: standard
        level: shenzhen
        issued: 2024-06-01
        drafting_body: 深圳市市场监督管理局
        items: []
        provenance: official
        source: ft-lib
        imported_file: 规范.docx
        imported_date: 2026-12-01
        ---
        ## 1 范围

        """)
        // A table that retitles the text names no drafting body: the one it has stays.
        var again = CatalogueMerge(base: first.result, prefer: nil)
        let table = TableMapping(file: "texts.csv", kind: .standards, columns: [.id: "编号", .title: "标准名称"])
        let rows = try TableImport.read(TestTable(path: "texts.csv", rows: [["编号", "标准名称"], [id, "社区健康服务中心服务规范"]]),
                                        mappings: [table], context: ImportContext(catalogue: again.current, date: "2026-12-02",
                                                                                   provenance: .official(source: "ft-lib")))
        again.apply(rows.rows)
        let second = again.finish()
        #expect(second.changed.map(\.entry.id) == [id])
        #expect(second.result.draftingBodies[id] == "深圳市市场监督管理局")
        // A text that names another body changes it, field by field.
        var third = CatalogueMerge(base: second.result, prefer: nil)
        var other = text
        other.draftingBody = "深圳市福田区卫生健康局"
        other.title = "社区健康服务中心服务规范"
        third.apply([StandardConversion.record(other, path: "/tmp/规范.docx", context: context)])
        let plan = third.finish()
        #expect(plan.changed.first?.fields.first { $0.field == "drafting_body" }
            == ImportPlan.FieldChange(field: "drafting_body", old: "深圳市市场监督管理局", new: "深圳市福田区卫生健康局"))
        #expect(plan.result.draftingBodies[id] == "深圳市福田区卫生健康局")
    }
}
