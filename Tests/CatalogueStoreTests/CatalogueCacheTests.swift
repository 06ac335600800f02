import Catalogue
import Foundation
import Testing
@testable import CatalogueStore

/// A private copy of the valid fixture catalogue and an empty cache folder.
struct Sandbox {
    let folder: URL
    let cache: CatalogueCache

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-store-\(UUID().uuidString)")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CatalogueTests/Fixtures/valid")
        folder = root.appendingPathComponent("catalogue")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: folder)
        cache = CatalogueCache(directory: root.appendingPathComponent("cache"))
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try change(text).write(to: url, atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
}

extension OpenedCatalogue.Status {
    var word: String {
        switch self {
        case .cached: return "cached"
        case .compiled: return "compiled"
        case .stale: return "stale"
        }
    }
}

@Suite struct CatalogueCacheTests {
    @Test func theFirstOpenCompilesAndTheSecondUsesTheCache() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        #expect(try box.cache.open(folder: box.folder).status.word == "compiled")
        #expect(try box.cache.open(folder: box.folder).status.word == "cached")
    }

    @Test func theCompiledCatalogueReadsBackExactlyWhatWasLoaded() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let loaded = try #require(CatalogueLoader.load(folder: box.folder).loaded)
        let opened = try box.cache.open(folder: box.folder)
        let a = loaded.catalogue, b = opened.catalogue
        #expect(a.metadata == b.metadata)
        #expect(a.sources == b.sources)
        #expect(a.pointTypes == b.pointTypes)
        #expect(a.domains == b.domains)
        #expect(a.items == b.items)
        #expect(a.points == b.points)
        #expect(a.standards == b.standards)
        #expect(a.subdistricts == b.subdistricts)
        #expect(a.landmarks == b.landmarks)
        #expect(a.boundary == b.boundary)
        #expect(!b.boundary.polygons.isEmpty)
        #expect(a.subdistrictBoundaries == b.subdistrictBoundaries)
        #expect(b.subdistrictBoundaries.map(\.code) == ["440304004"])
        #expect(try opened.database.body(ofStandard: "S0001") == loaded.bodies["S0001"])
        #expect(throws: StoreError.self) { try opened.database.body(ofStandard: "S9999") }
    }

    @Test func touchingAFileWithoutChangingItDoesNotRecompile() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        try box.edit("domains.json") { $0 }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: box.folder.appendingPathComponent("domains.json").path)
        #expect(try box.cache.open(folder: box.folder).status.word == "cached")
    }

    @Test func changedSourcesAreRecompiled() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        try box.edit("domains.json") { $0.replacingOccurrences(of: "看病就医。", with: "看病就医，方便快捷。") }
        let opened = try box.cache.open(folder: box.folder)
        #expect(opened.status.word == "compiled")
        #expect(opened.catalogue.domain("D4")?.summary == "看病就医，方便快捷。")
    }

    @Test func aFileEditedInPlaceIsRecompiled() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        // Same size, same inode, same folder: only the file's own modification time tells.
        let path = box.folder.appendingPathComponent("domains.json").path
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let text = try #require(String(data: handle.readDataToEndOfFile(), encoding: .utf8))
        let edited = text.replacingOccurrences(of: "看病就医。", with: "看病求医。")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try handle.seek(toOffset: 0)
        handle.write(Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: path)
        let opened = try box.cache.open(folder: box.folder)
        #expect(opened.status.word == "compiled")
        #expect(opened.catalogue.domain("D4")?.summary == "看病求医。")
    }

    @Test func aDamagedStartUpFileIsRecompiledNotTrusted() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let first = try box.cache.open(folder: box.folder)
        let image = CatalogueCache.imagePath(for: box.cache.databaseURL(for: box.folder))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: image))
        // The header and the catalogue are read at every start: damage there means a recompile.
        for offset in [20, 200] {
            var damaged = bytes
            damaged[offset] ^= 0x5A
            try damaged.write(to: URL(fileURLWithPath: image))
            let opened = try box.cache.open(folder: box.folder)
            #expect(opened.status.word == "compiled", "byte \(offset)")
            #expect(opened.catalogue.items == first.catalogue.items)
        }
        // The search sections are read on demand: damage there is found after start-up, so the
        // compiled catalogue is removed and `damaged` thrown (the CLI then rebuilds and reruns).
        bytes = try Data(contentsOf: URL(fileURLWithPath: image))
        for offset in [bytes.count / 2, bytes.count - 20] {
            var damaged = bytes
            damaged[offset] ^= 0x5A
            try damaged.write(to: URL(fileURLWithPath: image))
            let opened = try box.cache.open(folder: box.folder)
            #expect(opened.status.word == "cached", "byte \(offset)")
            #expect(throws: StoreError.self, "byte \(offset)") {
                _ = try opened.searchIndex()
                _ = try opened.placeNames()
            }
            #expect(!FileManager.default.fileExists(atPath: image), "byte \(offset)")
            let rebuilt = try box.cache.open(folder: box.folder)
            #expect(rebuilt.status.word == "compiled", "byte \(offset)")
            #expect(try rebuilt.searchIndex().search("d", limit: 5) == first.searchIndex().search("d", limit: 5))
            #expect(try rebuilt.placeNames().keys == first.placeNames().keys)
        }
        bytes = try Data(contentsOf: URL(fileURLWithPath: image))
        try bytes.prefix(1000).write(to: URL(fileURLWithPath: image))
        #expect(try box.cache.open(folder: box.folder).status.word == "compiled")
        #expect(try box.cache.open(folder: box.folder).status.word == "cached")
    }

    @Test func brokenSourcesKeepThePreviousCompiledCatalogueWorking() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        let path = box.cache.databaseURL(for: box.folder).path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try box.edit("items.json") { $0.replacingOccurrences(of: "\"futian\": true", with: "\"futian\": \"yes\"") }
        let opened = try box.cache.open(folder: box.folder)
        guard case .stale(let diagnostics, _) = opened.status else {
            Issue.record("expected the stale catalogue, got \(opened.status.word)")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "items.json:7:14 ($[1].futian): error: \"futian\" of item \"D9-01\" must be true or false, not a string",
        ])
        #expect(opened.catalogue.items.count == 2)
        let outcome = try box.cache.build(folder: box.folder)
        #expect(!outcome.wrote)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func brokenSourcesWithNoEarlierCompilationAreRefused() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        try box.edit("items.json") { $0.replacingOccurrences(of: "\"futian\": true", with: "\"futian\": \"yes\"") }
        #expect {
            try box.cache.open(folder: box.folder)
        } throws: { error in
            guard case StoreError.invalidSources(_, let diagnostics) = error else { return false }
            return diagnostics.count == 1
        }
        #expect(!FileManager.default.fileExists(atPath: box.cache.databaseURL(for: box.folder).path))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: box.cache.directory.path)) ?? []
        #expect(leftovers == [])
    }

    @Test func aFolderThatIsNotACatalogueIsReportedAsMissing() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        #expect {
            try box.cache.open(folder: box.folder.appendingPathComponent("nowhere"))
        } throws: { error in
            guard case StoreError.missingCatalogue = error else { return false }
            return true
        }
    }
}
