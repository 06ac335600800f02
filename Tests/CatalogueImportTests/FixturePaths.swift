import Foundation
@testable import CatalogueImport

/// Where the readers' fixtures are, and small ways of reading them in tests.
enum FixturePaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A fresh scratch folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension TableSource {
    /// Every row of the named sheets (all when nil).
    func allRows(sheets: [String]? = nil) throws(ImportProblem) -> [SourceRow] {
        var rows: [SourceRow] = []
        try forEachRow(sheets: sheets) { row throws(ImportProblem) in rows.append(row) }
        return rows
    }
}
