import Catalogue
import Foundation
import Geodesy
import Testing
@testable import CatalogueImport

/// The merge's indexes keep no strings: `PointKeyTable` files hashes and confirms a match against
/// the point's own key, `AddedPointSpool.point(at:)` reads a spooled point back by its place, and
/// `RowColumn` keeps rows in four bytes. Each is held to what a dictionary or an array of the
/// values would answer.
@Suite struct CompactMergeIndexTests {
    /// Keys that share one fragment (every probe a hash match) are still told apart by the
    /// confirmation, and a key filed again replaces its index, as a dictionary's value would be.
    @Test func aTableWhoseFragmentsAllCollideStillFindsExactly() {
        var keys: [String] = []
        var table = PointKeyTable()
        var dictionary: [String: Int] = [:]
        func file(_ key: String) {
            let index = keys.count
            keys.append(key)
            let slot = table.find(7) { keys[$0] == key }.slot
            table.store(index, fragment: 7, in: slot)
            dictionary[key] = index
        }
        for i in 0..<300 { file("点\(i % 200)") }
        #expect(table.count == 200)
        for i in 0..<250 {
            let key = "点\(i)"
            #expect(table.find(7) { keys[$0] == key }.index == dictionary[key])
        }
    }

    /// With real fragments, across growth: the same answers as a dictionary, for hits and misses.
    @Test func aTableAnswersAsADictionaryDoes() {
        var keys: [String] = []
        var table = PointKeyTable()
        var dictionary: [String: Int] = [:]
        for i in 0..<20_000 {
            let key = i % 3 == 0 ? "P\(i % 5000)" : "福田\(i)"
            let fragment = PointKeyTable.fragment(key)
            let slot = table.find(fragment) { keys[$0] == key }.slot
            keys.append(key)
            table.store(i, fragment: fragment, in: slot)
            dictionary[key] = i
        }
        #expect(table.count == dictionary.count)
        for key in Array(dictionary.keys) + ["P9999", "福田-1", ""] {
            #expect(table.find(PointKeyTable.fragment(key)) { keys[$0] == key }.index == dictionary[key])
        }
        // Canonically equal strings are one key, as they are to a dictionary.
        #expect(PointKeyTable.fragment("e\u{301}") == PointKeyTable.fragment("\u{E9}"))
    }

    @Test func rowsOutsideThirtyTwoBitsAreKeptAside() {
        let rows: [Int?] = [nil, 0, 1, -3, Int(Int32.max), Int(Int32.min), Int(Int32.max) + 1, Int.max, Int.min, 1_000_000, nil]
        var column = RowColumn()
        for row in rows { column.append(row) }
        // Int.min was the mark of no row: it still reads back as none.
        #expect((0..<column.count).map { column[$0] } == rows.map { $0 == Int.min ? nil : $0 })
        column[7] = 5
        column[1] = Int.max
        #expect(column[7] == 5 && column[1] == Int.max && column.wide.count == 4)
    }

    /// Every point reads back by its place: still in the buffer, in the file in order (a
    /// megabyte ahead), and out of order (its own record only).
    @Test func aSpooledPointReadsBackByItsPlace() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try AddedPointSpool(path: folder.appendingPathComponent("points.spool").path)
        let points = AddedPointSpoolTests.odd + Futian.loaded.catalogue.points + Futian.loaded.catalogue.points
        for (i, p) in points.enumerated() {
            spool.append(p)
            #expect(spool.point(at: i) == p)
        }
        #expect(spool.point(at: points.count) == nil && spool.point(at: -1) == nil)
        #expect((0..<points.count).map { spool.point(at: $0) } == points)
        var order = Array(0..<points.count)
        var state: UInt64 = 13
        for i in order.indices.reversed() {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            order.swapAt(i, Int(state >> 33) % (i + 1))
        }
        for i in order { #expect(spool.point(at: i) == points[i]) }
        spool.remove()
        #expect(spool.point(at: 0) == nil)
    }

    /// The plan's entries of spooled points are read from the spool: the same entries as a merge
    /// that kept them, in memory, mixed with entries kept as strings.
    @Test func entriesOfSpooledPointsReadAsKeptOnes() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try AddedPointSpool(path: folder.appendingPathComponent("points.spool").path)
        var kept = ImportPlan.EntryList(), spooled = ImportPlan.EntryList()
        for (i, p) in Futian.loaded.catalogue.points.enumerated() {
            let origin = i % 3 == 0 ? nil : ImportOrigin(file: "f\(i % 2).csv", sheet: nil, row: i, date: "2026-12-01")
            if i % 10 == 0 {
                let entry = ImportPlan.Entry(kind: .items, id: "I\(i)", name: "事项\(i)", origin: origin)
                kept.append(entry)
                spooled.append(entry)
                continue
            }
            spool.append(p)
            kept.append(ImportPlan.Entry(kind: .points, id: p.id, name: p.name, origin: origin))
            spooled.append(spooledPoint: spool.count - 1, of: spool, origin: origin)
        }
        #expect(spooled.count == kept.count)
        #expect(Array(spooled) == Array(kept))
        #expect(spooled == kept)
    }
}

/// The spool keeps each point's feature as points.geojson has it, and the writer copies those
/// bytes: the same file as encoding the points, whether or not kept points come first, and an
/// error (not a shorter file) when the features cannot be read back whole.
@Suite struct SpooledFeatureTests {
    @Test func spooledFeaturesAreCopiedAsTheWriterWouldEncodeThem() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let points = AddedPointSpoolTests.odd + Futian.loaded.catalogue.points + Futian.loaded.catalogue.points
        for kept in [0, 1, 40] {
            let spool = try AddedPointSpool(path: folder.appendingPathComponent("points\(kept).spool").path)
            defer { spool.remove() }
            for p in points[kept...] { spool.append(p) }
            var expected: [UInt8] = [], copied: [UInt8] = []
            let whole = try CatalogueWriter.writePoints(points, spooled: nil) { expected += $0 }
            let written = try CatalogueWriter.writePoints(Array(points[..<kept]), spooled: spool) { copied += $0 }
            #expect(copied == expected, "\(kept) kept")
            #expect(written.byteCount == whole.byteCount && written.digest == whole.digest && written.count == points.count)
        }
        let empty = try AddedPointSpool(path: folder.appendingPathComponent("empty.spool").path)
        var none: [UInt8] = [], nothing: [UInt8] = []
        _ = try CatalogueWriter.writePoints([], spooled: nil) { none += $0 }
        _ = try CatalogueWriter.writePoints([], spooled: empty) { nothing += $0 }
        #expect(nothing == none)
        empty.remove()
        #expect(!FileManager.default.fileExists(atPath: empty.featuresPath))
    }

    @Test func aDamagedFeaturesFileIsAnErrorNotAShorterFile() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try AddedPointSpool(path: folder.appendingPathComponent("points.spool").path)
        for p in Futian.loaded.catalogue.points { spool.append(p) }
        try spool.forEachFeatureChunk { _ in }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: spool.featuresPath))
        try handle.truncate(atOffset: 100)
        try handle.close()
        #expect(throws: (any Error).self) { _ = try CatalogueWriter.writePoints([], spooled: spool) { _ in } }
    }
}
