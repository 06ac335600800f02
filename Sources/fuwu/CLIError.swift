import ArgumentParser
import Catalogue

/// A failure the CLI reports on stderr with its exit status: 64 usage, 65 data error, 66 missing
/// input (an unknown id, a missing catalogue).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: 64) }
    static func data(_ message: String) -> CLIError { CLIError(message: message, code: 65) }
    static func missing(_ message: String) -> CLIError { CLIError(message: message, code: 66) }

    var description: String { message }
}

extension CLIError {
    /// A nearby or filter error in the user's language, with its exit status.
    init(_ error: NearbyError, lang: Language) {
        self.init(message: lang.pick(error.chineseMessage, error.englishMessage), code: error.exitStatus)
    }
}
