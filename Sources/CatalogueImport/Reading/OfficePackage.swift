import Foundation
import ZIPFoundation

/// An Office Open XML file (.xlsx, .docx) opened as the zip archive it is, with its parts read
/// by path and its relationships resolved; every failure is an ImportProblem naming the file.
final class OfficePackage {
    /// The largest part read, in bytes, so that a zip bomb cannot exhaust memory.
    static let maximumPartByteCount = 512 << 20

    let path: String
    private let archive: Archive

    /// Opens `path`, telling a missing file, an old binary Office file and a damaged zip apart.
    /// `kind` names the expected file for messages, e.g. `an .xlsx workbook`.
    init(path: String, kind: String) throws(ImportProblem) {
        self.path = path
        let prefix: [UInt8]
        do {
            prefix = try DecodedTextStream.prefix(of: path, maximum: 8)
        } catch {
            throw DelimitedTextSource.problem(error, path: path, line: nil)
        }
        if prefix.isEmpty { throw ImportProblem(file: path, reason: "the file is empty; it is not \(kind)") }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportProblem(file: path, reason: "this is an old binary Office file (.xls or .doc); open it and save it as \(kind)")
        }
        if !prefix.starts(with: [0x50, 0x4B]) {
            throw ImportProblem(file: path, reason: "this is not \(kind): it is not a zip archive")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportProblem(file: path, reason: "the zip archive is cut off or damaged (\(error)); save \(kind) again")
        }
    }

    /// How many bytes the part at `partPath` takes in the archive (compressed); 0 for none.
    func storedByteCount(of partPath: String) -> Int64 {
        archive[partPath].map { Int64(clamping: $0.compressedSize) } ?? 0
    }

    /// Whether the archive has a part at `partPath`.
    func contains(_ partPath: String) -> Bool { archive[partPath] != nil }

    /// Parts that unpack to more than this go to a temporary file (`spool`), not memory.
    static let inMemoryPartByteCount = 8 << 20

    /// How many bytes the part at `partPath` says it unpacks to; 0 for none.
    func unpackedByteCount(of partPath: String) -> Int64 {
        archive[partPath].map { Int64(clamping: $0.uncompressedSize) } ?? 0
    }

    /// The bytes of the part at `partPath` (no leading slash).
    func part(_ partPath: String, sheet: String? = nil) throws(ImportProblem) -> Data {
        var data = Data()
        try unpack(partPath, sheet: sheet) { chunk in data.append(chunk) }
        return data
    }

    /// A part unpacked into a temporary file, and the line of its first byte that is not UTF-8.
    struct SpooledPart {
        let url: URL
        let invalidUTF8Line: Int?
        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Unpacks the part at `partPath` into a temporary file a chunk at a time, checking on the
    /// way that it is UTF-8 (as `XMLEventReader.read` checks a part in memory), so that a large
    /// sheet is never held whole. The caller removes the file.
    func spool(_ partPath: String, sheet: String? = nil) throws(ImportProblem) -> SpooledPart {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-part-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw ImportProblem(file: path, sheet: sheet, reason: "cannot write a temporary file in \(url.deletingLastPathComponent().path) to unpack \(partPath); free some space or set TMPDIR")
        }
        var carry: [UInt8] = []
        var newlines = 0
        var invalidLine: Int?
        /// Checks `bytes` (whole characters), counting lines, and notes the first bad byte's line.
        func check(_ bytes: ArraySlice<UInt8>) {
            if String(validating: bytes, as: UTF8.self) == nil {
                let offset = DelimitedRecordParser.firstInvalidUTF8Offset(Array(bytes)) ?? 0
                invalidLine = 1 + newlines + bytes.prefix(offset).lazy.filter { $0 == 0x0A }.count
            } else {
                newlines += bytes.lazy.filter { $0 == 0x0A }.count
            }
        }
        do throws(ImportProblem) {
            defer { try? handle.close() }
            try unpack(partPath, sheet: sheet) { chunk in
                do { try handle.write(contentsOf: chunk) } catch { throw SpoolFailed(error: error) }
                guard invalidLine == nil else { return }
                let piece = carry + [UInt8](chunk)
                // The last character may continue in the next chunk: keep it back.
                var cut = piece.count
                var back = 0
                while cut > 0, back < 3, piece[cut - 1] & 0xC0 == 0x80 { cut -= 1; back += 1 }
                if cut > 0, piece[cut - 1] >= 0xC0 { cut -= 1 } else if back > 0 { cut += back }
                carry = Array(piece[cut...])
                check(piece[..<cut])
            }
            if invalidLine == nil, !carry.isEmpty { check(carry[...]) }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return SpooledPart(url: url, invalidUTF8Line: invalidLine)
    }

    private struct SpoolFailed: Error { var error: any Error }

    /// Unpacks the part at `partPath`, handing each chunk to `consume`; refuses a part over
    /// `maximumPartByteCount`. A `SpoolFailed` error of `consume` is rethrown as it is.
    private func unpack(_ partPath: String, sheet: String?, _ consume: (Data) throws -> Void) throws(ImportProblem) {
        guard let entry = archive[partPath] else {
            throw ImportProblem(file: path, sheet: sheet, reason: "the archive has no \(partPath); it is damaged or not a real Office file")
        }
        guard entry.type == .file else {
            throw ImportProblem(file: path, sheet: sheet, reason: "\(partPath) in the archive is not a file")
        }
        var count = 0
        let limit = Self.maximumPartByteCount
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                count += chunk.count
                if count > limit { throw PartTooLarge() }
                try consume(chunk)
            }
        } catch is PartTooLarge {
            throw ImportProblem(file: path, sheet: sheet, reason: "\(partPath) unpacks to more than \(limit >> 20) MiB; it is too large to import")
        } catch let failure as SpoolFailed {
            throw ImportProblem(file: path, sheet: sheet, reason: "cannot write a temporary file to unpack \(partPath) (\(failure.error)); free some space or set TMPDIR")
        } catch {
            throw ImportProblem(file: path, sheet: sheet, reason: "\(partPath) in the archive is damaged (\(error)); the file may be cut off")
        }
    }

    private struct PartTooLarge: Error {}

    /// The relationships of the part at `partPath`: id to (type, resolved target path).
    func relationships(of partPath: String) throws(ImportProblem) -> [String: (type: String, target: String)] {
        let folder = partPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = partPath.split(separator: "/").last.map(String.init) ?? partPath
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard contains(relsPath) else { return [:] }
        let data = try part(relsPath)
        var result: [String: (type: String, target: String)] = [:]
        try XMLEventReader.read(data, malformed: malformed(relsPath)) { element, attributes throws(ImportProblem) in
            guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External" else { return }
            result[id] = (attributes["Type"] ?? "", Self.resolve(target, from: folder))
        }
        return result
    }

    /// The first relationship target of `partPath` whose type ends in `/typeSuffix`.
    func target(of partPath: String, typeSuffix: String) throws(ImportProblem) -> String? {
        try relationships(of: partPath).values.filter { $0.type.hasSuffix("/" + typeSuffix) }.map(\.target).sorted().first
    }

    /// A relationship target resolved against the folder of its source part.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// How broken XML in `partPath` is reported.
    func malformed(_ partPath: String, sheet: String? = nil) -> (String, Int) -> ImportProblem {
        let path = self.path
        return { message, line in
            ImportProblem(file: path, sheet: sheet, reason: "\(partPath) is not well-formed XML (\(message) at line \(line) of that part); the file is damaged")
        }
    }
}
