import Catalogue
import Foundation
import Geodesy
import GRDB
import Testing
@testable import UserState

@Suite struct UserStateDatabaseTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-state-\(UUID().uuidString)")

    func opened() -> UserStateOpening { UserStateOpening.open(directory: folder, environment: [:]) }

    @Test func aFreshStateIsCreatedInWALModeWithEveryTableMigrated() throws {
        let opening = opened()
        #expect(opening.warnings.isEmpty)
        let database = try #require(opening.store as? UserStateDatabase)
        let mode = try database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let applied = try database.pool.read { db in try UserStateDatabase.migrator.appliedIdentifiers(db) }
        #expect(applied == ["v1"])
        #expect(opening.path == folder.appendingPathComponent("state.sqlite").path)
    }

    @Test func savedPlacesAreKeptAcrossOpeningsAndReplacedByName() throws {
        let home = SavedPlace(name: "家", location: GeoCoordinate(latitude: 22.54, longitude: 114.05), datumRead: .gcj02,
                              coordinateRead: GeoCoordinate(latitude: 22.537, longitude: 114.055), savedFrom: "22.537,114.055")
        try opened().store.save(home)
        var moved = home
        moved.location = GeoCoordinate(latitude: 22.55, longitude: 114.06)
        try opened().store.save(SavedPlace(name: "公司", location: GeoCoordinate(latitude: 22.53, longitude: 114.04), savedFrom: "x"))
        try opened().store.save(moved)
        let places = opened().store.savedPlaces()
        #expect(places.map(\.name) == ["公司", "家"])
        #expect(places[1] == moved)
        #expect(try opened().store.removePlace(named: "家"))
        #expect(try !opened().store.removePlace(named: "家"))
        #expect(opened().store.savedPlaces().map(\.name) == ["公司"])
    }

    @Test func favouritesListTheLatestStarFirstAndUnstarRemoves() throws {
        let store = opened().store
        try store.setFavourite(RecordReference(kind: .item, id: "D1-01"), true, at: 100)
        try store.setFavourite(RecordReference(kind: .point, id: "P0001"), true, at: 200)
        try store.setFavourite(RecordReference(kind: .standard, id: "S1"), true, at: 300)
        try store.setFavourite(RecordReference(kind: .point, id: "P0001"), false, at: 400)
        #expect(opened().store.favourites() == [
            UserRecordEntry(record: RecordReference(kind: .standard, id: "S1"), unixSeconds: 300),
            UserRecordEntry(record: RecordReference(kind: .item, id: "D1-01"), unixSeconds: 100),
        ])
    }

    @Test func historyKeepsTheLastHundredRecordsEachOnceAndClears() throws {
        let store = opened().store
        for n in 0..<120 { try store.recordOpened(RecordReference(kind: .point, id: "P\(n)"), at: Int64(n)) }
        try store.recordOpened(RecordReference(kind: .point, id: "P50"), at: 999)
        let history = opened().store.history()
        #expect(history.count == 100)
        #expect(history.first == UserRecordEntry(record: RecordReference(kind: .point, id: "P50"), unixSeconds: 999))
        #expect(history[1].record.id == "P119")
        #expect(history.last?.record.id == "P20")
        try store.clearHistory()
        #expect(opened().store.history().isEmpty)
    }

    @Test func theBrowsersDeferredOpeningCreatesTheFileOnTheFirstSaveOnly() throws {
        let path = folder.appendingPathComponent("state.sqlite").path
        let opening = UserStateOpening.openDeferred(directory: folder, environment: [:])
        #expect(opening.warnings.isEmpty)
        #expect(opening.store is DeferredUserState)
        #expect(opening.store.favourites().isEmpty && opening.store.history().isEmpty && opening.store.savedPlaces().isEmpty)
        #expect(opening.store.readingPosition(of: "S1") == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        try opening.store.setFavourite(RecordReference(kind: .item, id: "D1-01"), true, at: 100)
        #expect(FileManager.default.fileExists(atPath: path))
        let entry = UserRecordEntry(record: RecordReference(kind: .item, id: "D1-01"), unixSeconds: 100)
        #expect(opening.store.favourites() == [entry])
        #expect(opened().store.favourites() == [entry])
    }

    @Test func theBrowsersDeferredOpeningReadsTheFavouritesWithoutGRDBAndTheRestLater() throws {
        let store = opened().store
        try store.setFavourite(RecordReference(kind: .item, id: "D1-01"), true, at: 100)
        try store.setFavourite(RecordReference(kind: .point, id: "P0001"), true, at: 200)
        try store.save(SavedPlace(name: "家", location: GeoCoordinate(latitude: 22.54, longitude: 114.05), savedFrom: "x"))
        #expect(UserStateQuickRead.favourites(path: opened().path) == store.favourites())
        let deferred = UserStateOpening.openDeferred(directory: folder, environment: [:])
        #expect(deferred.warnings.isEmpty)
        #expect(deferred.store is DeferredUserState)
        #expect(deferred.store.favourites() == store.favourites())
        #expect(deferred.store.savedPlaces().map(\.name) == ["家"])
        try deferred.store.setFavourite(RecordReference(kind: .point, id: "P0001"), false, at: 300)
        #expect(deferred.store.favourites().map(\.record.id) == ["D1-01"])
        #expect(opened().store.favourites().map(\.record.id) == ["D1-01"])
    }

    @Test func theBrowsersDeferredOpeningOfADamagedFileWarnsAtOnceAndKeepsIt() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(UserStateQuickRead.favourites(path: path) == nil)
        let opening = UserStateOpening.openDeferred(directory: folder, environment: [:])
        #expect(opening.store is UserStateDatabase)
        #expect(opening.warnings.count == 1)
        #expect(opening.warnings[0].english.contains("was damaged; it was moved to \(folder.path)/state.damaged-"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let aside = try #require(names.first { $0.hasPrefix("state.damaged-") && $0.hasSuffix(".sqlite") })
        #expect(try Data(contentsOf: folder.appendingPathComponent(aside)) == Data(repeating: 0x41, count: 4096))
    }

    @Test func aFailedSaveSaysWhatItSavedInEachLanguage() throws {
        let opening = opened()
        let database = try #require(opening.store as? UserStateDatabase)
        try database.pool.write { db in try db.execute(sql: "DROP TABLE favourite") }
        do {
            try opening.store.setFavourite(RecordReference(kind: .item, id: "D1-01"), true, at: 1)
            Issue.record("the save should have failed")
        } catch {
            #expect(error.english.hasPrefix("cannot save the favourites in \(opening.path): "))
            #expect(error.chinese.hasPrefix("无法在 \(opening.path) 中保存收藏："))
        }
    }

    @Test func readingPositionsAreKeptPerText() throws {
        try opened().store.save(ReadingPosition(standardID: "S1", sourceLine: 42, offset: 7))
        try opened().store.save(ReadingPosition(standardID: "S1", sourceLine: 43, offset: 0))
        #expect(opened().store.readingPosition(of: "S1") == ReadingPosition(standardID: "S1", sourceLine: 43, offset: 0))
        #expect(opened().store.readingPosition(of: "S2") == nil)
    }

    @Test func aDamagedFileIsMovedAsideWithAWarningAndAFreshStateStarts() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let opening = opened()
        #expect(opening.store is UserStateDatabase)
        #expect(opening.warnings.count == 1)
        #expect(opening.warnings[0].english.contains("was damaged; it was moved to \(folder.path)/state.damaged-"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let aside = try #require(names.first { $0.hasPrefix("state.damaged-") && $0.hasSuffix(".sqlite") })
        #expect(try Data(contentsOf: folder.appendingPathComponent(aside)) == Data(repeating: 0x41, count: 4096))
        try opening.store.save(SavedPlace(name: "家", location: GeoCoordinate(latitude: 22.54, longitude: 114.05), savedFrom: "x"))
        #expect(opened().store.savedPlaces().count == 1)
        #expect(opened().warnings.isEmpty)
    }

    @Test func anUnwritableFolderLeavesTheStateInMemoryWithAWarning() throws {
        let file = folder.appendingPathExtension("file")
        try Data("x".utf8).write(to: file)
        let opening = UserStateOpening.open(directory: file.appendingPathComponent("inside"), environment: [:])
        #expect(opening.store is InMemoryUserState)
        #expect(opening.warnings.count == 1)
        #expect(opening.warnings[0].english.contains("nothing will be remembered this run"))
        try opening.store.setFavourite(RecordReference(kind: .item, id: "D1-01"), true, at: 1)
        #expect(opening.store.favourites().count == 1)
    }

    @Test func theFolderFollowsFUWU_STATE_DIRThenXDG_STATE_HOMEThenHome() {
        #expect(UserStateOpening.defaultDirectory(environment: ["FUWU_STATE_DIR": "/a", "XDG_STATE_HOME": "/b", "HOME": "/h"]).path == "/a")
        #expect(UserStateOpening.defaultDirectory(environment: ["XDG_STATE_HOME": "/b", "HOME": "/h"]).path == "/b/fuwu")
        #expect(UserStateOpening.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/fuwu")
        #expect(UserStateOpening.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.local/state/fuwu")
    }
}
