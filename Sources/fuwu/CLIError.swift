import ArgumentParser
import Catalogue

/// A failure the CLI reports on stderr with its exit status: 64 usage, 65 data error, 66 missing
/// input (an unknown id, a missing catalogue), 73 the compiled catalogue cannot be written, 74 the
/// output cannot be written (sysexits.h).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    static func usage(_ message: String) -> CLIError { CLIError(message: message, code: 64) }
    static func data(_ message: String) -> CLIError { CLIError(message: message, code: 65) }
    static func missing(_ message: String) -> CLIError { CLIError(message: message, code: 66) }
    static func cannotCreate(_ message: String) -> CLIError { CLIError(message: message, code: 73) }

    /// EX_IOERR: the output could not be written.
    static let ioErrorCode: Int32 = 74

    var description: String { message }
}

extension CLIError {
    /// A nearby or filter error in the user's language, with its exit status.
    init(_ error: NearbyError, lang: Language) {
        self.init(message: lang.pick(error.chineseMessage, error.englishMessage), code: error.exitStatus)
    }
}
