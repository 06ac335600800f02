import Foundation
import FixtureDamage
import Testing

/// Seeded mutations of the import fixtures through `fuwu import`: each gives a clear error naming
/// the file (and the row where there is one), a non-zero exit, and leaves the target catalogue byte
/// for byte as it was. `FUWU_IMPORT_FAULT_CASES` raises the count per kind for a longer run.
@Suite(.serialized) struct ImportFaultTests {
    let fuwu = FuwuProcess()

    static let mapping = """
    [[table]]
    file = "health.csv"
    kind = "points"
    datum = "GCJ-02"
    point_type = "shekang"

    [table.columns]
    name = "服务点名称"
    address = "地址"
    coordinates = "经纬度"
    phone = "联系电话"
    """

    /// Rows of a clean health list, all inside Futian.
    static let rows = [
        ["福田区社区健康服务中心一览表", "", "", "", ""],
        ["服务点名称", "地址", "经纬度", "联系电话", "备注"],
        ["福田区图书馆社康站", "福田区景田路70号", "114.045473,22.550808", "0755-83300001", ""],
        ["少儿馆旁社康中心", "福田区红荔路1011号", "114.099385,22.548595", "0755-83300002", "东侧"],
        ["福中社康中心", "福田区福中一路2001号", "114.057247,22.545982", "0755-83300003", ""],
        ["景田社康中心", "福田区景田北路", "114.041000,22.556000", "", ""],
    ]

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map { $0.contains(",") || $0.contains("\"") || $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A mutation that must break exactly one data row: its kind, the row (1-based line) and the file's bytes.
    static func mutate(_ seed: UInt64) -> (kind: String, row: Int?, bytes: Data) {
        var random = SplitMix64(seed: seed)
        var rows = Self.rows
        let target = 2 + random.below(rows.count - 2)
        let line = target + 1
        switch seed % 8 {
        case 0:
            rows[target][2] = "114.0\(random.below(9))x,22.5"
            return ("a coordinate that is not a number", line, Data(csv(rows).utf8))
        case 1:
            rows[target][0] = String(repeating: " ", count: random.below(3))
            return ("an empty name", line, Data(csv(rows).utf8))
        case 2:
            rows[target][2] = "114.0\(random.below(90) + 10)"
            return ("one number in the coordinate column", line, Data(csv(rows).utf8))
        case 3:
            rows[target][2] = "\(116 + random.below(5)).4\(random.below(9)),\(39 + random.below(3)).9"
            return ("a place far outside the district", line, Data(csv(rows).utf8))
        case 4:
            let parts = rows[target][2].split(separator: ",")
            rows[target][2] = "\(parts[1]),\(parts[0])"
            return ("latitude first in a longitude-first column", line, Data(csv(rows).utf8))
        case 5:
            // A quote opened on a new last line and never closed: the reader names that line.
            let text = csv(rows) + "\"" + rows[target].joined(separator: ",")
            return ("an unterminated quoted field", rows.count + 1, Data(text.utf8))
        case 6:
            rows[target][2] = "\(random.below(2) == 0 ? "-" : "")\(200 + random.below(100)).1,22.5"
            return ("a longitude off the earth", line, Data(csv(rows).utf8))
        default:
            // Bytes that are no text in any encoding fuwu reads, mid-row.
            var bytes = Data(csv(rows).utf8)
            let start = csv(Array(rows.prefix(target))).utf8.count + 2
            bytes.replaceSubrange(start..<(start + 1), with: [0xFF, 0xFE, 0x00, 0xFF, 0x81])
            return ("bytes of no encoding", nil, bytes)
        }
    }

    static func contents(_ folder: URL) -> [String: Data] { ImportCommandTests.contents(folder) }

    @Test func everyMutatedListIsRefusedWithItsFileAndRowAndTheCatalogueIsLeftAsItWas() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-import-fault-\(UUID().uuidString)", isDirectory: true)
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("catalogue", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
        let mapping = scratch.appendingPathComponent("mapping.toml")
        try Data(Self.mapping.utf8).write(to: mapping)
        let file = scratch.appendingPathComponent("health.csv")
        let before = Self.contents(target)
        // The clean list imports (into a copy), so every failure below is the mutation's doing.
        let copy = scratch.appendingPathComponent("clean", isDirectory: true)
        try FileManager.default.copyItem(at: target, to: copy)
        try Data(Self.csv(Self.rows).utf8).write(to: file)
        let clean = try fuwu.run(["import", file.path, "--mapping", mapping.path, "--into", copy.path, "--lang", "en"],
                                 environment: ["FUWU_IMPORT_DATE": "2026-12-01"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let perKind = Int(ProcessInfo.processInfo.environment["FUWU_IMPORT_FAULT_CASES"] ?? "") ?? 30
        for seed in 0..<UInt64(8 * perKind) {
            let (kind, row, bytes) = Self.mutate(seed)
            try bytes.write(to: file)
            let result = try fuwu.run(["import", file.path, "--mapping", mapping.path, "--into", target.path, "--lang", "en"],
                                      environment: ["FUWU_IMPORT_DATE": "2026-12-01"], timeoutSeconds: 60)
            let said = result.stdout + result.stderr
            #expect(result.status == 65, "seed \(seed) (\(kind)): status \(result.status)\n\(said)")
            #expect(said.contains(row.map { "\(file.path):\($0):" } ?? "\(file.path)"), "seed \(seed) (\(kind)) names no file and row:\n\(said)")
            #expect(!said.contains("Fatal error") && !said.contains("crashed"), "seed \(seed) (\(kind))")
            if Self.contents(target) != before {
                Issue.record("seed \(seed) (\(kind)) changed the catalogue")
                // Put it back, so that one slip does not fail every later case.
                try FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["catalogue", "clean", "health.csv", "mapping.toml"])
    }

    @Test func aTruncatedWorkbookIsRefusedNamingTheFile() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-import-fault-\(UUID().uuidString)", isDirectory: true)
        defer { fuwu.cleanUp(); try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("catalogue", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
        let mapping = scratch.appendingPathComponent("mapping.toml")
        try Data("""
        [[table]]
        file = "points.xlsx"
        kind = "points"
        sheets = ["病有良医"]
        datum = "GCJ-02"
        point_type = "shekang"

        [table.columns]
        name = "服务点名称"
        longitude = "经度"
        latitude = "纬度"
        """.utf8).write(to: mapping)
        let workbook = try Data(contentsOf: ImportCommandTests.fixtures.appendingPathComponent("service-points.xlsx"))
        let file = scratch.appendingPathComponent("points.xlsx")
        let before = Self.contents(target)
        var random = SplitMix64(seed: 2026)
        let cases = Int(ProcessInfo.processInfo.environment["FUWU_IMPORT_FAULT_CASES"] ?? "") ?? 30
        for index in 0..<(2 * cases) {
            // Cut anywhere: the zip's directory at the end is always lost.
            let bytes = workbook.prefix(1 + random.below(workbook.count - 1))
            try bytes.write(to: file)
            let result = try fuwu.run(["import", file.path, "--mapping", mapping.path, "--into", target.path, "--lang", "en"],
                                      environment: ["FUWU_IMPORT_DATE": "2026-12-01"], timeoutSeconds: 60)
            let said = result.stdout + result.stderr
            #expect(result.status == 65, "case \(index): status \(result.status)\n\(said)")
            #expect(said.contains(file.path), "case \(index) names no file:\n\(said)")
            if Self.contents(target) != before {
                Issue.record("case \(index) changed the catalogue")
                try FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
            }
        }
    }
}
