@testable import Catalogue
import Foundation
import Geodesy
import Testing
@testable import CatalogueImport

/// `AddedPointSpool`: the points an import adds wait in a file, not in memory. A point reads back
/// exactly as it went in, and a merge that spools gives the same plan and writes the same
/// points.geojson, byte for byte, as one that keeps every point.
@Suite struct AddedPointSpoolTests {
    func spool(_ folder: URL) throws -> AddedPointSpool { try AddedPointSpool(path: folder.appendingPathComponent("points.spool").path) }

    static let odd = [
        ServicePoint(id: "", name: "", typeID: "", itemIDs: [], subdistrictCode: nil, community: nil, address: nil, phone: nil, hours: nil,
                     location: nil, sourceDatum: nil, sourceCoordinate: nil, note: nil, provenance: .sample),
        ServicePoint(id: "P9", name: "新馆\u{1B}\"\\甲\n", typeID: "library", itemIDs: ["a", "", "福田"], subdistrictCode: "", community: "社区",
                     address: "", phone: "0755", hours: "周一", location: GeoCoordinate(latitude: -0.0, longitude: 1e-300),
                     sourceDatum: .bd09, sourceCoordinate: GeoCoordinate(latitude: .greatestFiniteMagnitude, longitude: -180),
                     note: "𠀀", provenance: .official(source: "ft-lib"),
                     origin: ImportOrigin(file: "a.xlsx", sheet: "表一", row: -3, date: "2026-12-01")),
        ServicePoint(id: "P10", name: "n", typeID: "t", itemIDs: ["x"], subdistrictCode: nil, community: nil, address: nil, phone: nil,
                     hours: nil, location: GeoCoordinate(latitude: 22.5, longitude: 114.05), sourceDatum: nil, sourceCoordinate: nil,
                     note: nil, provenance: .reference(source: "r"), origin: ImportOrigin(file: "b.csv", sheet: nil, row: nil, date: "d")),
    ]

