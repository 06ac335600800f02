import Catalogue
import Foundation
import UserState

/// Opens the user state for a command, printing on stderr any warning (a damaged file moved
/// aside, an unwritable folder).
enum StateAccess {
    static func open(lang: Language) -> any UserStateStore {
        let opening = UserStateOpening.open()
        for warning in opening.warnings { printError(lang.pick(warning.chinese, warning.english)) }
        return opening.store
    }
}

extension CLIError {
    /// A failed state write, in the user's language; exit status 73 (cannot create output).
    init(_ error: UserStateError, lang: Language) {
        self = .cannotCreate(lang.pick(error.chinese, error.english))
    }
}
