import Foundation
import Testing

@Suite struct CatalogueCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    @Test func itemShowsTheCompleteRecord() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["item", "D4-01", "--catalogue", fixture])
        #expect(result == .init(status: 0, stdout: """
        编号          D4-01
        事项          家庭医生签约服务
        领域          D4 病有良医
        类别          基本医疗
        福田特色      否
        服务对象      辖区居民
        服务内容      签约服务
        服务标准      按规定
        支出责任      区财政
        牵头负责单位  区卫生健康局
        服务点类型    社康中心
        服务点        1 个（fuwu points --item D4-01）
        标准与指南    S0001  样例 FT/NB 001—2022  家庭医生签约服务指南  [服务指南]
        数据来源      样例数据（生成器生成，非官方记录）

        """, stderr: ""))
    }

    @Test func namesListsEveryRecordOneALineAndFiltersByKind() throws {
        defer { fuwu.cleanUp() }
        let all = try fuwu.run(["names", "--catalogue", fixture])
        #expect(all == .init(status: 0, stdout: """
        domain\tD4\t病有良医
        domain\tD9\t文化体育保障
        item\tD4-01\t家庭医生签约服务
        item\tD9-01\t公共图书馆免费开放
        point\tP0001\t福田区样例社康中心001
        point\tP0002\t福田区图书馆
        point\tP0003\t水围社区图书馆
        standard\tS0001\t家庭医生签约服务指南
        standard\tS0002\t图书馆服务规范

        """, stderr: ""))
        let points = try fuwu.run(["names", "--kind", "point", "--catalogue", fixture])
        #expect(points.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] } == ["P0001", "P0002", "P0003"])
        #expect(try fuwu.run(["names", "--kind", "street", "--catalogue", fixture]).status == 64)
    }

    @Test func standardPrintsItsHeaderAndTextFoundByALooselyTypedCode() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["standard", "db4403t999-2022", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 0, stdout: """
        id          S0002
        code        DB4403/T 999—2022
        title       图书馆服务规范
        kind        standard
        level       Shenzhen local
        issued      —
        effective   —
        items       D9-01 公共图书馆免费开放
        provenance  reference data: 测试来源 (snapshot 2020, CC0)

        ## 1 范围
        本文件规定了图书馆服务。

        """, stderr: ""))
    }

    @Test func tablesAlignByDisplayWidthAndMarkSampleRecords() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["points", "--catalogue", fixture, "--now", "2026-12-01T10:00"])
        #expect(result.stdout == """
        编号   名称                   类型      街道      社区      位置                  开放    数据
        -----  ---------------------  --------  --------  --------  --------------------  ------  ----
        P0001  福田区样例社康中心001  社康中心  福田街道  水围社区  22.540000,114.055000          样例
        P0002  福田区图书馆           图书馆    福田街道            22.545000,114.060000  开放中  参考
        P0003  水围社区图书馆         图书馆    未知                未知                          参考

        """)
    }

    @Test func csvAndJsonAreStable() throws {
        defer { fuwu.cleanUp() }
        let csv = try fuwu.run(["domains", "--catalogue", fixture, "--format", "csv", "--lang", "en"])
        #expect(csv.stdout == "id,domain,items,points,Chinese\nD4,Health care,1,1,病有良医\nD9,Culture and sports,1,2,文化体育保障\n")
        let json = try fuwu.run(["points", "--catalogue", fixture, "--format", "json", "--type", "社康中心", "--now", "2026-12-01T10:00"])
        #expect(json.stdout == """
        [
          {
            "id": "P0001",
            "name": "福田区样例社康中心001",
            "type": "shekang",
            "items": ["D4-01"],
            "subdistrict": "440304004",
            "community": "水围社区",
            "address": null,
            "phone": null,
            "hours": null,
            "location": {
              "lat": 22.54,
              "lng": 114.055
            },
            "source_datum": "WGS-84",
            "source_coordinates": {
              "lat": 22.54,
              "lng": 114.055
            },
            "note": null,
            "provenance": {
              "kind": "sample",
              "source": null
            },
            "open_now": {
              "status": "unknown",
              "hours_parsed": false
            }
          }
        ]

        """)
    }

    @Test func statsShowsThePublishedCountsAndTheProvenanceSplit() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--format", "csv", "--lang", "en"], in: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(8)) == [
            "section,key,name,official,reference,sample,total",
            "totals,domains,domains,0,9,0,9",
            "totals,items,service items,0,12,131,143",
            "totals,futian_items,of which Futian items,0,3,38,41",
            "totals,points,service points,0,507,1578,2085",
            "totals,points_located,of which located,0,160,1578,1738",
            "totals,points_unlocated,of which location unknown,0,347,0,347",
            "totals,standards,standard texts and guides,0,12,880,892",
        ])
    }

    @Test func unknownIdsExitWith66AndSayWhatToDo() throws {
        defer { fuwu.cleanUp() }
        #expect(try fuwu.run(["item", "D4-99", "--catalogue", fixture]) == .init(
            status: 66, stdout: "", stderr: "fuwu: error: 没有事项“D4-99”；用 'fuwu items' 或 'fuwu search' 查找\n"))
        #expect(try fuwu.run(["points", "--type", "hospital", "--catalogue", fixture, "--lang", "en"]) == .init(
            status: 66, stdout: "", stderr: "fuwu: error: No point type “hospital”. Known: shekang 社康中心, library 图书馆.\n"))
        #expect(try fuwu.run(["standard", "DB4403/T 1—2000", "--catalogue", fixture, "--lang", "en"]).status == 66)
    }

    @Test func aMissingCatalogueFolderExitsWith66() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["domains", "--catalogue", "/nonexistent/catalogue"])
        #expect(result == .init(status: 66, stdout: "", stderr: "fuwu: error: no catalogue at /nonexistent/catalogue: the folder needs catalogue.json (see docs/data-format.md); check --catalogue\n"))
    }

    @Test func usageErrorsExitWith64() throws {
        defer { fuwu.cleanUp() }
        #expect(try fuwu.run(["items", "--format", "xml", "--catalogue", fixture]).status == 64)
        #expect(try fuwu.run(["nosuchcommand"]).status == 64)
    }

    @Test func validateReportsEveryErrorWithItsPlaceAndExits65() throws {
        defer { fuwu.cleanUp() }
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = folder.appendingPathComponent("items.json")
        try (try String(contentsOf: items, encoding: .utf8))
            .replacingOccurrences(of: "\"futian\": true", with: "\"futian\": \"yes\"")
            .replacingOccurrences(of: "\"point_types\": [\"shekang\"]", with: "\"point_types\": [\"clinic\"]")
            .write(to: items, atomically: true, encoding: .utf8)
        let result = try fuwu.run(["validate", folder.path, "--lang", "en"])
        #expect(result == .init(status: 65, stdout: "", stderr: """
        items.json:4:37 ($[0].point_types[0]): error: item "D4-01" refers to unknown point type "clinic"; no such id in catalogue.json
        items.json:7:14 ($[1].futian): error: "futian" of item "D9-01" must be true or false, not a string
        fuwu: error: \(folder.path): 2 error(s), 0 warning(s); not compiled, the previous compiled catalogue is kept

        """))
    }

    @Test func aDamagedCatalogueKeepsThePreviousCompiledOneWorking() throws {
        defer { fuwu.cleanUp() }
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try fuwu.run(["domains", "--catalogue", folder.path])
        #expect(before.status == 0)
        try "[ broken".write(to: folder.appendingPathComponent("domains.json"), atomically: true, encoding: .utf8)
        let after = try fuwu.run(["domains", "--catalogue", folder.path, "--lang", "en"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("病有良医"))
        #expect(after.stderr.hasPrefix("fuwu: warning: the catalogue sources have 1 error(s); using the previous compiled catalogue from "))
        let build = try fuwu.run(["build", "--catalogue", folder.path, "--lang", "en"])
        #expect(build.status == 65)
        #expect(build.stderr.hasPrefix("domains.json:1:3: error: malformed JSON: unexpected character 'b' where a value was expected\n"))
    }

    @Test func controlCharactersInCatalogueTextNeverReachTheOutput() throws {
        defer { fuwu.cleanUp() }
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let points = folder.appendingPathComponent("points.geojson")
        try (try String(contentsOf: points, encoding: .utf8))
            .replacingOccurrences(of: "\"name\": \"福田区图书馆\"", with: "\"name\": \"福田区\\u001b[2J\\u202e图书馆\"")
            .write(to: points, atomically: true, encoding: .utf8)
        let table = try fuwu.run(["points", "--catalogue", folder.path, "--lang", "en"])
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{202E}"))
        #expect(table.stdout.contains("福田区\\u{1B}[2J\\u{202E}图书馆"))
        #expect(table.stderr == "fuwu: note: catalogue compiled with 1 warning(s); run 'fuwu validate' to see them\n")
        let json = try fuwu.run(["point", "P0002", "--catalogue", folder.path, "--format", "json"])
        #expect(json.stdout.contains(#""name": "福田区\u001b[2J\u202e图书馆""#))
    }
}
