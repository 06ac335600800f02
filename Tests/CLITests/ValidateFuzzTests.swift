import Foundation
import Testing

/// A few fuzz cases through the real binary (the in-process fuzzer in CatalogueTests runs
/// hundreds): `validate` must end by itself with 0, 65 or 66, name the damaged file, and keep
/// its output bounded.
@Suite struct ValidateFuzzTests {
    let fuwu = FuwuProcess()

    static let damages: [(file: String, damage: String)] = [
        ("points.geojson", "fifo"), ("items.json", "folder"), ("domains.json", "bom"), ("landmarks.json", "truncated"),
        ("catalogue.json", "deep"), ("subdistricts.json", "loop"), ("standards/S0001.md", "fifo"), ("boundary.geojson", "utf16"),
    ]

    @Test(arguments: Self.damages.indices)
    func validateEndsAndNamesTheDamagedFile(index: Int) throws {
        defer { fuwu.cleanUp() }
        let (file, damage) = Self.damages[index]
        let folder = try FuwuProcess.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(file)
        let bytes = try Data(contentsOf: url)
        switch damage {
        case "fifo": try FileManager.default.removeItem(at: url); #expect(mkfifo(url.path, 0o644) == 0)
        case "folder": try FileManager.default.removeItem(at: url); try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        case "bom": try (Data([0xEF, 0xBB, 0xBF]) + bytes).write(to: url)
        case "truncated": try bytes.prefix(bytes.count / 2).write(to: url)
        case "deep": try Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8).write(to: url)
        case "loop": try FileManager.default.removeItem(at: url); #expect(symlink(url.path, url.path) == 0)
        default: try Data(String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: url)
        }
        let result = try fuwu.run(["validate", folder.path, "--lang", "en"], timeoutSeconds: 60)
        #expect([0, 65, 66].contains(result.status), "\(file) \(damage): status \(result.status)")
        #expect(result.stderr.contains(file), "\(file) \(damage): \(result.stderr)")
        #expect(result.stderr.utf8.count < 16 * 1024)
    }
}
