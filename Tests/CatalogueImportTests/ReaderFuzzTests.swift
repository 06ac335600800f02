import Foundation
import Testing
import ZIPFoundation
@testable import CatalogueImport

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

    /// How one case damages its file.
    enum Mutation: String, CaseIterable {
        // Any file.
        case bitFlip, truncate, emptyFile, garbage, hugeInsert, wrongReader
        // Text files.
        case raggedRows, strayQuote, utf16MarkOnOtherText, utf16WithoutMark, invalidBytes, bareCarriageReturns
        // Zip files.
        case xmlBitFlip, xmlTruncate, xmlGarbage, dropPart, deepNesting, hugeString, badIndex
    }

    /// A small seeded generator (xorshift64*), so that every run makes the same cases.
    struct SeededRandom {
        var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9 : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 32) }
    }

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

    static func isZip(_ name: String) -> Bool { name.hasSuffix(".xlsx") || name.hasSuffix(".docx") }

    /// The fixture's bytes damaged by `mutation`.
    static func damage(_ bytes: [UInt8], name: String, by mutation: Mutation, random: inout SeededRandom) throws -> [UInt8] {
        var bytes = bytes
        switch mutation {
        case .bitFlip:
            for _ in 0..<(1 + random.below(8)) where !bytes.isEmpty {
                bytes[random.below(bytes.count)] ^= UInt8(1) << UInt8(random.below(8))
            }
        case .truncate:
            bytes = Array(bytes.prefix(random.below(bytes.count)))
        case .emptyFile:
            bytes = []
        case .garbage:
            bytes = (0..<random.below(4096)).map { _ in random.byte() }
        case .hugeInsert:
            let at = random.below(bytes.count + 1)
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "x"), count: (1 << 20) + random.below(1 << 16)), at: at)
        case .wrongReader:
            break
        case .raggedRows:
            for _ in 0..<(1 + random.below(6)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                if bytes[at] == UInt8(ascii: ",") || bytes[at] == UInt8(ascii: "\t") { bytes.remove(at: at) } else { bytes.insert(UInt8(ascii: ","), at: at) }
            }
        case .strayQuote:
            bytes.insert(UInt8(ascii: "\""), at: random.below(bytes.count + 1))
        case .utf16MarkOnOtherText:
            bytes = [0xFF, 0xFE] + bytes
        case .utf16WithoutMark:
            bytes = bytes.flatMap { [$0, 0] }
        case .invalidBytes:
            for _ in 0..<(1 + random.below(4)) { bytes.insert([0xFF, 0x80, 0xC3, 0xFE][random.below(4)], at: random.below(bytes.count + 1)) }
        case .bareCarriageReturns:
            bytes = bytes.map { $0 == UInt8(ascii: "\n") && random.below(2) == 0 ? UInt8(ascii: "\r") : $0 }
        case .xmlBitFlip, .xmlTruncate, .xmlGarbage, .dropPart, .deepNesting, .hugeString, .badIndex:
            bytes = try damageZip(bytes, by: mutation, random: &random)
        }
        return bytes
    }

    /// Rewrites a zip with one part damaged (or left out).
    static func damageZip(_ bytes: [UInt8], by mutation: Mutation, random: inout SeededRandom) throws -> [UInt8] {
        let source = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in source where entry.type == .file {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        let xmlParts = parts.indices.filter { parts[$0].0.hasSuffix(".xml") || parts[$0].0.hasSuffix(".rels") }
        let target = xmlParts[random.below(xmlParts.count)]
        var part = [UInt8](parts[target].1)
        switch mutation {
        case .xmlBitFlip:
            for _ in 0..<(1 + random.below(6)) where !part.isEmpty { part[random.below(part.count)] ^= UInt8(1) << UInt8(random.below(8)) }
        case .xmlTruncate:
            part = Array(part.prefix(random.below(part.count)))
        case .xmlGarbage:
            part.insert(contentsOf: Array("<<&\u{0}]]>".utf8).shuffled(using: &random), at: random.below(part.count + 1))
        case .dropPart:
            parts.remove(at: target)
        case .deepNesting:
            let at = part.lastIndex(of: UInt8(ascii: "<")) ?? 0
            part.insert(contentsOf: Array(String(repeating: "<a>", count: 5000).utf8), at: at)
        case .hugeString:
            let text = String(decoding: part, as: UTF8.self)
            let huge = String(repeating: "福田", count: 200_000)
            part = Array(text.replacingOccurrences(of: "<t>", with: "<t>" + huge, options: [], range: nil).utf8)
        case .badIndex:
            let text = String(decoding: part, as: UTF8.self)
            part = Array(text.replacingOccurrences(of: "<v>1</v>", with: "<v>99999</v>").replacingOccurrences(of: "w:val=\"1\"", with: "w:val=\"-7\"").utf8)
        default:
            break
        }
        if mutation != .dropPart { parts[target].1 = Data(part) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
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
            let suitable = Mutation.allCases.filter { mutation in
                switch mutation {
                case .raggedRows, .strayQuote, .utf16MarkOnOtherText, .utf16WithoutMark, .invalidBytes, .bareCarriageReturns: !Self.isZip(name)
                case .xmlBitFlip, .xmlTruncate, .xmlGarbage, .dropPart, .deepNesting, .hugeString, .badIndex: Self.isZip(name)
                default: true
                }
            }
            let mutation = suitable[random.below(suitable.count)]
            let description = "case \(number): \(mutation.rawValue) of \(name)"
            let bytes = try Self.damage(originals[name] ?? [], name: name, by: mutation, random: &random)
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

extension Array {
    /// The elements in an order drawn from `random`.
    func shuffled(using random: inout ReaderFuzzTests.SeededRandom) -> [Element] {
        var result = self
        for index in result.indices.reversed() where index > 0 { result.swapAt(index, random.below(index + 1)) }
        return result
    }
}
