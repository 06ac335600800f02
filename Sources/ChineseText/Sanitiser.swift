/// Makes untrusted catalogue text inert before it reaches a terminal or a script.
public enum Sanitiser {
    /// True for scalars that must never reach a terminal: C0/C1 controls, DEL, and the bidi and
    /// zero-width format characters that can reorder or hide text.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0xFEFF || v == 0x2028 || v == 0x2029
    }

    /// One line of display text: every unsafe scalar becomes a visible `\u{…}` escape (ESC shows as
    /// `\u{1B}`), so the text stays readable and inert. Tabs and newlines become spaces.
    public static func line(_ text: String) -> String {
        // One byte scan (`isPlain`, tested equal to this scalar test) instead of decoding scalars:
        // a listing of every point sanitises some 17 000 cells.
        guard !isPlain(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                out.append(" ")
            } else if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Multi-line text (a standard's body): like `line`, but newlines are kept.
    public static func text(_ text: String) -> String {
        // Most text has nothing to escape: one scan instead of splitting it into lines.
        guard !isPlain(text, allowingLineFeeds: true) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }.joined(separator: "\n")
    }

    /// The first unsafe scalar in `text` and its offset in Unicode scalars, for validation messages.
    public static func firstUnsafe(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        if isPlain(text) { return nil }
        var offset = 0
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { return (scalar, offset) }
            offset += 1
        }
        return nil
    }

    /// True when `text` holds no unsafe scalar and no NUL, judged from its UTF-8 bytes alone (a
    /// line feed is allowed when `allowingLineFeeds`): no byte below 0x20, no DEL, no C1 control
    /// (0xC2 0x80–0x9F), none of the bidi and zero-width marks (0xE2 0x80 0x8B–0x8F or 0xA8–0xAE,
    /// 0xE2 0x81 0xA6–0xA9) and no U+FEFF (0xEF 0xBB 0xBF). Validation uses it to skip the
    /// scalar-by-scalar walk for the usual text; `firstUnsafe` walks only text that is not plain.
    public static func isPlain(_ text: String, allowingLineFeeds: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            // The bytes are well-formed UTF-8, so a lead byte has its continuation bytes.
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if !(allowingLineFeeds && b == 0x0A) { return false }
                } else if b == 0x7F {
                    return false
                } else if b == 0xC2 {
                    if i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { return false }
                } else if b == 0xE2, i + 2 < n {
                    let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                    if b1 == 0x80 && ((0x8B...0x8F).contains(b2) || (0xA8...0xAE).contains(b2)) { return false }
                    if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return false }
                } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                    return false
                }
                i += 1
            }
            return true
        }
    }
}
