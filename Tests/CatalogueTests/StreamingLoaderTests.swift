import Foundation
import Testing
@testable import Catalogue

/// points.geojson is read one feature at a time when it starts as a FeatureCollection; these tests
/// hold the streamed reading to the same diagnostics as reading the whole tree first.
@Suite struct StreamingLoaderTests {
    /// Two points with problems of several kinds (unknown item, unknown type, unknown community,
    /// unknown source, a type its item does not allow, a duplicate id, a missing geometry).
    static let features = """
      {"type": "Feature", "id": "P0001", "geometry": {"type": "Point", "coordinates": [114.0550, 22.5400]}, "properties": {"name": "甲", "type": "shekang", "items": ["D4-01", "D4-99"], "subdistrict": "440304004", "community": "无此社区", "source_datum": "WGS-84", "provenance": "reference", "source": "no-such-source"}},
      {"type": "Feature", "id": "P0002", "properties": {"name": "乙", "type": "no-such-type", "items": ["D9-01"], "subdistrict": "440304004", "provenance": "sample"}},
      {"type": "Feature", "id": "P0001", "geometry": null, "properties": {"name": "丙", "type": "shekang", "items": ["D4-01"], "subdistrict": null, "provenance": "sample"}}
    """

    func diagnostics(points: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-streaming-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FixturePaths.valid, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try points.write(to: folder.appendingPathComponent("points.geojson"), atomically: true, encoding: .utf8)
        return CatalogueLoader.load(folder: folder).diagnostics.filter { $0.location.file == "points.geojson" }.map(\.description)
    }

    @Test func aStreamedFileGivesTheSameDiagnosticsAsOneReadWhole() throws {
        // "type" before "features" is streamed; after it, the file is parsed whole first.
        let streamed = try diagnostics(points: "{\"type\": \"FeatureCollection\", \"features\": [\n\(Self.features)\n]}\n")
        let whole = try diagnostics(points: "{\"features\": [\n\(Self.features)\n], \"type\": \"FeatureCollection\"}\n")
        #expect(streamed == whole)
        #expect(streamed == [
            #"points.geojson:2:171 ($.features[0].properties.items[1]): error: point "P0001" refers to unknown item "D4-99"; no such id in items.json"#,
            #"points.geojson:2:222 ($.features[0].properties.community): error: point "P0001" names community "无此社区", which subdistrict 440304004 does not list in subdistricts.json"#,
            #"points.geojson:2:293 ($.features[0].properties.source): error: unknown source "no-such-source"; add it to the "sources" of catalogue.json"#,
            #"points.geojson:3:3 ($.features[1].geometry): error: malformed GeoJSON: point "P0002" has no "geometry" member; use null when the location is unknown"#,
            #"points.geojson:3:3 ($.features[1]): error: point "P0002" of type "no-such-type" serves item "D9-01", whose point_types do not include "no-such-type"; add the type to the item or remove the item from the point"#,
            #"points.geojson:3:74 ($.features[1].properties.type): error: point "P0002" refers to unknown point type "no-such-type"; no such id in catalogue.json"#,
            #"points.geojson:4:3 ($.features[2]): error: duplicate point id "P0001"; it is already used at points.geojson:2 — give each record its own id"#,
        ])
    }

    @Test func aSyntaxErrorAfterStreamedPointsWithdrawsTheirDiagnostics() throws {
        let broken = "{\"type\": \"FeatureCollection\", \"features\": [\n\(Self.features),\n  {\"type\": \"Feature\" \"id\": \"P0003\"}\n]}\n"
        #expect(try diagnostics(points: broken) == [
            "points.geojson:5:23: error: malformed JSON: expected ',' or '}' in an object, found '\"'",
        ])
    }
}

@Suite struct JSONPositionTests {
    @Test func columnsCountCharactersNotBytes() throws {
        let node = try JSONParser.parse("{\"名称\": \"福田\", \"b\": [true, null]}")
        let b = try #require(node["b"]?.array?[1])
        #expect(b.isNull)
        #expect(b.line == 1)
        #expect(b.column == 26)
        #expect(b.path == "$.b[1]")
        #expect(try #require(node["名称"]).path == "$.名称")
    }

    @Test func membersWithOtherCharactersArePathedWithBrackets() throws {
        let node = try JSONParser.parse("{\"a-b\": {\"c d\": 1}}")
        #expect(node["a-b"]?["c d"]?.path == "$[\"a-b\"][\"c d\"]")
    }

    @Test func positionsAskedForOutOfOrderAreRight() throws {
        let node = try JSONParser.parse("[1,\n 2,\n  3]")
        let elements = try #require(node.array)
        #expect(Array(elements.map(\.line).reversed()) == [3, 2, 1])
        #expect(elements[2].column == 3)
        #expect(elements[0].column == 2)
        #expect(elements[1].column == 2)
    }

    @Test(arguments: [
        ("-", "invalid number '-'", 2), ("1.", "invalid number '1.'", 3), ("1e", "invalid number '1e'", 3),
        ("1e+", "invalid number '1e+'", 4), ("--1", "invalid number '--1'", 4), ("1.2.3", "invalid number '1.2.3'", 6),
        ("+1", "unexpected character '+' where a value was expected", 1), (".5", "unexpected character '.' where a value was expected", 1),
    ])
    func malformedNumbersAreNamedWhereTheyEnd(text: String, message: String, column: Int) {
        #expect(throws: JSONParser.Failure(message: message, line: 1, column: column)) { try JSONParser.parse(text) }
    }

    @Test func wellFormedNumbersParse() throws {
        for (text, value) in [("0", 0.0), ("-0.5", -0.5), ("12e2", 1200), ("1E+2", 100), ("2.5e-1", 0.25), ("114.0379318", 114.0379318)] {
            #expect(try JSONParser.parse(text).number == value)
        }
    }

    @Test func stringErrorsStandWhereTheParserStopped() {
        #expect(throws: JSONParser.Failure(message: "invalid escape '\\社' in a string", line: 1, column: 4)) { try JSONParser.parse("\"\\社\"") }
        #expect(throws: JSONParser.Failure(message: "a line break inside a string; a closing \" is missing", line: 1, column: 4)) { try JSONParser.parse("\"福田\n\"") }
        #expect(throws: JSONParser.Failure(message: "a lone surrogate in a \\u escape", line: 1, column: 8)) { try JSONParser.parse("\"\\ud83d\"") }
        #expect(throws: JSONParser.Failure(message: "expected ',' or ']' in an array, found '福'", line: 1, column: 4)) { try JSONParser.parse("[1福]") }
    }
}
