import CWidthCache
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's wcwidth(3). Glibc's Swift module leaves it out (it is an X/Open extension,
/// declared only under _XOPEN_SOURCE), so it is bound by its symbol: `int wcwidth(wchar_t)`.
@_silgen_name("wcwidth")
private func systemWcwidth(_ character: Int32) -> Int32

/// Column widths as the C library's `wcwidth` gives them in a UTF-8 locale: what ncursesw uses
/// to place characters, so a layout measured with them lines up with what ncursesw draws.
///
/// The width does not depend on the process's own locale (the CLI may run under LANG=C): the
/// table is read once under a private UTF-8 locale object on the calling thread, and the
/// thread's locale is put back.
enum LibraryWidth {
    /// UTF-8 locales tried in order (the same as the browser's fallbacks).
    static let localeNames = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Scalars below this bound (the Basic Multilingual Plane) are answered from a cache filled
    /// one scalar at a time (CWidthCache), so a process pays one `wcwidth` call per distinct
    /// character it measures rather than 65 536 at start; above it (emoji, CJK extensions,
    /// ancient scripts, private use) `wcwidth` is asked each time, under the same locale object.
    static let tableBound: UInt32 = 0x10000

    /// The C library's width of every scalar below `tableBound` (−1 for unprintable), computed
    /// at once, or nil when the system has no UTF-8 locale: what the cache must agree with
    /// (the tests compare them).
    static func fullTable() -> [Int8]? {
        guard let locale = utf8Locale else { return nil }
        return withLocale(locale) {
            var widths = [Int8](repeating: -1, count: Int(tableBound))
            widths.withUnsafeMutableBufferPointer { buffer in
                for value in 0..<tableBound where !(0xD800...0xDFFF).contains(value) {
                    buffer[Int(value)] = Int8(clamping: systemWcwidth(Int32(value)))
                }
            }
            return widths
        }
    }

    /// The UTF-8 locale object, or nil when none is installed.
    nonisolated(unsafe) static let utf8Locale: locale_t? = {
        for name in localeNames {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()

    /// The C library's width of a scalar: −1 when it is unprintable, nil when the system has no
    /// UTF-8 locale.
    static func columns(_ value: UInt32) -> Int? {
        let cached = fuwu_width_cached(value)
        if cached != FUWU_WIDTH_UNKNOWN { return Int(cached) }
        guard let locale = utf8Locale, value <= 0x10FFFF else { return nil }
        if (0xD800...0xDFFF).contains(value) { return -1 }
        let width = Int(Int8(clamping: withLocale(locale) { systemWcwidth(Int32(value)) }))
        fuwu_width_store(value, Int32(width))
        return width
    }

    /// Runs `body` with `locale` as the calling thread's locale.
    private static func withLocale<T>(_ locale: locale_t, _ body: () -> T) -> T {
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }
}
