/// What fuwu remembers for its user across runs — saved places, favourites, history, reading
/// positions — as the browser and the commands see it. The `UserState` module implements it
/// over SQLite; `InMemoryUserState` serves tests and a browser whose state file cannot be used.
/// Writes throw `UserStateError`; reads of a state that fails return nothing rather than fail.
public protocol UserStateStore: AnyObject, Sendable {
    /// Saved places by name.
    func savedPlaces() -> [SavedPlace]
    /// Saves a place, replacing one of the same name.
    func save(_ place: SavedPlace) throws(UserStateError)
    /// Removes a saved place; false when none had that name.
    func removePlace(named name: String) throws(UserStateError) -> Bool

    /// Starred records, most recently starred first.
    func favourites() -> [UserRecordEntry]
    /// Stars or unstars a record.
    func setFavourite(_ record: RecordReference, _ starred: Bool, at unixSeconds: Int64) throws(UserStateError)

    /// Records opened, most recent first, each once, at most `UserStateLimits.history`.
    func history() -> [UserRecordEntry]
    /// Notes that a record was opened.
    func recordOpened(_ record: RecordReference, at unixSeconds: Int64) throws(UserStateError)
    /// Forgets the history.
    func clearHistory() throws(UserStateError)

    /// Where the user left a text, if anywhere.
    func readingPosition(of standardID: String) -> ReadingPosition?
    /// Remembers where the user is in a text.
    func save(_ position: ReadingPosition) throws(UserStateError)
}

/// Limits of the user state.
public enum UserStateLimits {
    /// The history keeps this many records.
    public static let history = 100
}

/// A write to the user state that failed, with what to do.
public struct UserStateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var english: String
    public var chinese: String

    public init(english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    public var description: String { english }
}
