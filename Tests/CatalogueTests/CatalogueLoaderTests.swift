import Foundation
import Testing
import Geodesy
@testable import Catalogue

@Suite struct EmbeddedCatalogueTests {
    static let report = CatalogueLoader.load(folder: FixturePaths.embedded)

    @Test func theEmbeddedCatalogueValidatesWithoutErrors() {
        #expect(Self.report.errors.map(\.description) == [])
        #expect(Self.report.loaded != nil)
    }

    @Test func theEmbeddedCatalogueHasThePublishedCounts() throws {
        let c = try #require(Self.report.loaded).catalogue
        #expect(c.domains.count == 9)
        #expect(c.items.count == 143)
        #expect(c.items.filter(\.isFutianSpecific).count == 41)
        // The real counts since the reference imports; the published figures stand apart.
        #expect(c.points.count == 2085)
        #expect(c.standards.count == 892)
        #expect(c.metadata.counts == .init(domains: 9, items: 143, futianItems: 41, points: 2085, standards: 892))
        #expect(c.metadata.published == .init(domains: 9, items: 143, futianItems: 41, points: 2082, standards: 881))
    }

    @Test func theDomainsAreThePublishedNineInOrder() throws {
        let c = try #require(Self.report.loaded).catalogue
        #expect(c.domains.map(\.name) == ["幼有善育", "学有优教", "劳有厚得", "病有良医", "老有颐养", "住有宜居", "弱有众扶", "优军服务保障", "文化体育保障"])
    }

    @Test func theNamedFutianItemsArePresentAndMarked() throws {
        let c = try #require(Self.report.loaded).catalogue
        for name in ["儿童友好服务", "中小学生研学实践教育", "粤港澳青年创新创业扶持"] {
            let item = try #require(c.findItem(name), "\(name)")
            #expect(item.isFutianSpecific)
            #expect(!item.provenance.isSample)
        }
    }

    @Test func theRealStandardKeepsItsRealNumberAndSampleCodesCannotBeMistaken() throws {
        let c = try #require(Self.report.loaded).catalogue
        let real = try #require(c.findStandard("DB4403/T 236—2022"))
        #expect(real.title == "儿童友好公共服务体系建设指南")
        #expect(real.issued == "2022-04-28")
        #expect(real.effective == "2022-06-01")
        #expect(!real.provenance.isSample)
        #expect(c.standards.filter(\.provenance.isSample).allSatisfy { $0.code.hasPrefix("样例") })
    }

    @Test func everyItemHasAServiceGuideWithAServiceProcessChapter() throws {
        let loaded = try #require(Self.report.loaded)
        for item in loaded.catalogue.items {
            let guides = loaded.catalogue.standards(forItem: item.id).filter { $0.kind == .guide }
            #expect(guides.contains { loaded.bodies[$0.id]?.contains("服务流程") == true }, "\(item.id)")
        }
    }

    @Test func sampleRecordsHaveNoPhoneAndRealPointsWithoutLocationAreKept() throws {
        let c = try #require(Self.report.loaded).catalogue
        #expect(c.points.filter(\.provenance.isSample).allSatisfy { $0.phone == nil })
        #expect(c.points.contains { !$0.provenance.isSample && $0.location == nil })
        #expect(c.points.allSatisfy { $0.location == nil || $0.sourceDatum != nil })
    }
}

@Suite struct BrokenCatalogueTests {
    @Test func theValidFixtureHasNoDiagnostics() {
        let report = CatalogueLoader.load(folder: FixturePaths.valid)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.loaded?.catalogue.points.count == 3)
    }

    @Test func thereIsABrokenFixtureForEveryKindOfError() {
        #expect(FixturePaths.brokenCases() == [
            "bidi-override", "boundary-outside-region", "boundary-too-large", "boundary-vertex-out-of-range",
            "byte-order-mark", "control-character", "count-mismatch", "duplicate-id", "front-matter-line",
            "impossible-date", "malformed-front-matter", "malformed-geojson", "malformed-json", "missing-field",
            "missing-file", "missing-region", "out-of-vocabulary", "outside-boundary", "outside-region",
            "standard-items-disagree", "subdistrict-polygon-open-ring", "subdistrict-polygon-unknown-code",
            "swapped-coordinates", "too-long", "unclosed-ring", "undeclared-datum",
            "unknown-datum", "unknown-item-in-point", "unknown-reference", "unknown-source", "wrong-type",
        ])
    }

    @Test(arguments: FixturePaths.brokenCases())
    func eachBrokenCatalogueGivesItsExactDiagnostics(name: String) throws {
        let folder = try FixturePaths.brokenCopy(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try String(contentsOf: FixturePaths.broken.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
        let report = CatalogueLoader.load(folder: folder)
        #expect(report.diagnostics.map(\.description).joined(separator: "\n") + "\n" == expected)
        // Text with control characters is a warning: it still compiles, shown inert. Everything else is an error.
        let warningsOnly = ["bidi-override", "control-character"].contains(name)
        #expect((report.loaded != nil) == warningsOnly)
        #expect(report.errors.isEmpty == warningsOnly)
    }
}

@Suite struct JSONParserTests {
    @Test func valuesRememberTheirLineColumnAndPath() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, {\"b\": \"x\"}]\n}")
        let b = try #require(node["a"]?.array?[1]["b"])
        #expect(b.string == "x")
        #expect(b.line == 2)
        #expect(b.column == 18)
        #expect(b.path == "$.a[1].b")
    }

    @Test func errorsNameTheirPlace() {
        #expect(throws: JSONParser.Failure(message: "a trailing comma before ']'", line: 1, column: 5)) { try JSONParser.parse("[1, ]") }
        #expect(throws: JSONParser.Failure(message: "member \"a\" appears twice in one object", line: 1, column: 10)) { try JSONParser.parse("{\"a\": 1, \"a\": 2}") }
        #expect(throws: JSONParser.Failure(message: "the file ends inside a string; a closing \" is missing", line: 1, column: 5)) { try JSONParser.parse("\"abc") }
        #expect(throws: JSONParser.Failure(message: "invalid number '01'", line: 1, column: 3)) { try JSONParser.parse("01") }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        #expect(try JSONParser.parse(#""\u793e\ud83d\ude00\n""#).string == "社😀\n")
    }
}

