import Foundation

/// Paths of the test fixtures and the embedded catalogue, found from this file's location.
enum FixturePaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let valid = fixtures.appendingPathComponent("valid")
    static let broken = fixtures.appendingPathComponent("broken")
    static let embedded = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/futian")

    /// A fresh copy of the valid fixture with a broken case's files laid over it (and the files
    /// its REMOVE list names deleted).
    static func brokenCopy(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-fixture-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: valid, to: target)
        let overlay = broken.appendingPathComponent(name)
        let enumerator = FileManager.default.enumerator(atPath: overlay.path)
        while let relative = enumerator?.nextObject() as? String {
            let source = overlay.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative == "expected.txt" { continue }
            let destination = target.appendingPathComponent(relative)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: source, to: destination)
        }
        let remove = target.appendingPathComponent("REMOVE")
        if let list = try? String(contentsOf: remove, encoding: .utf8) {
            for name in list.split(separator: "\n") { try FileManager.default.removeItem(at: target.appendingPathComponent(String(name))) }
            try FileManager.default.removeItem(at: remove)
        }
        return target
    }

    static func brokenCases() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: broken.path)) ?? []).sorted()
    }
}