    @Test func everyPointReadsBackExactlyInTheOrderWritten() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool(folder)
        // More than a megabyte, so records straddle the pieces it is written and read in.
        let points = Self.odd + Futian.loaded.catalogue.points + Futian.loaded.catalogue.points
        for p in points { spool.append(p) }
        var back: [ServicePoint] = []
        try spool.forEach { back.append($0); return true }
        #expect(spool.count == points.count)
        #expect(back == points)
        var firstTwo = 0
        try spool.forEach { _ in firstTwo += 1; return firstTwo < 2 }
        #expect(firstTwo == 2)
        spool.remove()
        #expect(!FileManager.default.fileExists(atPath: spool.path))
    }

    @Test func aDamagedSpoolIsAnErrorNotFewerPoints() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool(folder)
        for p in Self.odd { spool.append(p) }
        var read = 0
        try spool.forEach { _ in read += 1; return true }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: spool.path))
        try handle.truncate(atOffset: 10)
        try handle.close()
        #expect(throws: (any Error).self) { try spool.forEach { _ in true } }
        #expect(read == Self.odd.count)
    }

    /// Rows that add points (located or not), change a Futian point, and repeat an added one.
    func plan(spool: AddedPointSpool?) throws -> ImportPlan {
        let existing = try #require(Futian.loaded.catalogue.points.first { $0.location != nil && !$0.provenance.isSample && $0.typeID == "hospital" })
        let here = try #require(existing.location)
        let near = Geodesic.wgs84.direct(from: here, bearingDegrees: 90, distanceMetres: 25)
        var merge = CatalogueMerge(base: Futian.loaded, prefer: .new, spool: spool)
        let source = SourceInfo(id: "ft-lib", title: "t", origin: "o", licence: "l", datum: "WGS-84", snapshot: "2024", reliability: nil, note: nil)
        merge.add(source: source)
        let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "ft-lib"))
        var rows = [["名称", "地址", "经度", "纬度"], ["新馆甲", "福田区一路", "114.05", "22.54"], ["新馆乙", "福田区二路", "", ""],
                    [existing.name, "", "\(near.longitude)", "\(near.latitude)"]]
        // Inside the district: within a few hundred metres of the Futian point.
        rows += (0..<3000).map { ["新馆\($0)", "福田区\($0)号", "\(here.longitude + Double($0 % 37) / 20_000)", "\(here.latitude + Double($0 % 41) / 20_000)"] }
        rows += [["新馆甲", "福田区一路", "114.05", "22.54"], ["新馆乙", "福田区二路", "", ""], ["新馆7", "福田区7号", "", ""]]
        let result = try TableImport.read(TestTable(path: "list.csv", rows: rows), mappings: [CatalogueMergeTests.table], context: context)
        merge.apply(result.rows)
        merge.reject(result.rejected)
        return merge.finish()
    }

    @Test func newIdsContinueAfterAnIdARowBroughtWhenThatPointWasSpooled() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = TableMapping(file: "ids.csv", kind: .points, datum: .wgs84, pointType: "hospital",
                                 columns: [.id: "编号", .name: "名称", .longitude: "经度", .latitude: "纬度"])
        func plan(_ spool: AddedPointSpool?) throws -> ImportPlan {
            var merge = CatalogueMerge(base: Futian.loaded, prefer: nil, spool: spool)
            let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "ft-lib"))
            let rows = [["编号", "名称", "经度", "纬度"], ["P9999", "新馆甲", "", ""], ["", "新馆乙", "", ""]]
            merge.apply(try TableImport.read(TestTable(path: "ids.csv", rows: rows), mappings: [table], context: context).rows)
            return merge.finish()
        }
        let kept = try plan(nil)
        #expect(kept.added.map(\.id) == ["P9999", "P10000"])
        #expect(try plan(spool(folder)).added.map(\.id) == kept.added.map(\.id))
    }

    @Test func aSpooledMergeGivesTheSamePlanAndTheSamePointsFileByteForByte() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool(folder)
        let kept = try plan(spool: nil)
        let spooled = try plan(spool: spool)
        #expect(spooled.spooledPoints === spool)
        #expect(spool.count == 3002)
        #expect(spooled.result.catalogue.points.count == Futian.loaded.catalogue.points.count)
        #expect(Array(spooled.added) == Array(kept.added))
        #expect(Array(spooled.unlocated) == Array(kept.unlocated))
        #expect(spooled.changed == kept.changed)
        #expect(spooled.rejected.map(\.description) == kept.rejected.map(\.description))
        #expect(kept.rejected.count == 3)
        #expect(spooled.result.catalogue.metadata == kept.result.catalogue.metadata)
        var keptBytes: [UInt8] = [], spooledBytes: [UInt8] = []
        let keptWritten = try CatalogueWriter.writePoints(kept.result.catalogue.points, spooled: nil) { keptBytes += $0 }
        let spooledWritten = try CatalogueWriter.writePoints(spooled.result.catalogue.points, spooled: spool) { spooledBytes += $0 }
        #expect(spooledBytes == keptBytes)
        #expect(spooledWritten.byteCount == keptWritten.byteCount && spooledWritten.digest == keptWritten.digest)
        #expect(spooledWritten.count == kept.result.catalogue.points.count)
        var walked: [ServicePoint] = []
        spooledWritten.forEach { walked.append($0); return true }
        #expect(walked == kept.result.catalogue.points)
        // The folder validates with the spooled points checked as written, as the kept ones would be.
        let catalogue = folder.appendingPathComponent("futian", isDirectory: true)
        try FileManager.default.copyItem(at: Futian.folder, to: catalogue)
        try Data(spooledBytes).write(to: catalogue.appendingPathComponent("points.geojson"))
        let description = try JSONParser.parse(String(decoding: try Data(contentsOf: catalogue.appendingPathComponent("catalogue.json")), as: UTF8.self))
        let metadata = spooled.result.catalogue.metadata
        try Data(CatalogueWriter.catalogueJSON(original: description, counts: metadata.counts, published: metadata.publishedCounts,
                                               addedSources: spooled.addedSources).utf8).write(to: catalogue.appendingPathComponent("catalogue.json"))
        let written = CatalogueLoader.validate(folder: catalogue, writtenPoints: spooledWritten)
        let read = CatalogueLoader.validate(folder: catalogue)
        #expect(written.checkedWrittenPoints)
        #expect(written.diagnostics == read.diagnostics)
        #expect(read.errors == [])
        #expect(written.counts?.points == Futian.loaded.catalogue.points.count + 3002)
    }
}
