import Foundation
import Testing

/// `fuwu coverage` on a 1 km square district (the valid fixture with a smaller boundary and a
/// polygon over the west half), each format compared with a golden file in Snapshots/.
/// `RECORD_SNAPSHOTS=1` rewrites the files and fails, so a recording never passes.
@Suite struct CoverageCommandTests {
    let fuwu = FuwuProcess()

    static func squareCatalogue() throws -> URL {
        let folder = try FuwuProcess.fixtureCopy()
        try """
        {"type": "Feature", "properties": {"name": "test square"},
         "geometry": {"type": "Polygon", "coordinates": [[[114.05, 22.54], [114.06, 22.54], [114.06, 22.55], [114.05, 22.55], [114.05, 22.54]]]}}
        """.write(to: folder.appendingPathComponent("boundary.geojson"), atomically: true, encoding: .utf8)
        try """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "440304004", "name": "福田街道", "provenance": "reference", "source": "test-source", "note": "west half"},
         "geometry": {"type": "Polygon", "coordinates": [[[114.05, 22.54], [114.055, 22.54], [114.055, 22.55], [114.05, 22.55], [114.05, 22.54]]]}}
        ]}
        """.write(to: folder.appendingPathComponent("subdistricts.geojson"), atomically: true, encoding: .utf8)
        return folder
    }

    func check(_ arguments: [String], golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let folder = try Self.squareCatalogue()
        defer { try? FileManager.default.removeItem(at: folder); fuwu.cleanUp() }
        let result = try fuwu.run(["coverage", "--catalogue", folder.path] + arguments)
        #expect(result.status == 0, sourceLocation: sourceLocation)
        #expect(result.stderr == "", sourceLocation: sourceLocation)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(name); run again without RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
        } else {
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(result.stdout == expected, "output differs from Snapshots/\(name)", sourceLocation: sourceLocation)
        }
        return result.stdout
    }

    @Test func theSubdistrictTableShowsSharesEqualityGapsPatchesAndUnlocatedPoints() throws {
        _ = try check(["--cell", "100"], golden: "coverage-table.txt")
    }

    @Test func theEnglishTableAtEveryRadius() throws {
        _ = try check(["--cell", "100", "--radius", "all", "--lang", "en"], golden: "coverage-table-en.txt")
    }

    @Test func subdistrictJSONAndCSVKeepTheirStableNames() throws {
        let json = try check(["--cell", "100", "--format", "json", "--domain", "D4"], golden: "coverage.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let figure = try #require((object["figures"] as? [[String: Any]])?.first)
        for key in ["subdistrict", "domain", "radius_m", "share", "area_m2", "reference_points", "sample_points", "sample_based"] {
            #expect(figure[key] != nil, "\(key)")
        }
        _ = try check(["--cell", "100", "--format", "csv", "--type", "all", "--radius", "500"], golden: "coverage.csv")
    }

    /// The square catalogue with its located reference point (P0002) imported as official.
    static func officialCatalogue() throws -> URL {
        let folder = try squareCatalogue()
        let url = folder.appendingPathComponent("points.geojson")
        let text = try String(contentsOf: url, encoding: .utf8)
        let reference = #""provenance": "reference", "source": "test-source"}},"#
        let range = try #require(text.range(of: reference))
        try text.replacingCharacters(in: range, with: #""provenance": "official", "source": "test-source"}},"#)
            .write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func officialPointsAreCountedApartInTheTableJSONAndCSV() throws {
        let folder = try Self.officialCatalogue()
        defer { try? FileManager.default.removeItem(at: folder); fuwu.cleanUp() }
        let table = try fuwu.run(["coverage", "--catalogue", folder.path, "--cell", "100", "--lang", "en"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("data        points: 1 official, 0 reference, 1 sample; figures marked * rest on sample data"), "\(table.stdout)")
        let json = try fuwu.run(["coverage", "--catalogue", folder.path, "--cell", "100", "--format", "json", "--domain", "D9"])
        #expect(json.stdout.contains("""
          "min_share": 0.8,
          "official_points": 1,
          "reference_points": 0,
          "sample_points": 0,
          "unlocated_points": [
        """), "\(json.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let layers = try #require(object["layers"] as? [[String: Any]])
        #expect(layers.map { [$0["official_points"] as? Int, $0["reference_points"] as? Int, $0["sample_points"] as? Int] } == [[1, 0, 0]])
        let figures = try #require(object["figures"] as? [[String: Any]])
        #expect(figures.map { $0["official_points"] as? Int } == [1, 1])
        let csv = try fuwu.run(["coverage", "--catalogue", folder.path, "--cell", "100", "--format", "csv", "--type", "all", "--radius", "500"])
        #expect(csv.stdout == """
        subdistrict,subdistrict_name,layer,id,radius_m,share,area_m2,covered_m2,official_points,reference_points,sample_points,sample_based,note
        440304004,福田街道,type,shekang,500,0.345455,550000,190000,0,0,1,true,样例数据，不作结论
        ,未归属,type,shekang,500,0.363636,550000,200000,0,0,1,true,样例数据，不作结论
        440304004,福田街道,type,library,500,0.000000,550000,0,0,0,0,false,
        ,未归属,type,library,500,0.672727,550000,370000,1,0,0,false,

        """)
    }

    @Test func theGridAsGeoJSONIsRFC7946() throws {
        let text = try check(["--by", "grid", "--cell", "250"], golden: "coverage-grid.geojson")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(!features.isEmpty)
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let rings = try #require(geometry["coordinates"] as? [[[Double]]])
            for ring in rings {
                #expect(ring.first == ring.last)
                #expect(ring.allSatisfy { $0.count == 2 && (113...115).contains($0[0]) && (22...23).contains($0[1]) })
                var area = 0.0
                for i in 0..<(ring.count - 1) { area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
                #expect(area > 0)
            }
        }
    }

    @Test func theGridAsCSVAndJSON() throws {
        _ = try check(["--by", "grid", "--cell", "250", "--format", "csv"], golden: "coverage-grid.csv")
        _ = try check(["--by", "grid", "--cell", "500", "--format", "json"], golden: "coverage-grid.json")
    }

    @Test(arguments: [
        (["--cell", "5"], "fuwu: error: 网格边长 5.0 米超出范围；请用 10 到 1000 米\n"),
        (["--radius", "700"], "fuwu: error: 半径“700”不可用；请用 500、1000、1500 或 all\n"),
        (["--min-share", "80"], "fuwu: error: --min-share 80.0 超出范围；请用 0 到 1 之间的比例，如 0.8\n"),
        (["--domain", "D4", "--type", "shekang"], "fuwu: error: --domain 与 --type 只能选一个\n"),
        (["--by", "grid", "--format", "table"], "fuwu: error: --by grid 不支持 --format table；可用：geojson, csv, json\n"),
        (["--format", "geojson"], "fuwu: error: --by subdistrict 不支持 --format geojson；可用：table, json, csv\n"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["coverage", "--catalogue", FuwuProcess.validFixture.path] + arguments)
        #expect(result == .init(status: 64, stdout: "", stderr: message))
    }

    @Test func anUnknownDomainIsMissingInput() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["coverage", "--catalogue", FuwuProcess.validFixture.path, "--domain", "D99"])
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("fuwu: error: "))
    }
}
