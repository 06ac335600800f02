import Testing
@testable import ChineseText

#if canImport(Glibc)
import Glibc
#endif

/// wcwidth(3), which Glibc's Swift module leaves out (see LibraryWidth).
@_silgen_name("wcwidth")
private func testWcwidth(_ character: Int32) -> Int32

/// Widths as the C library (and so ncursesw) gives them, with `--ambiguous-wide` the one
/// deliberate difference.
@Suite struct DisplayWidthTests {
    /// wcwidth under a UTF-8 locale object on this thread, found independently of the code tested.
    private func libraryWidths(_ values: some Sequence<UInt32>) -> [UInt32: Int32]? {
        var found: locale_t?
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where found == nil { found = newlocale(LC_CTYPE_MASK, name, nil) }
        guard let locale = found else { return nil }
        defer { freelocale(locale) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        var widths: [UInt32: Int32] = [:]
        for value in values { widths[value] = testWcwidth(Int32(value)) }
        return widths
    }

    /// The cache filled one scalar at a time (CWidthCache) gives, for every scalar of the Basic
    /// Multilingual Plane, what the table built at once gave before it; asked twice, the second
    /// answer comes from the cache.
    @Test func theWidthCacheAgreesWithTheWholeTableForEveryBMPScalar() throws {
        let table = try #require(LibraryWidth.fullTable())
        for pass in 0..<2 {
            for value in 0..<LibraryWidth.tableBound {
                let columns = LibraryWidth.columns(value)
                if columns != Int(table[Int(value)]) {
                    Issue.record("U+\(String(value, radix: 16)) pass \(pass): \(String(describing: columns)) ≠ \(table[Int(value)])")
                    return
                }
            }
        }
    }

    @Test func everyPrintableScalarMeasuresAsTheCLibrarySaysInAUTF8Locale() throws {
        let values = (0xA0..<0x40000).filter { !(0xD800...0xDFFF).contains($0) }.map(UInt32.init)
            + [0xE0001, 0xE0100, 0xF0000, 0x10FFFD]
        let library = try #require(libraryWidths(values), "the system has no UTF-8 locale")
        var disagreements: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(value), let expected = library[value] else { continue }
            // Unprintable scalars are drawn as a one-column stand-in.
            let columns = expected < 0 ? 1 : Int(expected)
            if DisplayWidth.of(scalar) != columns {
                disagreements.append(String(value, radix: 16, uppercase: true))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree, first \(disagreements.prefix(10))")
    }

    @Test func hexagramsAndOtherFormerDisagreementsFollowTheLibrary() throws {
        let library = try #require(libraryWidths([0x4DC0, 0x303F, 0x1F600]))
        #expect(DisplayWidth.of("\u{4DC0}" as Unicode.Scalar) == Int(library[0x4DC0] ?? 0))
        #expect(DisplayWidth.of("䷀䷁") == 2 * Int(library[0x4DC0] ?? 0))
        #expect(DisplayWidth.of("\u{303F}" as Unicode.Scalar) == Int(library[0x303F] ?? 0))
    }

    @Test func chineseIsTwoColumnsAsciiOneControlsAndMarksNone() {
        #expect(DisplayWidth.of("福田") == 4)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("\u{1B}\u{7F}\u{85}") == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{0378}" as Unicode.Scalar) == 1, "unassigned: a one-column stand-in")
    }

    @Test func ambiguousWideIsTheOneDeliberateDifference() {
        for text in ["·", "…", "←", "│", "①"] {
            #expect(DisplayWidth.of(text) == 1, "\(text)")
            #expect(DisplayWidth.of(text, ambiguousWide: true) == 2, "\(text)")
        }
        #expect(DisplayWidth.of("福", ambiguousWide: true) == 2)
        #expect(DisplayWidth.of("a", ambiguousWide: true) == 1)
    }

    /// The CLI may run under LANG=C, where wcwidth itself knows no Chinese: widths do not
    /// depend on the caller's locale.
    @Test func widthsDoNotDependOnTheCallersLocale() throws {
        let cLocale = try #require(newlocale(LC_CTYPE_MASK, "C", nil))
        defer { freelocale(cLocale) }
        // This thread's locale only (uselocale), put back before the test returns.
        let previous = uselocale(cLocale)
        let widths = [DisplayWidth.of("福田"), DisplayWidth.of("\u{1F600}" as Unicode.Scalar), DisplayWidth.of("a")]
        uselocale(previous)
        #expect(widths == [4, 2, 1])
    }

    @Test func theBuiltInTableAnswersWithoutAUTF8Locale() {
        #expect(DisplayWidth.builtIn("福") == 2)
        #expect(DisplayWidth.builtIn("a") == 1)
        #expect(DisplayWidth.builtIn("\u{301}") == 0)
    }

    @Test func theScalarByScalarPathMeasuresAsTheCharacterLoopForEveryScalarItTakes() {
        let taken = Array(0x20..<0x7F) + Array(0x3000...0x3029) + Array(0x3400...0x4DBF) + Array(0x4E00...0x9FFF)
            + Array(0xFF01...0xFF60)
        let scalars = taken.compactMap { Unicode.Scalar(UInt32($0)) }
        // Each scalar between two others of the set: one character each, so the same width.
        for (i, scalar) in scalars.enumerated() {
            var text = String.UnicodeScalarView()
            text.append(scalars[(i + 7) % scalars.count])
            text.append(scalar)
            text.append(scalars[(i * 31 + 5) % scalars.count])
            let string = String(text)
            let loop = string.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(string.count == 3, "U+\(String(scalar.value, radix: 16))")
            #expect(DisplayWidth.singleScalarWidth(string.unicodeScalars, ambiguousWide: false) == loop)
            #expect(DisplayWidth.singleScalarWidth(string.unicodeScalars, ambiguousWide: true)
                    == string.reduce(0) { $0 + DisplayWidth.of($1, ambiguousWide: true) })
            // The same read from the UTF-8 bytes, as `of(String)` does.
            var bytes = string
            #expect(bytes.withUTF8 { DisplayWidth.singleScalarWidth(utf8: $0, ambiguousWide: false) } == loop)
            #expect(DisplayWidth.of(string) == loop)
            #expect(DisplayWidth.of(string, ambiguousWide: true) == string.reduce(0) { $0 + DisplayWidth.of($1, ambiguousWide: true) })
        }
        // Every other scalar of the BMP and some beyond, alone and between two taken ones, takes
        // the character loop in the UTF-8 path too (and measures as the loop).
        for value in Array(0...0xD7FF) + Array(0xE000...0xFFFF) + [0x1F600, 0x20000, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            var text = String.UnicodeScalarView()
            text.append("福")
            text.append(scalar)
            text.append("a")
            var string = String(text)
            let scalarWise = DisplayWidth.singleScalarWidth(string.unicodeScalars, ambiguousWide: false)
            #expect(string.withUTF8 { DisplayWidth.singleScalarWidth(utf8: $0, ambiguousWide: false) } == scalarWise,
                    "U+\(String(value, radix: 16))")
            #expect(DisplayWidth.of(string) == string.reduce(0) { $0 + DisplayWidth.of($1) }, "U+\(String(value, radix: 16))")
            // Plain width: only for text the sanitiser leaves alone, and then its width.
            if let plain = DisplayWidth.plainWidth(string) {
                #expect(Sanitiser.line(string) == string && plain == DisplayWidth.of(string), "U+\(String(value, radix: 16))")
            }
            #expect((DisplayWidth.plainWidth(string) != nil) == (scalarWise != nil), "U+\(String(value, radix: 16))")
        }
        // Anything else (a combining mark, a tone mark, a variation selector, Hangul) takes the loop.
        for other in ["e\u{301}", "\u{302A}", "☺\u{FE0F}", "한", "\u{1100}\u{1161}", "\t"] {
            #expect(DisplayWidth.singleScalarWidth(other.unicodeScalars, ambiguousWide: false) == nil, "\(other)")
        }
        #expect(DisplayWidth.of("社康中心 A-1（福田）") == 20)
    }
}
