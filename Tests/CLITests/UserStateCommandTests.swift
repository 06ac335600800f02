import Catalogue
import Foundation
import Testing
import UserState

/// Saved places, favourites, history, open-now and links as the commands show them.
@Suite struct UserStateCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    @Test func placesAreAddedListedUsedAndRemoved() throws {
        defer { fuwu.cleanUp() }
        let add = try fuwu.run(["places", "add", "家", "--at", "22.5431,114.0579", "--datum", "gcj02", "--catalogue", fixture])
        #expect(add.status == 0)
        #expect(add.stdout.hasPrefix("已保存“家”：坐标 22.543100,114.057900（GCJ-02） → WGS-84 22.5"))
        let list = try fuwu.run(["places", "list", "--format", "csv", "--lang", "en"])
        #expect(list.stdout == """
        name,location (WGS-84),read as,saved from
        家,"22.545826,114.052792","GCJ-02 22.543100,114.057900","坐标 22.543100,114.057900（GCJ-02）"

        """)
        let nearby = try fuwu.run(["nearby", "--at", "家", "--catalogue", fixture, "--radius", "500"])
        #expect(nearby.status == 0)
        #expect(nearby.stdout.hasPrefix("位置    家（保存的地点）\n坐标系  WGS-84（保存的地点，原按 GCJ-02 读取）22.5"))
        let remove = try fuwu.run(["places", "remove", "家"])
        #expect(remove == .init(status: 0, stdout: "已删除“家”\n", stderr: ""))
        let again = try fuwu.run(["places", "remove", "家", "--lang", "en"])
        #expect(again == .init(status: 66, stdout: "", stderr: "fuwu: error: no saved place \"家\"\n"))
        let empty = try fuwu.run(["places"])
        #expect(empty.stdout.hasPrefix("还没有保存的地点。"))
    }

    @Test func aSavedNameEqualToACatalogueNameWinsAndTheOutputSaysSo() throws {
        defer { fuwu.cleanUp() }
        let add = try fuwu.run(["places", "add", "测试站", "--at", "22.545,114.06", "--catalogue", fixture, "--lang", "en"])
        #expect(add.stdout.contains("Note: the catalogue also has 测试站 (metro station M-test); --at \"测试站\" now means your saved place\n"))
        let nearby = try fuwu.run(["nearby", "--at", "测试站", "--catalogue", fixture, "--lang", "en", "--format", "json"])
        #expect(nearby.stdout.contains("""
            "kind": "savedPlace",
            "id": "测试站",
            "name": "测试站",
        """))
        #expect(nearby.stdout.contains("\"shadows\": ["))
        let table = try fuwu.run(["nearby", "--at", "测试站", "--catalogue", fixture, "--lang", "en"])
        #expect(table.stdout.contains("read      using your saved place “测试站”, not the catalogue's 测试站 (metro station M-test)\n"))
    }

    @Test(arguments: ["", "  ", "22.54,114.05", String(repeating: "长", count: 41)])
    func aPlaceNameThatCannotWorkIsRefused(name: String) throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["places", "add", name, "--at", "测试站", "--catalogue", fixture, "--lang", "en"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("fuwu: error: cannot use the name \"\(name)\": "))
    }

    @Test func coordinatesLongitudeFirstAreRecognisedWhenOnlyThatOrderIsInShenzhen() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--at", "114.05,22.54", "--catalogue", fixture, "--lang", "en", "--radius", "500"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
        location  coordinates 22.540000,114.050000 (WGS-84)
        datum     read as WGS-84
        read      read as longitude,latitude: only that order falls inside Shenzhen

        """))
    }

    @Test func favouritesAndHistoryListWhatTheBrowserSavedAndHistoryClears() throws {
        defer { fuwu.cleanUp() }
        let state = UserStateOpening.open(directory: fuwu.stateDirectory, environment: [:]).store
        try state.setFavourite(RecordReference(kind: .point, id: "P0002"), true, at: 1_796_090_400)
        try state.setFavourite(RecordReference(kind: .item, id: "GONE"), true, at: 1_796_090_460)
        try state.recordOpened(RecordReference(kind: .standard, id: "S0002"), at: 1_796_090_400)
        let favourites = try fuwu.run(["favourites", "--catalogue", fixture])
        #expect(favourites == .init(status: 0, stdout: """
        收藏于            类别    编号   名称
        ----------------  ------  -----  ----------------
        2026-12-01 10:01  事项    GONE   （目录中已没有）
        2026-12-01 10:00  服务点  P0002  福田区图书馆

        """, stderr: ""))
        let history = try fuwu.run(["history", "--catalogue", fixture, "--format", "json"])
        #expect(history.stdout == """
        [
          {
            "kind": "standard",
            "id": "S0002",
            "title": "图书馆服务规范",
            "at": "2026-12-01T10:00:00+08:00"
          }
        ]

        """)
        #expect(try fuwu.run(["history", "--clear", "--lang", "en"]).stdout == "History cleared\n")
        #expect(try fuwu.run(["history", "--lang", "en"]).stdout == "No history yet.\n")
    }

    @Test func aDamagedStateFileIsMovedAsideWithAWarningAndTheCommandStillWorks() throws {
        defer { fuwu.cleanUp() }
        try FileManager.default.createDirectory(at: fuwu.stateDirectory, withIntermediateDirectories: true)
        try Data("not a database at all, just text".utf8).write(to: fuwu.stateDirectory.appendingPathComponent("state.sqlite"))
        let result = try fuwu.run(["places", "list", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("fuwu: warning: the state file \(fuwu.stateDirectory.path)/state.sqlite was damaged; it was moved to \(fuwu.stateDirectory.path)/state.damaged-"))
        #expect(result.stdout.hasPrefix("No saved places yet."))
    }

    @Test func openNowKeepsOnlyPointsOpenAtTheGivenTime() throws {
        defer { fuwu.cleanUp() }
        // P0002's hours are 9:00-21:00 every day; P0001 has none and never counts as open.
        let open = try fuwu.run(["points", "--catalogue", fixture, "--open-now", "--now", "2026-12-05T20:45", "--format", "csv", "--lang", "en"])
        #expect(open.stdout.split(separator: "\n").map(String.init) == [
            "id,name,type,subdistrict,community,location,open now,data",
            "P0002,福田区图书馆,Library,福田街道,,\"22.545000,114.060000\",closing soon,reference",
        ])
        let closed = try fuwu.run(["nearby", "--at", "测试站", "--catalogue", fixture, "--open-now", "--now", "2026-12-01T21:00+08:00"])
        #expect(closed.stdout.contains("1000 米内没有开放中的符合条件的服务点（共 2 个在范围内）。"))
    }

    @Test func pointJSONGivesLinksAndTheAmapOneReproducesTheSourcesGCJ02() throws {
        defer { fuwu.cleanUp() }
        // P0001 of the embedded catalogue was published in GCJ-02 as 114.043014,22.530080.
        let result = try fuwu.run(["point", "P0001", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let links = try #require(object["links"] as? [[String: String]])
        #expect(links.map { $0["kind"] ?? "" } == ["amap", "baidu", "osm", "geo", "tel"])
        #expect(links[0]["url"]?.hasPrefix("https://uri.amap.com/marker?position=114.043014,22.530080&name=") == true)
        #expect(links[0]["url"]?.hasSuffix("&coordinate=gaode&src=fuwu") == true)
        #expect(links[3]["url"] == "geo:22.532840,114.037932")
        #expect(links[4]["url"] == "tel:0755-83427453")
    }

    @Test func pointTableShowsLinksAsTextAndAsOSC8OnlyWhenAsked() throws {
        defer { fuwu.cleanUp() }
        let plain = try fuwu.run(["point", "P0002", "--catalogue", fixture, "--lang", "en", "--now", "2026-12-01T10:00"])
        #expect(plain.stdout.contains("hours        9:00-21:00 (open)\n"))
        #expect(plain.stdout.contains("\nlinks\n  Amap           https://uri.amap.com/marker?position="))
        #expect(plain.stdout.contains("  OpenStreetMap  https://www.openstreetmap.org/?mlat=22.545000&mlon=114.060000#map=18/22.545000/114.060000\n"))
        #expect(!plain.stdout.contains("\u{1B}"))
        let linked = try fuwu.run(["point", "P0002", "--catalogue", fixture, "--lang", "en"], environment: ["FUWU_HYPERLINKS": "1"])
        #expect(linked.stdout.contains("  geo URI        \u{1B}]8;;geo:22.545000,114.060000\u{1B}\\geo:22.545000,114.060000\u{1B}]8;;\u{1B}\\\n"))
        let flagged = try fuwu.run(["point", "P0002", "--catalogue", fixture, "--hyperlinks"])
        #expect(flagged.stdout == linked.stdout.replacingOccurrences(of: "Amap", with: "高德地图") || flagged.stdout.contains("\u{1B}]8;;geo:"))
    }

    @Test func statsCountsHowManyHoursParse() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["stats", "--format", "csv", "--lang", "en"])
        #expect(result.stdout.contains("""
        opening hours (points),with_hours,with hours,0,44,1578,1622
        opening hours (points),parsed,of which parsed (open now can be told),0,21,1328,1349
        opening hours (points),unparsed,"of which unparsed (shown as written, never open)",0,23,250,273
        opening hours (points),no_hours,without hours,0,463,0,463
        """))
    }
}
