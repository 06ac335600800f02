import Catalogue
import Foundation
import UserState

/// Opens the user state for a command, printing on stderr any warning (a damaged file moved
/// aside, an unwritable folder).
enum StateAccess {
    static func open(lang: Language) -> any UserStateStore {
        let opening = UserStateOpening.open(environment: ProcessEnvironment.values)
        for warning in opening.warnings { printError(lang.pick(warning.chinese, warning.english)) }
        return opening.store
    }

    /// The saved places, for a command that only reads them (`nearby`, `map`): none, without
    /// opening or creating the state database, when there is no state file yet — a script's or
    /// a first run's case, which then pays no SQLite at all.
    static func savedPlaces(lang: Language) -> [SavedPlace] {
        let path = UserStateOpening.defaultDirectory(environment: ProcessEnvironment.values).appendingPathComponent(UserStateDatabase.fileName).path
        guard access(path, F_OK) == 0 else { return [] }
        return open(lang: lang).savedPlaces()
    }
}

extension CLIError {
    /// A failed state write, in the user's language; exit status 73 (cannot create output).
    init(_ error: UserStateError, lang: Language) {
        self = .cannotCreate(lang.pick(error.chinese, error.english))
    }
}
