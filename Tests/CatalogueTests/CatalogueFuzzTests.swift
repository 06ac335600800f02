import Foundation
import FixtureDamage
import Testing
@testable import Catalogue

/// A catalogue fuzzer with a fixed seed: every case mutates one source file of the valid fixture
/// and loads the folder. Each case must end (no hang), either load cleanly or report errors that
/// name the damaged file, and keep its output bounded. `FUWU_FUZZ_CASES=20000 swift test
/// --filter CatalogueFuzzTests` runs a long campaign; `FUWU_FUZZ_SEED` picks another seed.
@Suite struct CatalogueFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["FUWU_FUZZ_CASES"].flatMap(Int.init) ?? 400
    static let seed = environment["FUWU_FUZZ_SEED"].flatMap(UInt64.init) ?? 1414

    static let files = CatalogueLoader.fileNames + ["standards/S0001.md", "standards/S0002.md"]

    /// How one case damages its file.
    enum Mutation: String, CaseIterable {
        case bitFlip, truncate, deleteKey, duplicateKey, wrongType, hugeValue, deepNesting,
             utf16, invalidUTF8, latin1, byteOrderMark, crlf, emptyFile, garbage,
             folder, fifo, symlinkLoop, symlinkToFolder, missing
    }

    struct Case: CustomStringConvertible {
        var number: Int
        var file: String
        var mutation: Mutation
        var description: String { "case \(number): \(mutation.rawValue) of \(file)" }
    }

    static func cases() -> [Case] {
        var random = SplitMix64(seed: seed)
        return (0..<caseCount).map { number in
            Case(number: number, file: files[random.below(files.count)],
                 mutation: Mutation.allCases[random.below(Mutation.allCases.count)])
        }
    }

    /// Applies a mutation to a file's bytes, or to the file itself for the kinds that replace it.
    static func apply(_ mutation: Mutation, to url: URL, random: inout SplitMix64) throws {
        let fm = FileManager.default
        let bytes = [UInt8](try Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        func write(_ data: [UInt8]) throws { try Data(data).write(to: url) }
        func write(_ text: String) throws { try Data(text.utf8).write(to: url) }
        /// The ranges of `"key": ` openings in the text, as UTF-8 offsets.
        func keyOffsets() -> [Int] {
            var result: [Int] = []
            let u = Array(text.utf8)
            var i = 0
            while i + 1 < u.count {
                if u[i] == UInt8(ascii: "\""), let close = u[(i + 1)...].firstIndex(of: UInt8(ascii: "\"")),
                   close + 1 < u.count, u[close + 1] == UInt8(ascii: ":") || (u[close + 1] == UInt8(ascii: " ") && close + 2 < u.count && u[close + 2] == UInt8(ascii: ":")) {
                    result.append(i)
                    i = close + 1
                } else {
                    i += 1
                }
            }
            return result
        }
        /// The member starting at a key offset, up to (not including) the next `,` or `}` at depth 0.
        func memberEnd(from start: Int) -> Int {
            let u = Array(text.utf8)
            var depth = 0, inString = false, i = start, escaped = false
            while i < u.count {
                let c = u[i]
                if inString {
                    if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                } else if c == UInt8(ascii: "\"") { inString = true
                } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    if depth == 0 { return i }
                    depth -= 1
                } else if c == UInt8(ascii: ","), depth == 0 { return i }
                i += 1
            }
            return u.count
        }
        /// Replaces the value of a random member with `value`.
        func replaceValue(with value: String) throws {
            let keys = keyOffsets()
            guard !keys.isEmpty else { return try write(value) }
            let start = keys[random.below(keys.count)]
            let u = Array(text.utf8)
            guard let colon = u[start...].firstIndex(of: UInt8(ascii: ":")) else { return }
            let end = memberEnd(from: colon + 1)
            try write(Array(u[...colon]) + Array(" \(value)".utf8) + Array(u[end...]))
        }
        switch mutation {
        case .bitFlip:
            var b = bytes
            for _ in 0..<(1 + random.below(3)) where !b.isEmpty { b[random.below(b.count)] ^= UInt8(1 << random.below(8)) }
            try write(b)
        case .truncate:
            try write(Array(bytes.prefix(random.below(max(1, bytes.count)))))
        case .deleteKey:
            let keys = keyOffsets()
            guard !keys.isEmpty else { return }
            let start = keys[random.below(keys.count)]
            var end = memberEnd(from: start)
            let u = Array(text.utf8)
            if end < u.count, u[end] == UInt8(ascii: ",") { end += 1 }
            try write(Array(u[..<start]) + Array(u[end...]))
        case .duplicateKey:
            let keys = keyOffsets()
            guard !keys.isEmpty else { return }
            let start = keys[random.below(keys.count)]
            let end = memberEnd(from: start)
            let u = Array(text.utf8)
            try write(Array(u[..<end]) + [UInt8(ascii: ",")] + Array(u[start..<end]) + Array(u[end...]))
        case .wrongType:
            try replaceValue(with: ["123", "-1e400", "true", "null", "[]", "{}", "\"\"", "[1, 2]", "{\"a\": 1}", "\"x\""][random.below(10)])
        case .hugeValue:
            let huge = ["\"" + String(repeating: "长", count: 300_000) + "\"", "1" + String(repeating: "0", count: 5000),
                        "[" + Array(repeating: "\"D4-01\"", count: 50_000).joined(separator: ",") + "]"][random.below(3)]
            try replaceValue(with: huge)
        case .deepNesting:
            let depth = [100, 600, 5000, 100_000][random.below(4)]
            try replaceValue(with: String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        case .utf16:
            try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: url)
        case .invalidUTF8:
            var b = bytes
            b.insert(contentsOf: [0xFF, 0xC3][...(random.below(2))], at: random.below(b.count + 1))
            try write(b)
        case .latin1:
            try write(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        case .byteOrderMark:
            try write([0xEF, 0xBB, 0xBF] + bytes)
        case .crlf:
            try write(text.replacingOccurrences(of: "\n", with: "\r\n"))
        case .emptyFile:
            try write([UInt8]())
        case .garbage:
            try write((0..<(1 + random.below(4096))).map { _ in UInt8(random.below(256)) })
        case .folder:
            try fm.removeItem(at: url)
            try fm.createDirectory(at: url, withIntermediateDirectories: false)
        case .fifo:
            try fm.removeItem(at: url)
            _ = mkfifo(url.path, 0o644)
        case .symlinkLoop:
            try fm.removeItem(at: url)
            _ = symlink(url.path, url.path)
        case .symlinkToFolder:
            try fm.removeItem(at: url)
            _ = symlink(url.deletingLastPathComponent().path, url.path)
        case .missing:
            try fm.removeItem(at: url)
        }
    }

    /// Loads `folder` on another thread; nil when it did not finish within the limit (a hang).
    static func loadWithin(_ seconds: Double, _ folder: URL) -> CatalogueLoadReport? {
        final class Box: @unchecked Sendable { var report: CatalogueLoadReport? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.report = CatalogueLoader.load(folder: folder)
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.report : nil
    }

    @Test func everyMutatedCatalogueLoadsOrNamesTheDamagedFileWithBoundedOutput() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SplitMix64(seed: Self.seed &+ 1)
        var outcomes: [String: Int] = [:]
        for fuzzCase in Self.cases() {
            let folder = root.appendingPathComponent("\(fuzzCase.number)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: FixturePaths.valid, to: folder)
            try Self.apply(fuzzCase.mutation, to: folder.appendingPathComponent(fuzzCase.file), random: &random)
            guard let report = Self.loadWithin(20, folder) else {
                Issue.record("\(fuzzCase): the loader did not finish")
                return
            }
            let errors = report.errors
            #expect((report.loaded == nil) == !errors.isEmpty, "\(fuzzCase)")
            let known = Set(Self.files + ["standards/"])
            for diagnostic in report.diagnostics {
                #expect(known.contains(diagnostic.location.file) || diagnostic.location.file.hasPrefix("standards/"),
                        "\(fuzzCase): \(diagnostic)")
            }
            if !errors.isEmpty {
                // The damaged file is where an error stands, or what it names ("no such id in standards/").
                let folder = fuzzCase.file.hasPrefix("standards/") ? "standards/" : fuzzCase.file
                let named = errors.contains { $0.location.file.hasPrefix(folder) || $0.message.contains(folder) }
                #expect(named, "\(fuzzCase): no error names the file: \(errors.prefix(3).map(\.description))")
            }
            let output = report.diagnostics.reduce(0) { $0 + $1.description.utf8.count }
            #expect(report.diagnostics.count <= 1000 && output <= 256 * 1024, "\(fuzzCase): \(report.diagnostics.count) diagnostics, \(output) bytes")
            outcomes[errors.isEmpty ? "loaded" : "errors", default: 0] += 1
            try? FileManager.default.removeItem(at: folder)
        }
        // Most mutations must break something; a few (a flipped bit in free text) may not.
        #expect((outcomes["errors"] ?? 0) > Self.caseCount / 2)
    }
}
