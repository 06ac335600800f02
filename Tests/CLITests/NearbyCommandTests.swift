import Foundation
import Testing

@Suite struct NearbyCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    @Test func tableListsPointsNearestFirstWithTheSummaryAndAssumptions() throws {
        defer { fuwu.cleanUp() }
        // GeographicLib: P0002 is 379.842 m at 54.33°, P0001 390.757 m at 211.77° from the station.
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "测试站", "--radius", "500",
                                   "--now", "2026-12-01T10:00"])
        #expect(result == .init(status: 0, stdout: """
        位置    测试站（地铁站 M-test）
        坐标系  WGS-84（目录坐标）22.543000,114.057000
        半径    500 米（直线距离）
        步行    步行时间按 1.3 米/秒（4.7 公里/小时）、路线长度为直线距离的 1.3 倍估算；范围按直线距离计算。

        距离(米)  方向       步行(分)  编号   名称                   类型      领域          开放    数据
        --------  ---------  --------  -----  ---------------------  --------  ------------  ------  ----
             380  东北 54°          7  P0002  福田区图书馆           图书馆    文化体育保障  开放中  参考
             391  西南 212°         7  P0001  福田区样例社康中心001  社康中心  病有良医              样例
        500 米内共 2 个服务点。

        领域             500 米内  1000 米内  1500 米内
        ---------------  --------  ---------  ---------
        D4 病有良医             1          1          1
        D9 文化体育保障         1          1          1
        500 米内每个领域都有服务点。
        1000 米内每个领域都有服务点。
        1500 米内每个领域都有服务点。

        位置未知、可能就在附近的服务点 1 个：P0003 水围社区图书馆

        """, stderr: ""))
    }

    @Test func englishTableNamesTheDomainsWithNothingWithinAnOddRadius() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "测试站", "--radius", "385", "--lang", "en",
                                   "--now", "2026-12-01T10:00"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
        metres  bearing  walk min  id     name          type     domain              open now  data
        ------  -------  --------  -----  ------------  -------  ------------------  --------  ---------
           380  NE 54°          7  P0002  福田区图书馆  Library  Culture and sports  open      reference
        1 service point within 385 m.

        domain                 ≤ 385 m  ≤ 500 m  ≤ 1000 m  ≤ 1500 m
        ---------------------  -------  -------  --------  --------
        D4 Health care               0        1         1         1
        D9 Culture and sports        1        1         1         1
        Nothing within 385 m: Health care
        """))
        #expect(result.stdout.contains("walking   Walking times assume 1.3 m/s (4.7 km/h) on a route 1.3× the straight-line distance; circles are straight-line."))
    }

    @Test func jsonStatesTheDatumReadAndTheConvertedOrigin() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "114.06,22.545", "--lng-lat", "--datum", "bd09",
                                   "--format", "json", "--radius", "1500", "--limit", "1"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let origin = try #require(json["origin"] as? [String: Any])
        #expect(origin["datum_read"] as? String == "BD-09")
        #expect(origin["kind"] as? String == "coordinates")
        let wgs = try #require(origin["wgs84"] as? [String: Double])
        #expect(wgs == ["lat": 22.5420615, "lng": 114.0483527])
        #expect(json["total_within_radius"] as? Int == 2)
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.map { $0["id"] as? String } == ["P0001"])
        #expect(points.first?["distance_m"] as? Double == 720.878)
        let unlocated = try #require(json["unlocated"] as? [[String: Any]])
        #expect(unlocated.map { $0["id"] as? String } == ["P0003"])
    }

    @Test func geoJSONHoldsTheOriginTheClosedCircleAndThePoints() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "22.543,114.057", "--radius", "1000", "--format", "geojson"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "FeatureCollection")
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 4)
        let roles = features.map { ($0["properties"] as? [String: Any])?["role"] as? String }
        #expect(roles == ["origin", "circle", "service_point", "service_point"])
        let polygon = try #require(features[1]["geometry"] as? [String: Any])
        #expect(polygon["type"] as? String == "Polygon")
        let ring = try #require((polygon["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.count == 73)
        #expect(ring.first == ring.last)
        // The first vertex is due north: GeographicLib puts 1000 m north of 22.543° N at 22.5520303°.
        #expect(ring[0] == [114.057, 22.5520303])
        // Anticlockwise: the second vertex lies west of north.
        #expect(ring[1][0] < 114.057)
        let point = try #require(features[2]["properties"] as? [String: Any])
        #expect(point["distance_m"] as? Double == 379.842)
    }

    @Test func csvHasOneRowPerHitWithFullPrecision() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "测试站", "--radius", "500", "--format", "csv", "--lang", "en",
                                   "--now", "2026-12-01T10:00"])
        #expect(result.stdout == """
        metres,bearing,walk min,id,name,type,domain,open now,data,lat,lng
        379.842,54.3,7,P0002,福田区图书馆,Library,Culture and sports,open,reference,22.5450000,114.0600000
        390.757,211.8,7,P0001,福田区样例社康中心001,Community health centre,Health care,,sample,22.5400000,114.0550000

        """)
    }

    @Test func aCommunityIsMeasuredFromItsSubdistrictCentreAndTheOutputSaysSo() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "水围", "--radius", "500"])
        #expect(result.status == 0)
        let header = result.stdout.split(separator: "\n").prefix(4).map(String.init)
        #expect(header == [
            "位置    水围社区（福田街道的社区）",
            "坐标系  WGS-84（目录坐标）22.542000,114.058000",
            "代表点  水围社区没有自己的坐标，以所属福田街道的中心点代替",
            "说明    test",
        ])
    }

    @Test(arguments: [
        (["--at", "22.5x,114.05"], Int32(64), "“22.5x” is not a number. Write decimal degrees, for example 22.5431,114.0579."),

        (["--at", "22.54,114.05", "--lng-lat"], 64, "Latitude 114.05 is out of range (−90 to 90). It looks like latitude,longitude: drop --lng-lat."),
        (["--at", "22.54"], 64, "“22.54” has 1 value; a coordinate needs exactly two: latitude,longitude (for example 22.5431,114.0579)."),
        (["--at", "39.9042,116.4074"], 65, "“39.9042,116.4074” is outside Shenzhen read either way: neither latitude,longitude nor longitude,latitude falls inside Shenzhen (22.45–22.85° N, 113.75–114.62° E). Check the numbers."),
        (["--at", "39.9042,116.4074", "--lng-lat"], 64, "Latitude 116.4074 is out of range (−90 to 90). It looks like latitude,longitude: drop --lng-lat."),
        (["--at", "测试站", "--now", "tomorrow"], 64, "--now \"tomorrow\" is not an ISO 8601 date and time; write 2026-12-01T10:00 (Shenzhen time) or add a zone (Z, +08:00)"),
        (["--at", "水围社区图书馆"], 65, "水围社区图书馆 (service point P0003) has no known location in the catalogue. Use a nearby metro station or coordinates instead."),
        (["--at", "火星"], 66, "Nothing is called “火星”: no service point, metro station, subdistrict or community matches. Try a shorter part of the name, a point id, or coordinates."),
        (["--at", String(repeating: "A", count: 8000)], 64, "The location is 8000 characters long; a place name or coordinates take at most 100. Pass coordinates (22.5431,114.0579), a metro station, a service point or a subdistrict."),
        (["--at", " "], 64, "No location given. Pass coordinates (22.5431,114.0579), a metro station (市民中心), a service point (id or name) or a subdistrict (福田街道)."),
        (["--at", "测试站", "--radius", "60000"], 64, "Radius 60000 m is out of range; use 1 to 50000 metres (500, 1000 and 1500 are the district's circles)."),
        (["--at", "测试站", "--radius", "-5"], 64, "Radius -5 m is out of range; use 1 to 50000 metres (500, 1000 and 1500 are the district's circles)."),
        (["--at", "测试站", "--datum", "itrf"], 64, "unknown datum \"itrf\"; use wgs84, gcj02 or bd09"),
        (["--at", "测试站", "--type", "学校"], 66, "No point type “学校”. Known: shekang 社康中心, library 图书馆."),
    ])
    func eachBadInputHasItsOwnMessageAndExitStatus(arguments: [String], status: Int32, message: String) throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--lang", "en"] + arguments)
        #expect(result == .init(status: status, stdout: "", stderr: "fuwu: error: \(message)\n"))
    }

    @Test func aPlaceCanBeNamedInPinyinOrInitials() throws {
        defer { fuwu.cleanUp() }
        for text in ["csz", "ceshizhan"] {
            let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", text, "--radius", "500"])
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("位置    测试站（地铁站 M-test）\n"))
        }
    }

    @Test func anAmbiguousNameListsTheCandidates() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--catalogue", fixture, "--at", "图书馆"])
        #expect(result == .init(status: 64, stdout: "", stderr: """
        fuwu: error: “图书馆”匹配到 2 个地点；请用完整名称或编号指明：
          福田区图书馆（服务点 P0002）
          水围社区图书馆（服务点 P0003）

        """))
    }

    @Test func theCivicCentreStationAnswersFromTheEmbeddedCatalogue() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["nearby", "--at", "市民中心", "--radius", "1000"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "位置    市民中心（地铁站 M-shiminzhongxin）")
        // Distances (first column of the hit rows, after the rule) never decrease.
        let ruleIndex = try #require(lines.firstIndex { $0.hasPrefix("--------  ---") })
        let distances = lines[(ruleIndex + 1)...].prefix { !$0.contains("米内共") }
            .compactMap { Int($0.split(separator: " ").first ?? "") }
        #expect(distances.count > 10)
        #expect(distances == distances.sorted())
        #expect(distances.allSatisfy { $0 <= 1000 })
        #expect(result.stdout.contains("米内共 \(distances.count) 个服务点。"))
        #expect(lines.contains { $0.hasPrefix("500 米内没有：") || $0 == "500 米内每个领域都有服务点。" })
    }
}
