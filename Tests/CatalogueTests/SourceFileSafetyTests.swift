import Foundation
import Testing
@testable import Catalogue

/// Source files that are not plain readable files, and text that must survive storage.
@Suite struct SourceFileSafetyTests {
    func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-safety-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FixturePaths.valid, to: folder)
        return folder
    }

    func errors(_ folder: URL) -> [String] {
        CatalogueLoader.load(folder: folder).errors.map(\.description)
    }

    @Test func aFIFOInPlaceOfASourceFileIsRefusedWithoutWaiting() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("domains.json").path
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        #expect(errors(folder) == ["domains.json: error: this is a named pipe (FIFO), not a regular file; replace it with the file itself"])
    }

    @Test func aFolderInPlaceOfASourceFileIsNamedAsAFolder() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("items.json")
        try FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false)
        #expect(errors(folder) == ["items.json: error: this is a folder, not a regular file; replace it with the file itself"])
    }

    @Test func aFileThatCannotBeOpenedIsReportedAsUnreadableNotMissing() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("landmarks.json").path
        try FileManager.default.removeItem(atPath: path)
        // A link to itself: it exists, but opening it fails (ELOOP), as a permission error would.
        #expect(symlink(path, path) == 0)
        #expect(errors(folder) == ["landmarks.json: error: the file cannot be read (Too many levels of symbolic links); check its permissions"])
    }

    @Test func aSymbolicLinkToARegularFileIsRead() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("landmarks.json").path
        try FileManager.default.moveItem(atPath: path, toPath: path + ".real")
        #expect(symlink(path + ".real", path) == 0)
        #expect(errors(folder) == [])
    }

    @Test func aStandardsEntryThatIsNotAFolderIsAnError() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let standards = folder.appendingPathComponent("standards")
        try FileManager.default.removeItem(at: standards)
        try Data("x".utf8).write(to: standards)
        #expect(CatalogueLoader.load(folder: folder).errors.first?.description
            == "standards/: error: standards is a regular file, not a folder; a catalogue needs a folder standards/ of *.md files")
    }

    @Test func aStandardWithCRLFLineEndsIsAccepted() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("standards/S0001.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: path)
        let report = CatalogueLoader.load(folder: folder)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.loaded?.catalogue.standard("S0001")?.issued == "2022-01-01")
        #expect(report.loaded?.bodies["S0001"]?.contains("\r") == false)
    }

    @Test func aNULInTextIsKeptAsItsInertEscapeInsteadOfCuttingTheText() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("items.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"name\": \"家庭医生签约服务\"", with: "\"name\": \"A\\u0000B\"").utf8).write(to: path)
        let report = CatalogueLoader.load(folder: folder)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.description) == ["items.json:2:63 ($[0].name): warning: \"name\" of item \"D4-01\" contains the control or bidi character U+0000 at character 2; it is shown as inert text — remove it from the source"])
        #expect(report.loaded?.catalogue.item("D4-01")?.name == "A\\u{0}B")
    }

    @Test func aFileWithThousandsOfProblemsListsAHundredAndSaysHowManyMore() throws {
        let folder = try copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("items.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        let many = (0..<5000).map { "\"S\($0)\"" }.joined(separator: ", ")
        try Data(text.replacingOccurrences(of: "\"standards\": [\"S0001\"]", with: "\"standards\": [\(many)]").utf8).write(to: path)
        let items = CatalogueLoader.load(folder: folder).diagnostics.filter { $0.location.file == "items.json" }
        #expect(items.count == 101)
        #expect(items.last?.message == "4900 more problems in items.json are not listed; fix the ones above first")
    }

    @Test func calendarDatesAreCheckedDayByDay() {
        #expect(SemanticChecks.isCalendarDate("2024-02-29"))
        #expect(!SemanticChecks.isCalendarDate("2023-02-29"))
        #expect(!SemanticChecks.isCalendarDate("2022-13-45"))
        #expect(!SemanticChecks.isCalendarDate("2022-04-31"))
        #expect(SemanticChecks.isCalendarDate("2000-02-29"))
        #expect(!SemanticChecks.isCalendarDate("1900-02-29"))
    }
}
