/// Terminal column widths of text, East Asian wide characters counting two.
public enum DisplayWidth {
    /// Columns a single scalar occupies, as the C library's `wcwidth` says in a UTF-8 locale
    /// (what ncursesw places characters by): 0 for controls and for combining and format marks,
    /// 2 for wide and fullwidth, 1 for an unprintable scalar (it is drawn as a one-column stand-in).
    /// With `ambiguousWide`, East-Asian ambiguous characters count 2: the one deliberate
    /// difference, for terminals set to draw them wide. Without a UTF-8 locale on the system,
    /// fuwu's own table (`builtIn`) answers.
    public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x7F { return 1 }
        if ambiguousWide && isAmbiguous(v) { return 2 }
        guard let columns = LibraryWidth.columns(v) else { return builtIn(scalar) }
        return columns < 0 ? 1 : columns
    }

    /// fuwu's own width table (Unicode's East Asian Width, wide = 2, marks = 0): the fallback
    /// where the C library has no UTF-8 locale.
    static func builtIn(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns a character (grapheme cluster) occupies: the width of its first scalar, widened
    /// to two by an emoji presentation selector.
    public static func of(_ character: Character, ambiguousWide: Bool = false) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first, ambiguousWide: ambiguousWide)
        if width == 1 && scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return width
    }

    /// Columns a string occupies.
    public static func of(_ text: String, ambiguousWide: Bool = false) -> Int {
        // The single-scalar path read from the UTF-8 bytes in place: no scalar decoding through
        // the string's views (a listing of every point measures some 17 000 cells).
        var text = text
        if let width = text.withUTF8({ singleScalarWidth(utf8: $0, ambiguousWide: ambiguousWide) }) { return width }
        var total = 0
        for character in text { total += of(character, ambiguousWide: ambiguousWide) }
        return total
    }

    /// Columns a string occupies.
    public static func of<S: StringProtocol>(_ text: S, ambiguousWide: Bool = false) -> Int {
        if let width = singleScalarWidth(text.unicodeScalars, ambiguousWide: ambiguousWide) { return width }
        var total = 0
        for character in text { total += of(character, ambiguousWide: ambiguousWide) }
        return total
    }

    /// The width of text whose every scalar is a character of its own — printable ASCII, CJK
    /// ideographs, CJK symbols and punctuation before the tone marks, full-width forms — summed
    /// scalar by scalar, which is what the character loop gives for such text without its
    /// grapheme breaking (most of the cost of a table of catalogue text); nil for any other text.
    /// None of these scalars extends, prepends to or joins with a neighbour, so each is one
    /// grapheme cluster and its first scalar.
    static func singleScalarWidth<S: Sequence<Unicode.Scalar>>(_ scalars: S, ambiguousWide: Bool) -> Int? {
        var total = 0
        for scalar in scalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F {
                total += 1
            } else if (0x3000...0x3029).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
                        || (0xFF01...0xFF60).contains(v) {
                total += of(scalar, ambiguousWide: ambiguousWide)
            } else {
                return nil
            }
        }
        return total
    }

    /// The width of text made only of printable ASCII and the scalars `singleScalarWidth` takes
    /// (CJK ideographs, CJK punctuation before the tone marks, full-width forms), which are all
    /// characters of their own and none of which `Sanitiser` escapes; nil for any other text.
    /// One pass over the bytes tells both that the text needs no sanitising and its width.
    public static func plainWidth(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { singleScalarWidth(utf8: $0, ambiguousWide: false) }
    }

    /// `singleScalarWidth` over well-formed UTF-8: printable ASCII bytes count one column each;
    /// the other scalars it takes are three bytes long (U+3000–U+FF60) and measured as there.
    static func singleScalarWidth(utf8 bytes: UnsafeBufferPointer<UInt8>, ambiguousWide: Bool) -> Int? {
        var total = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                guard lead >= 0x20 && lead < 0x7F else { return nil }
                total += 1
                i += 1
                continue
            }
            guard lead & 0xF0 == 0xE0, i + 2 < n else { return nil }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            guard (0x3000...0x3029).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
                    || (0xFF01...0xFF60).contains(v), let scalar = Unicode.Scalar(v) else { return nil }
            total += of(scalar, ambiguousWide: ambiguousWide)
            i += 3
        }
        return total
    }

    /// Cuts `text` to at most `columns` columns, ending with an ellipsis when anything was cut and
    /// never splitting a wide character (a wide glyph that does not fit leaves a blank column).
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…",
                                ambiguousWide: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if of(text, ambiguousWide: ambiguousWide) <= columns { return text }
        let ellipsisWidth = of(ellipsis, ambiguousWide: ambiguousWide)
        let budget = max(0, columns - ellipsisWidth)
        var result = ""
        var used = 0
        for character in text {
            let w = of(character, ambiguousWide: ambiguousWide)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= columns ? result + ellipsis : result
    }

    /// Pads `text` with spaces on the right (or left) to exactly `columns` columns, truncating first
    /// when it is wider.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false,
                           ambiguousWide: Bool = false) -> String {
        let cut = truncate(text, to: columns, ambiguousWide: ambiguousWide)
        let fill = String(repeating: " ", count: max(0, columns - of(cut, ambiguousWide: ambiguousWide)))
        return alignRight ? fill + cut : cut + fill
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// East-Asian ambiguous characters that CJK fonts often draw two columns wide: Greek and
    /// Cyrillic letters, general punctuation such as “ ” ‘ ’ …, arrows, box drawing, geometric shapes.
    static func isAmbiguous(_ v: UInt32) -> Bool {
        switch v {
        case 0xA1, 0xA4, 0xA7...0xA8, 0xAA, 0xAD...0xAE, 0xB0...0xB4, 0xB6...0xBA, 0xBC...0xBF,
             0xC6, 0xD0, 0xD7...0xD8, 0xDE...0xE1, 0xE6, 0xE8...0xEA, 0xEC...0xED, 0xF0,
             0xF2...0xF3, 0xF7...0xFA, 0xFC, 0xFE,
             0x391...0x3A9, 0x3B1...0x3C9, 0x401, 0x410...0x44F, 0x451,
             0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022,
             0x2024...0x2027, 0x2030, 0x2032...0x2033, 0x2035, 0x203B, 0x203E, 0x2103, 0x2105,
             0x2109, 0x2113, 0x2116, 0x2121...0x2122, 0x2160...0x216B, 0x2170...0x2179,
             0x2190...0x2199, 0x21D2, 0x21D4, 0x2200...0x22FF, 0x2460...0x24E9, 0x24EB...0x254B,
             0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595, 0x25A0...0x25A1, 0x25A3...0x25A9,
             0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1, 0x25C6...0x25C8,
             0x25CB, 0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF, 0x2605...0x2606, 0x2609,
             0x260E...0x260F, 0x261C, 0x261E, 0x2640, 0x2642, 0x2660...0x2661, 0x2663...0x2665,
             0x2667...0x266A, 0x266C...0x266D, 0x266F, 0x2E3A...0x2E3B:
            return true
        default:
            return false
        }
    }
}
