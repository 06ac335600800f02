import Foundation

/// User state kept in memory only: for tests, and for a browser whose state file cannot be
/// opened or created (it still starts, and says that nothing will be remembered).
public final class InMemoryUserState: UserStateStore, @unchecked Sendable {
    private struct Contents {
        var places: [SavedPlace] = []
        var favourites: [UserRecordEntry] = []
        var history: [UserRecordEntry] = []
        var positions: [String: ReadingPosition] = [:]
    }

    private let lock = NSLock()
    private var stored = Contents()

    /// Runs `body` on the contents under the lock.
    private func withContents<T>(_ body: (inout Contents) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&stored)
    }

    public init() {}

    public func savedPlaces() -> [SavedPlace] { withContents { $0.places } }

    public func save(_ place: SavedPlace) throws(UserStateError) {
        withContents { c in
            c.places.removeAll { $0.name == place.name }
            c.places.append(place)
            c.places.sort { $0.name < $1.name }
        }
    }

    public func removePlace(named name: String) throws(UserStateError) -> Bool {
        withContents { c in
            let before = c.places.count
            c.places.removeAll { $0.name == name }
            return c.places.count != before
        }
    }

    public func favourites() -> [UserRecordEntry] { withContents { $0.favourites } }

    public func setFavourite(_ record: RecordReference, _ starred: Bool, at unixSeconds: Int64) throws(UserStateError) {
        withContents { c in
            c.favourites.removeAll { $0.record == record }
            if starred { c.favourites.insert(UserRecordEntry(record: record, unixSeconds: unixSeconds), at: 0) }
        }
    }

    public func history() -> [UserRecordEntry] { withContents { $0.history } }

    public func recordOpened(_ record: RecordReference, at unixSeconds: Int64) throws(UserStateError) {
        withContents { c in
            c.history.removeAll { $0.record == record }
            c.history.insert(UserRecordEntry(record: record, unixSeconds: unixSeconds), at: 0)
            if c.history.count > UserStateLimits.history { c.history.removeLast(c.history.count - UserStateLimits.history) }
        }
    }

    public func clearHistory() throws(UserStateError) { withContents { $0.history = [] } }

    public func readingPosition(of standardID: String) -> ReadingPosition? { withContents { $0.positions[standardID] } }

    public func save(_ position: ReadingPosition) throws(UserStateError) {
        withContents { $0.positions[position.standardID] = position }
    }
}
