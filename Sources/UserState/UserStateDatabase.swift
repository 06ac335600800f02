import Catalogue
import Foundation
import Geodesy
import GRDB

/// The user state in SQLite (GRDB, WAL mode): saved places, favourites, history and reading
/// positions. Every write is one transaction, so a `kill -9` loses at most the write in flight.
public final class UserStateDatabase: UserStateStore, @unchecked Sendable {
    /// The file name inside the state folder.
    public static let fileName = "state.sqlite"
    /// Test-only: while the file this names exists, every write waits inside its transaction
    /// (after writing `<path>.waiting`) until that file — a FIFO — is opened for writing.
    public static let testPauseVariable = "FUWU_STATE_TEST_PAUSE"

    let pool: DatabasePool
    let path: String
    private let testPause: String?

    /// Opens (creating when missing) and migrates the state at `path`.
    init(path: String, testPause: String?) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "fuwu-state"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync survives a killed process (not a power cut) with every commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        self.testPause = testPause
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        guard check == "ok" else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check ?? "quick_check failed") }
        try Self.migrator.migrate(pool)
    }

    /// The schema, one migration per change, from the first table on.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "place") { t in
                t.primaryKey("name", .text)
                t.column("latitude", .double).notNull()
                t.column("longitude", .double).notNull()
                t.column("datum", .text).notNull()
                t.column("read_latitude", .double).notNull()
                t.column("read_longitude", .double).notNull()
                t.column("saved_from", .text).notNull()
                t.column("saved_at", .integer).notNull()
            }
            try db.create(table: "favourite") { t in
                t.column("kind", .text).notNull()
                t.column("record_id", .text).notNull()
                t.column("starred_at", .integer).notNull()
                t.primaryKey(["kind", "record_id"])
            }
            try db.create(table: "history") { t in
                t.column("kind", .text).notNull()
                t.column("record_id", .text).notNull()
                t.column("opened_at", .integer).notNull()
                t.column("sequence", .integer).notNull()
                t.primaryKey(["kind", "record_id"])
            }
            try db.create(table: "reading_position") { t in
                t.primaryKey("standard_id", .text)
                t.column("source_line", .integer).notNull()
                t.column("offset", .integer).notNull()
            }
        }
        return migrator
    }

    // MARK: Writes

    /// One write transaction; `english` and `chinese` name what it saves, for the error message.
    private func write(_ english: String, _ chinese: String, _ body: (Database) throws -> Void) throws(UserStateError) {
        do {
            try pool.write { db in
                try body(db)
                waitIfPausedForTest()
            }
        } catch {
            throw UserStateError(english: "cannot save \(english) in \(path): \(error)",
                                 chinese: "无法在 \(path) 中保存\(chinese)：\(error)")
        }
    }

    /// The test-only pause: lets a test kill the process while a write is in flight.
    private func waitIfPausedForTest() {
        guard let testPause, FileManager.default.fileExists(atPath: testPause) else { return }
        FileManager.default.createFile(atPath: testPause + ".waiting", contents: Data("waiting\n".utf8))
        let descriptor = open(testPause, O_RDONLY)
        if descriptor >= 0 { close(descriptor) }
    }

    public func save(_ place: SavedPlace) throws(UserStateError) {
        try write("the place “\(place.name)”", "地点“\(place.name)”") { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO place (name, latitude, longitude, datum, read_latitude, read_longitude, saved_from, saved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [place.name, place.location.latitude, place.location.longitude, place.datumRead.rawValue,
                                 place.coordinateRead.latitude, place.coordinateRead.longitude, place.savedFrom,
                                 Int64(Date().timeIntervalSince1970)])
        }
    }

    public func removePlace(named name: String) throws(UserStateError) -> Bool {
        var removed = false
        try write("the places", "地点") { db in
            try db.execute(sql: "DELETE FROM place WHERE name = ?", arguments: [name])
            removed = db.changesCount > 0
        }
        return removed
    }

    public func setFavourite(_ record: RecordReference, _ starred: Bool, at unixSeconds: Int64) throws(UserStateError) {
        try write("the favourites", "收藏") { db in
            if starred {
                try db.execute(sql: "INSERT OR REPLACE INTO favourite (kind, record_id, starred_at) VALUES (?, ?, ?)",
                               arguments: [record.kind.rawValue, record.id, unixSeconds])
            } else {
                try db.execute(sql: "DELETE FROM favourite WHERE kind = ? AND record_id = ?",
                               arguments: [record.kind.rawValue, record.id])
            }
        }
    }

    public func recordOpened(_ record: RecordReference, at unixSeconds: Int64) throws(UserStateError) {
        try write("the history", "历史") { db in
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM history") ?? 0) + 1
            try db.execute(sql: "INSERT OR REPLACE INTO history (kind, record_id, opened_at, sequence) VALUES (?, ?, ?, ?)",
                           arguments: [record.kind.rawValue, record.id, unixSeconds, next])
            try db.execute(sql: """
                DELETE FROM history WHERE sequence NOT IN (SELECT sequence FROM history ORDER BY sequence DESC LIMIT ?)
                """, arguments: [UserStateLimits.history])
        }
    }

    public func clearHistory() throws(UserStateError) {
        try write("the history", "历史") { db in try db.execute(sql: "DELETE FROM history") }
    }

    public func save(_ position: ReadingPosition) throws(UserStateError) {
        try write("the reading position", "阅读位置") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO reading_position (standard_id, source_line, offset) VALUES (?, ?, ?)",
                           arguments: [position.standardID, position.sourceLine, position.offset])
        }
    }

    // MARK: Reads

    public func savedPlaces() -> [SavedPlace] {
        (try? pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM place ORDER BY name").map { row in
                SavedPlace(name: row["name"],
                           location: GeoCoordinate(latitude: row["latitude"], longitude: row["longitude"]),
                           datumRead: Datum(rawValue: row["datum"]) ?? .wgs84,
                           coordinateRead: GeoCoordinate(latitude: row["read_latitude"], longitude: row["read_longitude"]),
                           savedFrom: row["saved_from"])
            }
        }) ?? []
    }

    public func favourites() -> [UserRecordEntry] { entries(sql: Self.favouritesQuery) }

    /// The favourites, newest first: kind, record id, time. `UserStateQuickRead` runs the same
    /// query before the first frame, so both give the same stars in the same order.
    static let favouritesQuery = "SELECT kind, record_id, starred_at AS at FROM favourite ORDER BY starred_at DESC, rowid DESC"

    public func history() -> [UserRecordEntry] {
        entries(sql: "SELECT kind, record_id, opened_at AS at FROM history ORDER BY sequence DESC")
    }

    private func entries(sql: String) -> [UserRecordEntry] {
        (try? pool.read { db in
            try Row.fetchAll(db, sql: sql).compactMap { row -> UserRecordEntry? in
                guard let kind = RecordReference.Kind(rawValue: row["kind"]) else { return nil }
                return UserRecordEntry(record: RecordReference(kind: kind, id: row["record_id"]), unixSeconds: row["at"])
            }
        }) ?? []
    }

    public func readingPosition(of standardID: String) -> ReadingPosition? {
        (try? pool.read { db in
            try Row.fetchOne(db, sql: "SELECT source_line, offset FROM reading_position WHERE standard_id = ?",
                             arguments: [standardID]).map {
                ReadingPosition(standardID: standardID, sourceLine: $0["source_line"], offset: $0["offset"])
            }
        }) ?? nil
    }
}
