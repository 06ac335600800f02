import Foundation
import ZIPFoundation

/// One way the fuzzers damage a fixture: any file (bit flips, truncation, an empty file, garbage,
/// a 1 MiB insert, the wrong reader), a text file (ragged rows, stray quotes, wrong encodings,
/// invalid bytes, bare CRs) or a zip (one XML part flipped, cut short, with garbage, left out,
/// nested 5000 deep, with a 1.2 MB string, or with out-of-range indexes).
public enum FixtureMutation: String, CaseIterable, Sendable {
    // Any file.
    case bitFlip, truncate, emptyFile, garbage, hugeInsert, wrongReader
    // Text files.
    case raggedRows, strayQuote, utf16MarkOnOtherText, utf16WithoutMark, invalidBytes, bareCarriageReturns
    // Zip files.
    case xmlBitFlip, xmlTruncate, xmlGarbage, dropPart, deepNesting, hugeString, badIndex

    /// Whether a file of this name is a zip (.xlsx, .docx).
    public static func isZip(_ name: String) -> Bool { name.hasSuffix(".xlsx") || name.hasSuffix(".docx") }

    /// The mutations that fit a file of this name.
    public static func suitable(for name: String) -> [FixtureMutation] {
        allCases.filter { mutation in
            switch mutation {
            case .raggedRows, .strayQuote, .utf16MarkOnOtherText, .utf16WithoutMark, .invalidBytes, .bareCarriageReturns: !isZip(name)
            case .xmlBitFlip, .xmlTruncate, .xmlGarbage, .dropPart, .deepNesting, .hugeString, .badIndex: isZip(name)
            default: true
            }
        }
    }

    /// `bytes` damaged this way (`wrongReader` leaves them as they are: the caller reads them wrongly).
    public func damage(_ bytes: [UInt8], random: inout SeededRandom) throws -> [UInt8] {
        var bytes = bytes
        switch self {
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
            bytes = try damageZip(bytes, random: &random)
        }
        return bytes
    }

    /// Rewrites a zip with one part damaged (or left out).
    func damageZip(_ bytes: [UInt8], random: inout SeededRandom) throws -> [UInt8] {
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
        switch self {
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
        if self != .dropPart { parts[target].1 = Data(part) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }
}
