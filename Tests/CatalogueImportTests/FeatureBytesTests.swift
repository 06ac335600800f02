import Catalogue
import Foundation
import Geodesy
import Testing
@testable import CatalogueImport

/// `FeatureBytes` writes a feature of points.geojson straight into bytes: the same bytes as the
/// `JSONText` tree `CatalogueWriter.feature(_:)` renders, for every shape of point.
@Suite struct FeatureBytesTests {
    func bytes(_ p: ServicePoint) -> String {
        var out = FeatureBytes(capacity: 256)
        out.feature(p)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func everyFutianPointIsWrittenAsTheTreeRendersIt() {
        let differing = Futian.loaded.catalogue.points.filter { bytes($0) != CatalogueWriter.feature($0).compact }.map(\.id)
        #expect(differing == [])
    }

    static let odd: [ServicePoint] = {
        let base = Futian.loaded.catalogue.points[0]
        var points: [ServicePoint] = []
        var p = base
        p.name = "引号\"反斜杠\\换行\n制表\t退格\u{08}换页\u{0C}响铃\u{07}回车\r"
        p.address = "\u{1F}\u{00}end"
        points.append(p)
        p = base
        p.location = nil
        p.sourceDatum = nil
        p.sourceCoordinate = nil
        p.subdistrictCode = nil
        p.community = nil; p.address = nil; p.phone = nil; p.hours = nil; p.note = nil
        p.itemIDs = []
        p.provenance = .sample
        p.origin = nil
        points.append(p)
        p = base
        p.location = GeoCoordinate(latitude: 22, longitude: 114)
        p.sourceCoordinate = GeoCoordinate(latitude: -0.0, longitude: 1e-05)
        p.sourceDatum = .bd09
        p.provenance = .official(source: "官方")
        p.origin = ImportOrigin(file: "a \"b\".xlsx", sheet: "表1", row: 0, date: "2026-12-01")
        p.note = ""
        points.append(p)
        p.location = GeoCoordinate(latitude: 22.123456789012345, longitude: 114.00000001)
        p.sourceCoordinate = GeoCoordinate(latitude: 1e300, longitude: -123456789.5)
        p.origin = ImportOrigin(file: "f.csv", sheet: nil, row: -42, date: "2026-12-01")
        points.append(p)
        p.origin = ImportOrigin(file: "f.csv", sheet: nil, row: Int.max, date: "d")
        p.sourceCoordinate = GeoCoordinate(latitude: .infinity, longitude: -.infinity)
        points.append(p)
        p.origin = ImportOrigin(file: "f.csv", sheet: "", row: Int.min + 1, date: "d")
        p.location = GeoCoordinate(latitude: .nan, longitude: 5e-324)
        points.append(p)
        return points
    }()

    @Test(arguments: odd.indices)
    func oddPointsAreWrittenAsTheTreeRendersThem(_ index: Int) {
        let p = Self.odd[index]
        #expect(bytes(p) == CatalogueWriter.feature(p).compact)
    }

    @Test func theFileInPiecesIsTheWholeFile() {
        let points = Futian.loaded.catalogue.points + Self.odd
        var whole = "{\"type\": \"FeatureCollection\", \"features\": [\n"
        whole += points.map { CatalogueWriter.feature($0).compact }.joined(separator: ",\n")
        whole += "\n]}\n"
        for size in [1, 1000, 1 << 20] {
            var pieces: [UInt8] = []
            CatalogueWriter.pointBytes(points, chunkBytes: size) { pieces.append(contentsOf: $0) }
            #expect(String(decoding: pieces, as: UTF8.self) == whole, "pieces of \(size)")
        }
    }
}
