import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adopts the user's locale before ncurses starts, so the wide-character calls know UTF-8.
enum LocaleSetup {
    /// UTF-8 locales tried, in order, when the user's own codeset is not UTF-8 (LANG=C, POSIX or
    /// unset): the terminal itself almost always speaks UTF-8, and the catalogue is Chinese.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Sets the locale from the environment and makes LC_CTYPE UTF-8; returns the locale it
    /// switched LC_CTYPE to, or nil when the user's own locale was already UTF-8.
    @discardableResult
    static func prepare() throws(CursesTerminalError) -> String? {
        setlocale(LC_ALL, "")
        if fuwu_codeset_is_utf8() != 0 { return nil }
        let original = String(cString: fuwu_codeset())
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil {
            if fuwu_codeset_is_utf8() != 0 { return name }
        }
        throw .noUTF8Locale(codeset: original)
    }
}
