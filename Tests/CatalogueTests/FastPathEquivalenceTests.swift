import ChineseText
import Foundation
import Testing
@testable import Catalogue

/// The loader's shortcuts for large catalogues (issue 15) must decide exactly as the slower code
/// they skip: these tests hold each one to the original algorithm on awkward and random inputs.
@Suite struct FastPathEquivalenceTests {
    /// Pieces that stress line ends, spaces, combining marks, wide spaces and header syntax.
    static let pieces = ["-", "---", "\n", "\r", "\r\n", " ", "\t", ":", "a", "id", "#", "\u{301}", "\u{3000}", "中",
                         "\u{85}", "\u{A0}", "\u{202E}", "\u{FEFF}", "\u{1B}", "\0", "—", "·", "，", "\u{1C}", "\u{B}",
                         "“", "”", "…", "\u{200B}", "\u{200F}", "\u{2010}", "\u{2027}", "\u{2028}", "\u{202F}",
                         "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{9F}", "\u{FEFE}", "\u{FF0C}", "\u{7F}"]

    /// A deterministic generator (SplitMix64), so a failure can be reproduced.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func text(length: Int, from pieces: [String]) -> String {
            (0..<length).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    /// The front-matter reader before issue 15: every line split as Characters, the body joined again.
    static func originalFrontMatter(_ source: String) -> Result<(entries: [String: FrontMatter.Entry], bodyStartLine: Int, body: String), FrontMatter.Failure> {
        let text = source.utf8.contains(13) ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters() == "---" }) == true else {
            return .failure(FrontMatter.Failure(message: "the file must start with a '---' line opening its metadata header", line: 1))
        }
        guard lines.dropFirst().contains(where: { $0.trimmingCharacters() == "---" }) else {
            return .failure(FrontMatter.Failure(message: "the metadata header opened on line 1 is never closed with a '---' line", line: 1))
        }
        var entries: [String: FrontMatter.Entry] = [:]
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters()
            if trimmed == "---" {
                return .success((entries, index + 2, lines[(index + 1)...].joined(separator: "\n")))
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { index += 1; continue }
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(FrontMatter.Failure(message: "header line \"\(trimmed)\" is not of the form 'key: value'", line: index + 1))
            }
            let key = line[..<colon].trimmingCharacters()
            let value = line[line.index(after: colon)...].trimmingCharacters()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                return .failure(FrontMatter.Failure(message: "header key \"\(key)\" must be a plain word such as 'title'", line: index + 1))
            }
            if entries[key] != nil {
                return .failure(FrontMatter.Failure(message: "header key \"\(key)\" appears twice", line: index + 1))
            }
            entries[key] = FrontMatter.Entry(value: value, line: index + 1)
            index += 1
        }
        return .failure(FrontMatter.Failure(message: "the metadata header opened on line 1 is never closed with a '---' line", line: lines.count))
    }

    static func describe(_ result: Result<(entries: [String: FrontMatter.Entry], bodyStartLine: Int, body: String), FrontMatter.Failure>) -> String {
        switch result {
        case .failure(let failure): return "failure \(failure.line): \(failure.message)"
        case .success(let header):
            let entries = header.entries.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)@\($0.value.line)" }
            return "header \(entries) body@\(header.bodyStartLine) \(header.body.debugDescription)"
        }
    }

    static func describeNew(_ source: String) -> String {
        do {
            let header = try FrontMatter.parse(source)
            return describe(.success((header.entries, header.bodyStartLine, header.body)))
        } catch {
            return describe(.failure(error))
        }
    }

    @Test func theFrontMatterReaderAgreesWithTheLineSplittingOneOnAwkwardHeaders() {
        let cases = [
            "", "---", "---\n", "---\n---", "---\n---\n", "---\n---\nbody\n", "---\r\nid: S1\r\n---\r\nbody\r\n",
            "---\nid: S1\n \t--- \nbody", "---\nid: S1\n---\u{301}\nbody", "--- \n\u{3000}---\u{3000}\nrest",
            "---\nid: S1\r\r\n---\nbody", "---\nid: S1\n---\r\r\nbody", "---\r---\nx", "---\n# note\n\nkey: value\n---\n\n",
            "---\nno colon\n---\n", "---\nid: a\nid: b\n---\n", "---\nbad key: v\n---\n", "---\nid: S1\n\u{85}---\nbody",
            "---\nid: S1\n", "x\n---\n---\n", "---\nid: S1\n-\n--\n----\n---\nbody\n---\nmore",
        ]
        for text in cases {
            #expect(Self.describeNew(text) == Self.describe(Self.originalFrontMatter(text)), "\(text.debugDescription)")
        }
    }

    @Test func theFrontMatterReaderAgreesWithTheLineSplittingOneOnRandomTexts() {
        var generator = Generator(state: 15)
        for _ in 0..<3000 {
            let text = "---\n" + generator.text(length: Int(generator.next() % 40), from: Self.pieces)
            #expect(Self.describeNew(text) == Self.describe(Self.originalFrontMatter(text)), "\(text.debugDescription)")
        }
    }

    @Test func blankTextIsDecidedAsTrimmingWouldDecideIt() {
        var generator = Generator(state: 16)
        var texts = ["", " ", "\u{3000}", "\u{3000}中", " \u{301}", "\u{A0}", "a", "中", "\u{85}", "\u{1C}", "\t\n", "\u{2028}"]
        for _ in 0..<3000 { texts.append(generator.text(length: Int(generator.next() % 6), from: Self.pieces)) }
        for text in texts {
            #expect(text.isBlank == text.trimmingSpaces.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func textIsPlainExactlyWhenTheScalarWalkFindsNoUnsafeScalar() {
        var generator = Generator(state: 17)
        var texts = ["", "福田街道", "a\u{202E}b", "\u{FEFF}", "，。", "\u{80}", "\u{9F}", "\u{7F}", "\u{200B}", "\u{2066}", "é", "\0"]
        for _ in 0..<5000 { texts.append(generator.text(length: Int(generator.next() % 8), from: Self.pieces)) }
        for text in texts {
            // Plain exactly when the scalar walk finds nothing (NUL and the other C0 controls are unsafe too).
            #expect(Sanitiser.isPlain(text) == !text.unicodeScalars.contains(where: Sanitiser.isUnsafe), "\(text.debugDescription)")
            #expect(Sanitiser.isPlain(text, allowingLineFeeds: true) == !text.unicodeScalars.contains { $0 != "\n" && Sanitiser.isUnsafe($0) },
                    "\(text.debugDescription)")
            #expect(Sanitiser.firstUnsafe(in: text)?.offset == text.unicodeScalars.firstIndex(where: Sanitiser.isUnsafe)
                .map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) }, "\(text.debugDescription)")
        }
    }

    @Test func validatingWithoutKeepingPointsReportsWhatLoadingReports() throws {
        let broken = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.broken.path).sorted()
        for name in broken {
            let folder = try FixturePaths.brokenCopy(name)
            defer { try? FileManager.default.removeItem(at: folder) }
            let loaded = CatalogueLoader.load(folder: folder)
            let validated = CatalogueLoader.validate(folder: folder)
            #expect(validated.diagnostics.map(\.description) == loaded.diagnostics.map(\.description), "\(name)")
            #expect((validated.counts == nil) == (loaded.loaded == nil), "\(name)")
        }
        for folder in [FixturePaths.valid, FixturePaths.embedded] {
            let loaded = CatalogueLoader.load(folder: folder)
            let validated = CatalogueLoader.validate(folder: folder)
            let catalogue = try #require(loaded.loaded?.catalogue)
            #expect(validated.diagnostics.map(\.description) == loaded.diagnostics.map(\.description))
            #expect(validated.counts == CatalogueMetadata.Counts(domains: catalogue.domains.count, items: catalogue.items.count,
                                                                  futianItems: catalogue.items.filter(\.isFutianSpecific).count,
                                                                  points: catalogue.points.count, standards: catalogue.standards.count))
        }
    }
}
