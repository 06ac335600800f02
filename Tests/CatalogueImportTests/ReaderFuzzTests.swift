import Foundation
import Testing
@testable import CatalogueImport
import FixtureDamage

/// A fuzzer for the readers with a fixed seed: every case damages one fixture (truncated zips,
/// broken XML parts, wrong encodings, ragged rows, huge cells …) and reads it. Each case must
/// end (a read that takes over 60 s fails as a hang), and either give rows (or a text) or an ImportProblem that names the file, with the line
/// it mentions as its row. `FUWU_FUZZ_CASES=10000 swift test --filter ReaderFuzzTests` runs a
/// long campaign; `FUWU_FUZZ_SEED` picks another seed.
@Suite struct ReaderFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["FUWU_FUZZ_CASES"].flatMap(Int.init) ?? 200
    static let seed = environment["FUWU_FUZZ_SEED"].flatMap(UInt64.init) ?? 1313

    static let fixtures = ["community-health-gbk.csv", "schools-bd09.csv", "libraries-utf16.csv",
                           "service-points.xlsx", "standard-gbt.docx", "standard.md"]

    /// What reading a case gave.
    enum Outcome {
        case read(Int)
        case problem(ImportProblem)
    }

    /// Reads `path` with the reader its extension (or `reader`) calls for.
    static func read(_ path: String, as reader: String) -> Outcome {
        do throws(ImportProblem) {
            switch reader {
            case "csv": return .read(try DelimitedTextSource(path: path).allRows().count)
            case "xlsx": return .read(try WorkbookSource(path: path).allRows().count)
            case "docx": return .read(try WordDocument.convert(path: path).markdown.count)
            default: return .read(try PlainText.convert(path: path).markdown.count)
            }
        } catch {
            return .problem(error)
        }
    }

    /// Reads on another thread; nil when the read did not finish within the limit (a hang).
    static func readWithin(_ seconds: Double, _ path: String, as reader: String) -> Outcome? {
        final class Box: @unchecked Sendable { var outcome: Outcome? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.outcome = read(path, as: reader)
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.outcome : nil
    }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        if name == "standard.md" {
            return Array("---\ncode: DB4403/T 999—2024\ntitle: 社区健康服务中心基本公共服务规范\nissued: 2024-06-01\n---\n## 1 范围\n\n正文\n".utf8)
        }
        return [UInt8](try Data(contentsOf: FixturePaths.fixtures.appendingPathComponent(name)))
    }

    @Test func everyDamagedFileGivesRowsOrAProblemThatNamesItAndItsLine() throws {
        let folder = try FixturePaths.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var originals: [String: [UInt8]] = [:]
        for name in Self.fixtures { originals[name] = try Self.fixtureBytes(name) }
        var random = SeededRandom(seed: Self.seed)
        var problems = 0
        var slowest: (Duration, String) = (.zero, "")
        for number in 0..<Self.caseCount {
            let name = Self.fixtures[random.below(Self.fixtures.count)]
            let suitable = FixtureMutation.suitable(for: name)
            let mutation = suitable[random.below(suitable.count)]
            let description = "case \(number): \(mutation.rawValue) of \(name)"
            let bytes = try mutation.damage(originals[name] ?? [], random: &random)
            let path = folder.appendingPathComponent("\(number)-\(name)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var reader = String(name.split(separator: ".").last ?? "")
            if mutation == .wrongReader { reader = ["csv", "xlsx", "docx", "md"][random.below(4)] }
            let started = ContinuousClock.now
            guard let outcome = Self.readWithin(60, path, as: reader) else {
                Issue.record("\(description): the reader did not finish")
                return
            }
            switch outcome {
            case .read:
                break
            case .problem(let problem):
                problems += 1
                #expect(problem.file == path, "\(description): \(problem)")
                #expect(!problem.reason.isEmpty && !problem.reason.contains("\n"), "\(description): \(problem)")
                if let match = problem.reason.firstMatch(of: /line ([0-9]+)/), !problem.reason.contains("of that part") {
                    #expect(problem.row == Int(match.1), "\(description): \(problem)")
                }
            }
            try? FileManager.default.removeItem(atPath: path)
            let took = ContinuousClock.now - started
            if took > slowest.0 { slowest = (took, description) }
        }
        print("ReaderFuzzTests: \(Self.caseCount) cases, \(problems) problems; slowest \(slowest.1) took \(slowest.0)")
        // The mutations are mostly fatal: a fuzzer that never fails a read tests nothing.
        #expect(problems > Self.caseCount / 4)
    }
}
