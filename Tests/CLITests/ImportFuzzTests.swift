import Catalogue
import FixtureDamage
import Foundation
import Testing
@testable import fuwu

/// `fuwu import` end to end, in process, on damaged district files: every case damages one of the
/// import fixtures (the GBK, BD-09 and UTF-16 lists, the workbook, the Word standard, a Markdown
/// text) with a seeded mutation — truncated zips, broken XML parts, wrong encodings, ragged rows,
/// another file's bytes under its name — and imports it with its mapping into a small catalogue.
/// Each case must end within 60 s; a refusal must be a `CLIError` (65 or 78) that names the
/// damaged file, and must leave the catalogue byte for byte as it was with no staging folder
/// beside it; an import that goes through must leave a catalogue that validates.
///
/// 250 cases run in `swift test`; `FUWU_IMPORT_FUZZ_CASES=10000 swift test --filter ImportFuzzTests`
/// is the long run (docs/reliability.md), `FUWU_IMPORT_FUZZ_SEED` another seed.
@Suite struct ImportFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["FUWU_IMPORT_FUZZ_CASES"].flatMap(Int.init) ?? 250
    static let seed = environment["FUWU_IMPORT_FUZZ_SEED"].flatMap(UInt64.init) ?? 1313

    static let fixtures = ["community-health-gbk.csv", "schools-bd09.csv", "libraries-utf16.csv",
                           "service-points.xlsx", "standard-gbt.docx", "standard.md"]

    /// One table per fixture, with the point types of the small catalogue.
    static let mapping = """
    [[table]]
    file = "community-health-gbk.csv"
    kind = "points"
    datum = "GCJ-02"
    coordinate_order = "lon,lat"
    point_type = "shekang"

    [table.columns]
    name = "服务点名称"
    address = "地址"
    coordinates = "经纬度"
    phone = "联系电话"
    hours = "开放时间"

    [[table]]
    file = "schools-bd09.csv"
    kind = "points"
    datum = "BD-09"
    point_type = "library"

    [table.columns]
    name = "名称"
    address = "地址"
    longitude = "经度"
    latitude = "纬度"
    phone = "联系电话"

    [[table]]
    file = "libraries-utf16.csv"
    kind = "points"
    datum = "GCJ-02"
    point_type = "library"

    [table.columns]
    name = "名称"
    address = "地址"
    longitude = "经度"
    latitude = "纬度"

    [[table]]
    file = "service-points.xlsx"
    sheets = ["病有良医"]
    kind = "points"
    datum = "GCJ-02"
    point_type = "shekang"

    [table.columns]
    name = "服务点名称"
    address = "地址"
    longitude = "经度"
    latitude = "纬度"
    phone = "联系电话"

    """

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        if name == "standard.md" {
            return Array("---\ncode: DB4403/T 999—2024\ntitle: 社区健康服务中心基本公共服务规范\nissued: 2024-06-01\n---\n## 1 范围\n\n正文\n".utf8)
        }
        return [UInt8](try Data(contentsOf: ImportCommandTests.fixtures.appendingPathComponent(name)))
    }

    /// What one import gave: its output, and the error it was refused with.
    struct Outcome {
        var output = ""
        var errors = ""
        var refusal: CLIError?
    }

    /// Runs `fuwu import` with `arguments` in process on another thread; nil when it did not end in time.
    static func importWithin(_ seconds: Double, _ arguments: [String]) -> Outcome? {
        final class Box: @unchecked Sendable { var outcome = Outcome() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do {
                let command = try ImportCommand.parse(arguments)
                try command.perform(output: { box.outcome.output += $0 }, errorOutput: { box.outcome.errors += $0 + "\n" }, isTerminal: false)
            } catch let error as CLIError {
                box.outcome.refusal = error
            } catch {
                box.outcome.refusal = CLIError(message: "not a CLIError: \(error)", code: -1)
            }
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.outcome : nil
    }

    @Test func everyDamagedFileIsImportedWholeOrRefusedNamingItWithTheCatalogueLeftByteForByte() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-import-fuzz-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("catalogue", isDirectory: true)
        try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
        let mapping = scratch.appendingPathComponent("mapping.toml")
        try Data(Self.mapping.utf8).write(to: mapping)
        let clean = ImportCommandTests.contents(target)
        var originals: [String: [UInt8]] = [:]
        for name in Self.fixtures { originals[name] = try Self.fixtureBytes(name) }
        var random = SeededRandom(seed: Self.seed)
        var tally: [String: Int] = [:]
        var slowest: (Duration, String) = (.zero, "")
        for number in 0..<Self.caseCount {
            let name = Self.fixtures[random.below(Self.fixtures.count)]
            let suitable = FixtureMutation.suitable(for: name)
            let mutation = suitable[random.below(suitable.count)]
            let description = "case \(number): \(mutation.rawValue) of \(name)"
            var bytes = try mutation.damage(originals[name] ?? [], random: &random)
            if mutation == .wrongReader {
                // Another fixture's bytes under this name.
                let others = Self.fixtures.filter { $0 != name }
                bytes = originals[others[random.below(others.count)]] ?? []
            }
            let file = scratch.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            let before = ImportCommandTests.contents(target)
            let started = ContinuousClock.now
            guard let outcome = Self.importWithin(60, [file.path, "--mapping", mapping.path, "--into", target.path, "--lang", "en"]) else {
                Issue.record("\(description): the import did not finish within 60 s")
                return
            }
            let took = ContinuousClock.now - started
            if took > slowest.0 { slowest = (took, description) }
            let said = outcome.output + outcome.errors + (outcome.refusal?.message ?? "")
            #expect(!said.contains("Fatal error"), "\(description)")
            let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
            #expect(left.isEmpty, "\(description) left \(left)")
            if let refusal = outcome.refusal {
                tally["refused \(refusal.code)", default: 0] += 1
                #expect(refusal.code == 65 || refusal.code == 78, "\(description): status \(refusal.code): \(refusal.message)\n\(said)")
                #expect(said.contains(file.path), "\(description) does not name the file:\n\(said)")
                #expect(!refusal.message.contains("does not validate"), "\(description): a row that cannot be stored passed conversion:\n\(said)")
                if ImportCommandTests.contents(target) != before {
                    Issue.record("\(description) was refused but changed the catalogue")
                }
            } else {
                tally["imported", default: 0] += 1
                #expect(CatalogueLoader.validate(folder: target).errors.isEmpty, "\(description): the imported catalogue does not validate")
            }
            if ImportCommandTests.contents(target) != clean {
                try FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: FuwuProcess.validFixture, to: target)
            }
            // A long run says how far it has come.
            if Self.caseCount > 1000, (number + 1) % 1000 == 0 {
                FileHandle.standardError.write(Data("ImportFuzzTests: \(number + 1) of \(Self.caseCount) cases done\n".utf8))
            }
        }
        print("ImportFuzzTests: \(Self.caseCount) cases (seed \(Self.seed)): \(tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); slowest \(slowest.1) took \(slowest.0)")
        // Most damage is fatal: a fuzzer whose cases all go through tests nothing.
        #expect((tally["refused 65"] ?? 0) > Self.caseCount / 4)
    }
}
