import Foundation
import Testing
@testable import CatalogueStore

/// Compiled catalogues whose sources are gone, or that nobody used for 30 days, are removed when
/// another catalogue is compiled.
@Suite struct CachePruningTests {
    /// A second copy of the sandbox's catalogue beside it, compiled into the same cache.
    private func secondCopy(_ box: Sandbox, named name: String) throws -> URL {
        let copy = box.folder.deletingLastPathComponent().appendingPathComponent(name)
        try FileManager.default.copyItem(at: box.folder, to: copy)
        return copy
    }

    /// The databases in the cache; each must have its start-up file beside it and nothing else
    /// may be there (a pruned catalogue's start-up file goes with it).
    private func cached(_ box: Sandbox) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: box.cache.directory.path).sorted()
        let databases = names.filter { $0.hasSuffix(".sqlite") }
        #expect(names.filter { !$0.hasSuffix(".sqlite") } == databases.map { $0.dropLast(".sqlite".count) + ".image" })
        return databases
    }

    private func age(_ url: URL, days: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -days * 24 * 3600)],
                                              ofItemAtPath: url.path)
    }

    @Test func aCatalogueWhoseFolderIsGoneIsRemovedWhenAnotherIsCompiled() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let moved = try secondCopy(box, named: "moved")
        _ = try box.cache.open(folder: moved)
        let movedDatabase = box.cache.databaseURL(for: moved)
        #expect(FileManager.default.fileExists(atPath: movedDatabase.path))
        try FileManager.default.removeItem(at: moved)
        _ = try box.cache.open(folder: box.folder)
        #expect(try cached(box) == [box.cache.databaseURL(for: box.folder).lastPathComponent])
    }

    @Test func aCatalogueUnusedForThirtyDaysIsRemovedAndOneUsedYesterdayIsKept() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let old = try secondCopy(box, named: "old")
        let recent = try secondCopy(box, named: "recent")
        _ = try box.cache.open(folder: old)
        _ = try box.cache.open(folder: recent)
        try age(box.cache.databaseURL(for: old), days: 31)
        try age(box.cache.databaseURL(for: recent), days: 29)
        _ = try box.cache.open(folder: box.folder)
        #expect(try cached(box) == [box.cache.databaseURL(for: box.folder), box.cache.databaseURL(for: recent)]
            .map(\.lastPathComponent).sorted())
    }

    @Test func openingACachedCatalogueMarksItUsedSoItIsNotPruned() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        let daily = try secondCopy(box, named: "daily")
        _ = try box.cache.open(folder: daily)
        let database = box.cache.databaseURL(for: daily)
        try age(database, days: 40)
        #expect(try box.cache.open(folder: daily).status.word == "cached")
        let modified = try #require(CatalogueCache.modificationTime(database.path))
        #expect(Date().timeIntervalSince1970 - modified < 3600)
        _ = try box.cache.open(folder: box.folder)
        #expect(FileManager.default.fileExists(atPath: database.path))
    }

    @Test func aRecentlyOpenedCatalogueIsNotTouchedAgain() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        _ = try box.cache.open(folder: box.folder)
        let database = box.cache.databaseURL(for: box.folder)
        try age(database, days: 0.5)
        let before = try #require(CatalogueCache.modificationTime(database.path))
        #expect(try box.cache.open(folder: box.folder).status.word == "cached")
        #expect(CatalogueCache.modificationTime(database.path) == before)
    }

    @Test func filesOtherThanCompiledCataloguesAreLeftAlone() throws {
        let box = try Sandbox()
        defer { box.cleanUp() }
        try FileManager.default.createDirectory(at: box.cache.directory, withIntermediateDirectories: true)
        let notes = box.cache.directory.appendingPathComponent("notes.txt")
        let hidden = box.cache.directory.appendingPathComponent(".futian-0.sqlite")
        for file in [notes, hidden] { try Data("x".utf8).write(to: file) }
        try age(notes, days: 400)
        try age(hidden, days: 400)
        #expect(box.cache.prune() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.cache.directory.path).sorted()
            == [hidden.lastPathComponent, notes.lastPathComponent].sorted())
    }
}