@Suite struct LookupTests {
    static let catalogue = CatalogueLoader.load(folder: FixturePaths.valid).loaded!.catalogue

    @Test func standardCodesMatchLoosely() {
        #expect(Self.catalogue.findStandard("db4403t999-2022")?.id == "S0002")
        #expect(Self.catalogue.findStandard("ＤＢ4403/T 999—2022")?.id == "S0002")
        #expect(Self.catalogue.findStandard("s0001")?.id == "S0001")
        #expect(Self.catalogue.findStandard("DB4403/T 998—2022") == nil)
    }

    @Test func subdistrictsMatchByCodeNameShortNameAndPinyin() {
        for text in ["440304004", "福田街道", "福田", "futian", "FuTian"] {
            #expect(Self.catalogue.findSubdistrict(text)?.code == "440304004", "\(text)")
        }
        #expect(Self.catalogue.findSubdistrict("南山") == nil)
    }
}

@Suite struct SubdistrictPolygonTests {
    static let embedded = EmbeddedCatalogueTests.report.loaded?.catalogue

    @Test func theEmbeddedCatalogueHasOnePolygonPerSubdistrictWithItsCodeAndName() throws {
        let c = try #require(Self.embedded)
        #expect(c.subdistrictBoundaries.map(\.code) == c.subdistricts.map(\.code))
        #expect(c.subdistrictBoundaries.map(\.name) == c.subdistricts.map(\.name))
        #expect(c.subdistrictBoundaries.allSatisfy { $0.provenance == .reference(source: "handdrawn-subdistricts") })
        let fubao = try #require(c.subdistrictBoundaries.first { $0.code == "440304010" })
        #expect(fubao.note?.contains("福田保税区") == true)
    }

    @Test func everyRingIsClosedAndEveryExteriorRunsAnticlockwise() throws {
        let c = try #require(Self.embedded)
        for boundary in c.subdistrictBoundaries {
            for polygon in boundary.area.polygons {
                for (k, ring) in polygon.enumerated() {
                    #expect(ring.first == ring.last, "\(boundary.code)")
                    #expect((Boundary.signedArea(ring) > 0) == (k == 0), "\(boundary.code)")
                }
            }
        }
    }

    @Test func everyLocatedPointLiesInThePolygonOfItsSubdistrict() throws {
        let c = try #require(Self.embedded)
        for point in c.points {
            guard let location = point.location else { continue }
            #expect(c.subdistrictBoundary(containing: location)?.code == point.subdistrictCode, "\(point.id)")
        }
    }

    @Test func aCatalogueWithoutTheFileHasNoPolygonsAndNoDiagnostics() throws {
        let folder = try FixturePaths.brokenCopy("subdistrict-polygon-open-ring")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("subdistricts.geojson"))
        let report = CatalogueLoader.load(folder: folder)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.loaded?.catalogue.subdistrictBoundaries == [])
    }

    @Test func theValidFixturePolygonHoldsItsPointsAndNotTheEastOfTheSquare() throws {
        let c = try #require(CatalogueLoader.load(folder: FixturePaths.valid).loaded?.catalogue)
        #expect(c.subdistrictBoundary(containing: GeoCoordinate(latitude: 22.55, longitude: 114.05))?.code == "440304004")
        #expect(c.subdistrictBoundary(containing: GeoCoordinate(latitude: 22.55, longitude: 114.09)) == nil)
    }
}
