import Foundation

/// Folds text the same way at compile time and at query time, so that what a user types meets
/// what the catalogue says: full-width to half-width, lower case, tone marks off, ü as v,
/// traditional characters to simplified.
public enum TextFolding {
    /// The matchable form of one scalar, or nil for spaces, punctuation and symbols, which
    /// searching ignores. Han characters come back unchanged (see `simplified(_:)`).
    public static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        var v = scalar.value
        if v == 0x3000 { return nil }
        if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x61...0x7A: return Unicode.Scalar(v)
            case 0x41...0x5A: return Unicode.Scalar(v + 0x20)
            default: return nil
            }
        }
        guard let s = Unicode.Scalar(v) else { return nil }
        if isHan(s) { return s }
        if isUmlautU(v) { return "v" }
        if (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) {
            // Tone-marked pinyin vowels and other accented Latin letters: keep the base letter.
            if let base = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.first,
               base.value < 0x80, let plain = folded(base) {
                return plain
            }
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            let lower = s.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first : s
        default:
            return nil
        }
    }

    /// True for CJK unified ideographs (the characters that have a pinyin reading).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUnifiedIdeograph
    }

    /// ü in every tone and case, which pinyin keyboards type as v.
    static func isUmlautU(_ v: UInt32) -> Bool {
        switch v {
        case 0xFC, 0xDC, 0x1D6, 0x1D5, 0x1D8, 0x1D7, 0x1DA, 0x1D9, 0x1DC, 0x1DB: return true
        default: return false
        }
    }

    /// The simplified form of one Han character, as ICU's Hant-Hans transform gives it (from the
    /// table generated from it, `SimplifiedHan`: building ICU's transliterator costs a quarter of a
    /// second a process); the character itself when it has no single-character simplified form.
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let keys = SimplifiedHan.traditional
        guard value >= 0x3400, value <= keys[keys.count - 1] else { return scalar }
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < value { low = middle + 1 } else { high = middle }
        }
        guard low < keys.count, keys[low] == value, let result = Unicode.Scalar(SimplifiedHan.simplified[low]) else {
            return scalar
        }
        return result
    }

    /// The simplified form through ICU's Hant-Hans transform itself (tests compare it with
    /// `simplified(_:)`; scripts/generate-simplified-table.swift builds the table from it).
    public static func simplifiedByICU(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard isHan(scalar),
              let result = String(scalar).applyingTransform(StringTransform("Hant-Hans"), reverse: false),
              result.unicodeScalars.count == 1, let first = result.unicodeScalars.first
        else { return scalar }
        return first
    }
}
