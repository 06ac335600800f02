import Geodesy
import Testing
@testable import CatalogueImport

@Suite struct ImportMappingTests {
    @Test func aMappingWrittenAsTOMLReadsBackTheSame() throws {
        let mapping = ImportMapping(source: SourceDeclaration(id: "ft", title: "福田区\"清单\"", origin: "区卫健局", licence: "own", snapshot: "2024-06"),
                                    tables: [TableMapping(file: "社康.xlsx", sheets: ["病有良医"], kind: .points, headerRow: 3, datum: .bd09,
                                                          combinedOrder: .latitudeFirst, pointType: "shekang", complete: true,
                                                          columns: [.name: "服务点名称", .coordinates: "经纬度"], typeNames: ["社区健康服务中心": "shekang"])])
        #expect(try ImportMapping.parse(mapping.toml(), file: "m.toml") == mapping)
    }

    @Test(arguments: [
        ("[[table]]\nfile = \"a.csv\"\nkind = \"shops\"\n[table.columns]\nname = \"名称\"", "m.toml: kind \"shops\" of [[table]] 1 (a.csv) is unknown; use points, items or standards"),
        ("[[table]]\nfile = \"a.csv\"\n[table.columns]\nnmae = \"名称\"", "m.toml: unknown field \"nmae\" in the columns of [[table]] 1 (a.csv); a points table maps id, name, type, address, coordinates, longitude, latitude, phone, hours, subdistrict, community, items, note, provenance, source, imported_file, imported_sheet, imported_row, imported_date, source_datum, source_longitude, source_latitude"),
        ("[[table]]\nfile = \"a.csv\"\ndatum = \"mars\"\n[table.columns]\nname = \"名称\"", "m.toml: datum \"mars\" of [[table]] 1 (a.csv) is unknown; use WGS-84, GCJ-02 or BD-09"),
        ("[[table]]\nfile = \"a.csv\"\ncomplete = true\n[table.columns]\nname = \"名称\"", "m.toml: [[table]] 1 (a.csv) says complete = true but names no point_type; say which type the file lists completely"),
        ("[[table]]\nfile = \"a.csv\"\n[table.columns]\naddress = \"地址\"", "m.toml: [[table]] 1 (a.csv) maps no column to \"name\"; add it under [table.columns]"),
        ("title = \"x\"", "m.toml: unknown key \"title\"; a mapping has [source] and [[table]] entries"),
        ("", "m.toml: the mapping has no [[table]]; `fuwu import --guess FILE` writes one to start from"),
    ])
    func aWrongMappingIsRefusedSayingWhatToWrite(text: String, message: String) {
        #expect(throws: ImportProblem.self) { try ImportMapping.parse(text, file: "m.toml") }
        do { _ = try ImportMapping.parse(text, file: "m.toml") } catch { #expect(error.description == message) }
    }

    @Test func malformedTOMLNamesItsLine() {
        do {
            _ = try ImportMapping.parse("[[table]]\nfile = \"a.csv\n", file: "m.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.row == 2)
            #expect(error.description.hasPrefix("m.toml:2: malformed TOML"))
        }
    }

    @Test func theOrderInsideACombinedColumnIsToldFromTheValues() {
        #expect(SourceCoordinate.guessOrder(["114.05,22.54", "", "114.1，22.55"]) == .longitudeFirst)
        #expect(SourceCoordinate.guessOrder(["22.54, 114.05", "22.55 114.1"]) == .latitudeFirst)
        #expect(SourceCoordinate.guessOrder(["1,2"]) == nil)
    }

    @Test func cellsAreReadTheWayOfficesWriteThem() {
        #expect(CellText.isoDate("2022年12月28日") == "2022-12-28")
        #expect(CellText.isoDate("2022/2/30") == nil)
        #expect(CellText.numbers("E114.05° N22.54°") == [114.05, 22.54])
        #expect(CellText.list("D4-01、D4-02；D4-03") == ["D4-01", "D4-02", "D4-03"])
        #expect(CellText.trimmed("\u{3000} 福田 \u{A0}") == "福田")
        #expect(StandardConversion.level(ofCode: "DB4403/T 236—2022") == .shenzhen)
        #expect(StandardConversion.level(ofCode: "DB44/T 2279-2021") == .guangdong)
        #expect(StandardConversion.level(ofCode: "GB/T 1.1—2020") == .national)
        #expect(StandardConversion.codeKey("DB4403/T 236—2022") == StandardConversion.codeKey("db4403/t236-2022"))
    }

    @Test func swappedAndOutOfChinaCoordinatesAreRejectedWithTheirReason() {
        #expect(throws: CoordinateReason.swapped("the longitude 22.5 and latitude 114.05 look swapped; check which column is which")) {
            try SourceCoordinate.read(longitude: "22.5", latitude: "114.05")
        }
        #expect(throws: CoordinateReason.incomplete("the longitude \"114.05\" has no latitude beside it")) {
            try SourceCoordinate.read(longitude: "114.05", latitude: " ")
        }
        #expect(throws: CoordinateReason.outside("(2.35, 48.85) is not a longitude and latitude in China")) {
            try SourceCoordinate.read(combined: "2.35,48.85", order: .longitudeFirst)
        }
    }
}
