import Foundation
import Testing

/// `fuwu import` and `fuwu export` end to end: the fixtures made by make-fixtures.py into copies of
/// the Futian catalogue, with exact plans, exact records, and folders checked byte for byte.
@Suite struct ImportCommandTests {
    static let fixtures = FuwuProcess.packageRoot.appendingPathComponent("Tests/CatalogueImportTests/Fixtures")
    static let futian = FuwuProcess.packageRoot.appendingPathComponent("data/futian")
    let fuwu = FuwuProcess()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-import-\(UUID().uuidString)", isDirectory: true)
    let environment = ["FUWU_IMPORT_DATE": "2026-12-01", "FUWU_CATALOGUE": ImportCommandTests.futian.path]

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A private copy of the Futian catalogue.
    func futianCopy() throws -> URL {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let copy = scratch.appendingPathComponent("futian", isDirectory: true)
        try FileManager.default.copyItem(at: Self.futian, to: copy)
        return copy
    }

    func write(_ text: String, _ name: String) throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every file of a folder with its bytes, by relative path.
    static func contents(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    func import_(_ arguments: [String], extra: [String: String] = [:]) throws -> FuwuProcess.Result {
        try fuwu.run(["import"] + arguments, environment: environment.merging(extra) { $1 })
    }

    static let healthMapping = """
    [source]
    id = "ft-health-2024"
    title = "福田区社区健康服务中心一览表（2024年6月）"
    origin = "福田区卫生健康局"
    licence = "the district's own data"
    snapshot = "2024-06"

    [[table]]
    file = "community-health-gbk.csv"
    kind = "points"
    datum = "GCJ-02"
    coordinate_order = "lon,lat"
    point_type = "shekang"

    [table.columns]
    name = "服务点名称"
    address = "地址"
    coordinates = "经纬度"
    phone = "联系电话"
    hours = "开放时间"
    """

    @Test func aDryRunOfTheGBKListPrintsThePlanAndLeavesTheCatalogueAsItWas() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let before = Self.contents(target)
        let mapping = try write(Self.healthMapping, "health.toml")
        let result = try import_([Self.fixture("community-health-gbk.csv"), "--mapping", mapping, "--into", target.path, "--dry-run", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
        Import plan (dry run, nothing written): \(target.path)
        added 4 · changed 0 · replaced samples 0 · unchanged 0 · conflicts 0 · unlocated 1 · rejected 0

        Added
          point P2086  福田区图书馆社康站  (community-health-gbk.csv:3)
          point P2087  少儿馆旁社康中心  (community-health-gbk.csv:4)
          point P2088  福中社康中心  (community-health-gbk.csv:6)
          point P2089  "暂停服务"的站点  (community-health-gbk.csv:7)

        Unlocated (no location guessed)
          point P2089  "暂停服务"的站点  (community-health-gbk.csv:7)

        after the import: 143 items, 2089 points, 892 texts
        published: 143 items, 2082 points, 881 texts (kept apart)

        """)
        #expect(Self.contents(target) == before)
    }

    @Test func aRealRunWritesTheConvertedPointsWithTheirSourceAndImportingAgainChangesNothing() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let mapping = try write(Self.healthMapping, "health.toml")
        let first = try import_([Self.fixture("community-health-gbk.csv"), "--mapping", mapping, "--into", target.path])
        #expect(first.status == 0)
        let lines = try String(contentsOf: target.appendingPathComponent("points.geojson"), encoding: .utf8).split(separator: "\n").suffix(5)
        #expect(Array(lines) == [
            #"{"type": "Feature", "id": "P2086", "geometry": {"type": "Point", "coordinates": [114.0403849, 22.5535609]}, "properties": {"name": "福田区图书馆社康站", "type": "shekang", "items": ["D1-01", "D1-02", "D1-03", "D1-05", "D1-06", "D1-07", "D1-12", "D1-16", "D4-01", "D4-02", "D4-03", "D4-04", "D4-05", "D4-06", "D4-07", "D4-08", "D4-09", "D4-10", "D4-11", "D4-13", "D4-14", "D4-17", "D4-18", "D4-20", "D4-21", "D5-01", "D7-08", "D7-18"], "subdistrict": "440304008", "address": "福田区景田路70号", "phone": "0755-83300001", "hours": "08:00-12:00，14:00-17:30", "source_datum": "GCJ-02", "source_coordinates": [114.045473, 22.550808], "provenance": "official", "source": "ft-health-2024", "imported": {"file": "community-health-gbk.csv", "row": 3, "date": "2026-12-01"}}},"#,
            #"{"type": "Feature", "id": "P2087", "geometry": {"type": "Point", "coordinates": [114.0942584, 22.5512759]}, "properties": {"name": "少儿馆旁社康中心", "type": "shekang", "items": ["D1-01", "D1-02", "D1-03", "D1-05", "D1-06", "D1-07", "D1-12", "D1-16", "D4-01", "D4-02", "D4-03", "D4-04", "D4-05", "D4-06", "D4-07", "D4-08", "D4-09", "D4-10", "D4-11", "D4-13", "D4-14", "D4-17", "D4-18", "D4-20", "D4-21", "D5-01", "D7-08", "D7-18"], "subdistrict": "440304011", "address": "福田区红荔路1011号 （少儿图书馆东侧）", "phone": "0755-83300002", "hours": "全天", "source_datum": "GCJ-02", "source_coordinates": [114.099385, 22.548595], "provenance": "official", "source": "ft-health-2024", "imported": {"file": "community-health-gbk.csv", "row": 4, "date": "2026-12-01"}}},"#,
            #"{"type": "Feature", "id": "P2088", "geometry": {"type": "Point", "coordinates": [114.0521401, 22.5487096]}, "properties": {"name": "福中社康中心", "type": "shekang", "items": ["D1-01", "D1-02", "D1-03", "D1-05", "D1-06", "D1-07", "D1-12", "D1-16", "D4-01", "D4-02", "D4-03", "D4-04", "D4-05", "D4-06", "D4-07", "D4-08", "D4-09", "D4-10", "D4-11", "D4-13", "D4-14", "D4-17", "D4-18", "D4-20", "D4-21", "D5-01", "D7-08", "D7-18"], "subdistrict": "440304008", "address": "福田区福中一路2001号", "phone": "0755-83300003", "hours": "周一至周五 08:00-17:30", "source_datum": "GCJ-02", "source_coordinates": [114.057247, 22.545982], "provenance": "official", "source": "ft-health-2024", "imported": {"file": "community-health-gbk.csv", "row": 6, "date": "2026-12-01"}}},"#,
            #"{"type": "Feature", "id": "P2089", "geometry": null, "properties": {"name": "\"暂停服务\"的站点", "type": "shekang", "items": ["D1-01", "D1-02", "D1-03", "D1-05", "D1-06", "D1-07", "D1-12", "D1-16", "D4-01", "D4-02", "D4-03", "D4-04", "D4-05", "D4-06", "D4-07", "D4-08", "D4-09", "D4-10", "D4-11", "D4-13", "D4-14", "D4-17", "D4-18", "D4-20", "D4-21", "D5-01", "D7-08", "D7-18"], "subdistrict": null, "address": "福田区福华路", "provenance": "official", "source": "ft-health-2024", "imported": {"file": "community-health-gbk.csv", "row": 7, "date": "2026-12-01"}}}"#,
            "]}",
        ])
        let validate = try fuwu.run(["validate", target.path, "--lang", "en"], environment: environment)
        #expect(validate.status == 0)
        #expect(validate.stdout == "catalogue valid: 9 domains, 143 items (41 Futian items), 2089 points, 892 standard texts and guides\n")
        let after = Self.contents(target)
        let second = try import_([Self.fixture("community-health-gbk.csv"), "--mapping", mapping, "--into", target.path, "--lang", "en"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("added 0 · changed 0 · replaced samples 0 · unchanged 4 · conflicts 0 · unlocated 1 · rejected 0"))
        #expect(second.stdout.hasSuffix("nothing to change.\n"))
        #expect(Self.contents(target) == after)
    }

    @Test func aFailureAfterTheNewFolderIsWrittenLeavesTheCatalogueByteForByteAndNoTemporaryFolder() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let before = Self.contents(target)
        let mapping = try write(Self.healthMapping, "health.toml")
        let result = try import_([Self.fixture("community-health-gbk.csv"), "--mapping", mapping, "--into", target.path, "--lang", "en"],
                                 extra: ["FUWU_IMPORT_FAIL_AFTER_WRITE": "1"])
        #expect(result.status == 73)
        #expect(result.stderr == "fuwu: error: stopped after writing the new catalogue (FUWU_IMPORT_FAIL_AFTER_WRITE); the catalogue is unchanged\n")
        #expect(Self.contents(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["futian", "health.toml"])
    }

    @Test func aRejectedRowNamesFileSheetAndRowAndTheRealRunRefusesWithoutWriting() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let before = Self.contents(target)
        let mapping = try write("""
        [[table]]
        file = "service-points.xlsx"
        sheets = ["病有良医"]
        kind = "points"
        datum = "GCJ-02"
        point_type = "shekang"

        [table.columns]
        name = "服务点名称"
        subdistrict = "所属街道"
        address = "地址"
        longitude = "经度"
        latitude = "纬度"
        phone = "联系电话"
        """, "workbook.toml")
        let path = Self.fixture("service-points.xlsx")
        let result = try import_([path, "--mapping", mapping, "--into", target.path, "--lang", "en"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\nRejected\n  \(path):病有良医:7: the longitude \"18:00\" has no latitude beside it\n"))
        #expect(result.stderr == "fuwu: error: 1 row(s) cannot be imported (listed above); the catalogue is unchanged. Fix the files or the mapping and try again\n")
        #expect(Self.contents(target) == before)
        // The points the refused run added while planning waited in a spool beside the catalogue: it is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["futian", "workbook.toml"])
        // With --skip-rejected the readable rows go in; the merged cell gives row 5 its subdistrict.
        let skipping = try import_([path, "--mapping", mapping, "--into", target.path, "--lang", "en", "--skip-rejected", "--format", "json"])
        #expect(skipping.status == 0)
        let points = try String(contentsOf: target.appendingPathComponent("points.geojson"), encoding: .utf8)
        #expect(points.contains(#""name": "少儿馆旁社康中心", "type": "shekang""#))
        #expect(points.contains(#""subdistrict": "440304002", "address": "福田区红荔路1011号", "source_datum": "GCJ-02", "source_coordinates": [114.099385, 22.548595], "provenance": "official", "source": "official-import-2026-12-01", "imported": {"file": "service-points.xlsx", "sheet": "病有良医", "row": 5, "date": "2026-12-01"}"#))
    }

    @Test func baiduCoordinatesAreConvertedAsNearbyDoesAndAConflictWaitsForPrefer() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let before = Self.contents(target)
        let guessed = try fuwu.run(["import", "--guess", Self.fixture("schools-bd09.csv")], environment: environment)
        #expect(guessed.status == 0)
        let mapping = try write(guessed.stdout, "schools.toml")
        let undecided = try import_([Self.fixture("schools-bd09.csv"), "--mapping", mapping, "--into", target.path, "--lang", "en"])
        #expect(undecided.status == 65)
        #expect(undecided.stderr.hasSuffix("conflict(s) undecided (listed above); the catalogue is unchanged. Pass --prefer new or --prefer old\n"))
        #expect(Self.contents(target) == before)
        let decided = try import_([Self.fixture("schools-bd09.csv"), "--mapping", mapping, "--into", target.path, "--lang", "en", "--prefer", "new"])
        #expect(decided.status == 0)
        #expect(decided.stdout.contains("""
          point P0054  深圳艺术学校  (schools-bd09.csv:2)  → keep new
              location: 114.0888716, 22.5559866 → 114.0888717, 22.5559863
              provenance: reference (sf-defence-schools) → official (official-schools-bd09)
        """))
        // nearby reads the same Baidu coordinate to the same WGS-84 place: 0 m away.
        let nearby = try fuwu.run(["nearby", "--at", "114.10048,22.559374", "--lng-lat", "--datum", "bd09", "--radius", "10",
                                   "--catalogue", target.path, "--lang", "en"], environment: environment)
        let row = nearby.stdout.split(separator: "\n").first { $0.contains("P0054") }.map(String.init) ?? ""
        #expect(row.hasPrefix("     0  N 359°"), "\(row)")
        #expect(row.contains("P0054  深圳艺术学校  Vocational school") && row.contains(" official"), "\(row)")
    }

    @Test func aCompleteListRemovesTheSamplePointsOfItsTypeAndCountsThem() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let mapping = try write(Self.healthMapping.replacingOccurrences(of: "point_type = \"shekang\"", with: "point_type = \"shekang\"\ncomplete = true"), "health.toml")
        let result = try import_([Self.fixture("community-health-gbk.csv"), "--mapping", mapping, "--into", target.path, "--lang", "en", "--format", "json"])
        #expect(result.status == 0)
        let points = try String(contentsOf: target.appendingPathComponent("points.geojson"), encoding: .utf8)
        #expect(!points.contains("福田区样例社康中心"))
        let stats = try fuwu.run(["stats", "--catalogue", target.path, "--format", "json"], environment: environment)
        #expect(stats.stdout.contains(#""key": "shekang""#))
        let replaced = result.stdout.components(separatedBy: "\"replaced_samples\": [")[1].components(separatedBy: "]")[0]
        #expect(replaced.components(separatedBy: "\"kind\": \"points\"").count - 1 == 102)
    }

    @Test func anExportImportedIntoAnEmptyFolderGivesTheSameCatalogueByteForByte() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let export = scratch.appendingPathComponent("export", isDirectory: true)
        let exported = try fuwu.run(["export", "--into", export.path, "--catalogue", Self.futian.path, "--lang", "en"], environment: environment)
        #expect(exported.status == 0)
        #expect(exported.stdout == "exported 143 items, 2085 points and 892 texts to \(export.path)\n")
        let empty = scratch.appendingPathComponent("rebuilt", isDirectory: true)
        let files = ["items.csv", "standards.csv", "points.csv"].map { export.appendingPathComponent($0).path }
        let imported = try import_(files + ["--mapping", export.appendingPathComponent("mapping.toml").path, "--into", empty.path, "--lang", "en"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = Self.contents(Self.futian).filter { !$0.key.hasPrefix("README") }
        let rebuilt = Self.contents(empty)
        #expect(Set(rebuilt.keys) == Set(original.keys))
        #expect(original.keys.sorted().filter { rebuilt[$0] != original[$0] } == [])
    }

    @Test func aWordStandardNeedsNoMappingAndBecomesAStandardWithItsCoverPageAndClauses() throws {
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = try futianCopy()
        let docx = Self.fixture("standard-gbt.docx")
        let result = try import_([docx, "--into", target.path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Added\n  standard S0893  社区健康服务中心基本公共服务规范  (standard-gbt.docx)\n"))
        let text = try String(contentsOf: target.appendingPathComponent("standards/S0893.md"), encoding: .utf8)
        #expect(text.hasPrefix("""
        ---
        id: S0893
        code: DB4403/T 999—2024
        title: 社区健康服务中心基本公共服务规范
        kind: standard
        level: shenzhen
        issued: 2024-06-01
        effective: 2024-07-01
        drafting_body: 深圳市市场监督管理局
        items: []
        provenance: official
        source: official-import-2026-12-01
        imported_file: standard-gbt.docx
        imported_date: 2026-12-01
        ---
        ## 前言

        """))
        #expect(text.contains("\n## 1 范围\n"))
        // The drafting body is a header key validate knows: no warning, and it is kept by a rewrite.
        let validated = try fuwu.run(["validate", target.path, "--lang", "en"], environment: environment)
        #expect(validated.status == 0)
        #expect(!validated.stdout.contains("drafting_body") && !validated.stderr.contains("drafting_body"), "\(validated.stdout)\(validated.stderr)")
        let shown = try fuwu.run(["standard", "DB4403/T 999-2024", "--catalogue", target.path, "--lang", "en"], environment: environment)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("社区健康服务中心基本公共服务规范"))
        let again = try import_([docx, "--into", target.path, "--lang", "en"])
        #expect(again.stdout.contains("added 0 · changed 0 · replaced samples 0 · unchanged 1"))
    }
}
