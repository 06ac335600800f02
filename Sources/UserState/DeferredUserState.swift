import Catalogue
import Foundation
import GRDBSQLite

/// The user state as the browser opens it before its first frame: no GRDB and no new file.
/// The first frame needs only the favourites (the stars), so they are read with the plain SQLite
/// C API (`UserStateQuickRead`); the database (`UserStateOpening.open`: GRDB, migrations, the
/// damaged-file handling) is opened on the first other read, and `state.sqlite` is created on the
/// first save only. A user without a state file reads nothing from disk.
final class DeferredUserState: UserStateStore, @unchecked Sendable {
    private let lock = NSLock()
    /// Opens the state for real: `UserStateOpening.open` on the same folder and environment.
    private let open: @Sendable () -> UserStateOpening
    /// Whether a state file existed at start (else reads answer empty until the first save).
    private let fileExisted: Bool
    /// The favourites read at start, answered until the database is opened.
    private let startFavourites: [UserRecordEntry]
    private var opened: (any UserStateStore)?
    /// A warning of the deferred opening (a damaged file moved aside, an unwritable folder),
    /// thrown once by the save that met it, since the first frame is long gone by then.
    private var pendingWarning: UserStateError?

    init(fileExisted: Bool, favourites: [UserRecordEntry], open: @escaping @Sendable () -> UserStateOpening) {
        self.fileExisted = fileExisted
        startFavourites = favourites
        self.open = open
    }

    /// The opened state; opens it now when `create` or when there is a file to read.
    private func store(create: Bool) -> (any UserStateStore)? {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        guard create || fileExisted else { return nil }
        let opening = open()
        opened = opening.store
        pendingWarning = opening.warnings.last
        return opening.store
    }

    /// The store a save goes to; throws the opening's warning once, before the first save.
    private func writable() throws(UserStateError) -> any UserStateStore {
        let store = store(create: true)!
        lock.lock()
        let warning = pendingWarning
        pendingWarning = nil
        lock.unlock()
        if let warning { throw warning }
        return store
    }

    private var openedStore: (any UserStateStore)? {
        lock.lock()
        defer { lock.unlock() }
        return opened
    }

    func favourites() -> [UserRecordEntry] { openedStore?.favourites() ?? startFavourites }
    func savedPlaces() -> [SavedPlace] { store(create: false)?.savedPlaces() ?? [] }
    func history() -> [UserRecordEntry] { store(create: false)?.history() ?? [] }
    func readingPosition(of standardID: String) -> ReadingPosition? { store(create: false)?.readingPosition(of: standardID) }

    func save(_ place: SavedPlace) throws(UserStateError) { try writable().save(place) }
    func removePlace(named name: String) throws(UserStateError) -> Bool { try writable().removePlace(named: name) }
    func setFavourite(_ record: RecordReference, _ starred: Bool, at unixSeconds: Int64) throws(UserStateError) {
        try writable().setFavourite(record, starred, at: unixSeconds)
    }
    func recordOpened(_ record: RecordReference, at unixSeconds: Int64) throws(UserStateError) {
        try writable().recordOpened(record, at: unixSeconds)
    }
    func clearHistory() throws(UserStateError) { try writable().clearHistory() }
    func save(_ position: ReadingPosition) throws(UserStateError) { try writable().save(position) }
}

/// Reads the favourites of an existing state file with the SQLite C API, after its quick check:
/// a few hundred thousand instructions where opening it with GRDB costs millions. Nil when
/// anything is amiss (no such table, a damaged or locked file): the caller then opens the state
/// the full way, which reports and handles it.
enum UserStateQuickRead {
    static func favourites(path: String) -> [UserRecordEntry]? {
        var connection: OpaquePointer?
        defer { sqlite3_close(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db = connection else { return nil }
        sqlite3_busy_timeout(db, 5000)
        guard let check = rows(db, "PRAGMA quick_check"), check.count == 1, check[0].first == "ok" else { return nil }
        guard let found = rows(db, UserStateDatabase.favouritesQuery) else {
            return nil
        }
        return found.compactMap { row in
            guard row.count == 3, let kind = RecordReference.Kind(rawValue: row[0]), let at = Int64(row[2]) else { return nil }
            return UserRecordEntry(record: RecordReference(kind: kind, id: row[1]), unixSeconds: at)
        }
    }

    /// Every row of `sql` as text columns; nil on any error.
    private static func rows(_ db: OpaquePointer, _ sql: String) -> [[String]]? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite3_finalize(statement) }
        var result: [[String]] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                let columns = sqlite3_column_count(statement)
                result.append((0..<columns).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
                })
            case SQLITE_DONE: return result
            default: return nil
            }
        }
    }
}
