@testable import Catalogue
import Foundation
import Geodesy
import Testing
@testable import CatalogueImport

/// `CatalogueLoader.validate(folder:writtenPoints:)`: the points `fuwu import` has just written are
/// checked as records instead of parsed again, and the outcome is always exactly that of reading
/// the folder (`validate(folder:)`): the same diagnostics and counts.
@Suite struct WrittenPointsTests {
    /// A copy of Futian with points.geojson written from `points` (Futian's own, changed by
    /// `change`), then `damage` done to the folder; both validations of it.
    func validations(change: (inout [ServicePoint]) -> Void = { _ in },
                     damage: (URL) throws -> Void = { _ in }) throws -> (written: CatalogueValidation, read: CatalogueValidation) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-written-points-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Futian.folder, to: folder)
        var points = Futian.loaded.catalogue.points
        change(&points)
        var digest = ByteDigest(), count = 0, text = ""
        CatalogueWriter.points(points, chunkBytes: 4096) { chunk in
            digest.add(chunk)
            count += chunk.utf8.count
            text += chunk
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("points.geojson"))
        try damage(folder)
        let written = CatalogueLoader.validate(folder: folder, writtenPoints: WrittenPoints(points, byteCount: count, digest: digest.value))
        return (written, CatalogueLoader.validate(folder: folder))
    }

    func expectSame(_ v: (written: CatalogueValidation, read: CatalogueValidation)) {
        #expect(v.written.diagnostics == v.read.diagnostics)
        #expect(v.written.counts == v.read.counts)
    }

    @Test func futiansPointsAreCheckedAsWrittenWithTheSameOutcome() throws {
        let v = try validations()
        #expect(v.written.checkedWrittenPoints)
        #expect(v.read.diagnostics.filter { $0.severity == .error } == [])
        #expect(v.written.counts?.points == Futian.loaded.catalogue.points.count)
        expectSame(v)
    }

    @Test func theDigestIsTheSameHoweverTheBytesAreCut() {
        let text = String(repeating: "福田区 points 0123456789", count: 50)
        var whole = ByteDigest()
        whole.add(text)
        for size in [1, 3, 7, 8, 9, 64] {
            var cut = ByteDigest()
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                bytes[start..<min(bytes.count, start + size)].withUnsafeBytes { cut.add($0) }
            }
            #expect(cut.value == whole.value, "pieces of \(size)")
        }
        var other = ByteDigest()
        other.add(text + " ")
        #expect(other.value != whole.value)
    }

    /// Defects in the records the writer is given: it writes them as they are, and validation
    /// finds them exactly as reading the file would.
    @Test(arguments: [
        "unknown item", "duplicate id", "outside the boundary", "unknown community", "name too long", "control character",
        "unknown source", "blank name", "swapped coordinates", "location without datum", "import date off the calendar",
    ])
    func defectsInTheWrittenRecordsAreFoundAsReadingFindsThem(_ defect: String) throws {
        let v = try validations(change: { points in
            switch defect {
            case "unknown item": points[3].itemIDs.append("D9-99")
            case "duplicate id": points[7].id = points[2].id
            case "outside the boundary": points[5].location = GeoCoordinate(latitude: 22.75, longitude: 114.25)
            case "unknown community": points[4].community = "不存在社区"
            case "name too long": points[6].name = String(repeating: "长", count: 201)
            case "control character": points[8].address = "福田\u{0007}路"
            case "unknown source": points[9].provenance = .official(source: "nowhere")
            case "blank name": points[10].name = "   "
            case "swapped coordinates": points[11].location = GeoCoordinate(latitude: 114.05, longitude: 22.54)
            case "location without datum": points[12].sourceDatum = nil
            case "import date off the calendar":
                points[13].origin = ImportOrigin(file: "a.csv", sheet: nil, row: 3, date: "2026-02-30")
            default: Issue.record("no such defect \(defect)")
            }
        })
        #expect(!v.written.checkedWrittenPoints)
        #expect(!v.read.diagnostics.isEmpty)
        expectSame(v)
    }

    /// Defects the writer could not have made — in the other files, or in points.geojson after it
    /// was written — are still found.
    @Test(arguments: ["item removed", "count changed", "byte changed", "bytes added", "standard broken"])
    func defectsTheWriterCouldNotMakeAreStillFound(_ defect: String) throws {
        let v = try validations(damage: { folder in
            func edit(_ name: String, _ change: (inout String) -> Void) throws {
                let url = folder.appendingPathComponent(name)
                var text = try String(contentsOf: url, encoding: .utf8)
                change(&text)
                try Data(text.utf8).write(to: url)
            }
            switch defect {
            case "item removed":
                // The first item of items.json, which points serve, is gone.
                var items = Futian.loaded.catalogue.items
                items.removeFirst()
                try Data(CatalogueWriter.items(items).utf8).write(to: folder.appendingPathComponent("items.json"))
            case "count changed":
                try edit("catalogue.json") { $0 = $0.replacingOccurrences(of: "\"points\": \(Futian.loaded.catalogue.points.count)", with: "\"points\": 7") }
            case "byte changed":
                // The same length, one letter of an id changed: a duplicate only the file holds.
                let first = Futian.loaded.catalogue.points[0].id, second = Futian.loaded.catalogue.points[1].id
                try edit("points.geojson") { $0 = $0.replacingOccurrences(of: "\"id\": \"\(second)\"", with: "\"id\": \"\(first)\"") }
            case "bytes added":
                try edit("points.geojson") { $0 += "x" }
            case "standard broken":
                let id = Futian.loaded.catalogue.standards[0].id
                try edit("standards/\(id).md") { $0 = $0.replacingOccurrences(of: "provenance:", with: "provenance: nonsense #") }
            default: Issue.record("no such defect \(defect)")
            }
        })
        #expect(!v.read.errors.isEmpty)
        // A file that is not what was written is read; with the file intact, its points are checked as written.
        if defect == "byte changed" || defect == "bytes added" { #expect(!v.written.checkedWrittenPoints) }
        if defect == "count changed" || defect == "standard broken" { #expect(v.written.checkedWrittenPoints) }
        expectSame(v)
    }
}
