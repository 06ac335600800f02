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
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
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
        guard text.unicodeScalars.contains(where: { $0 != "\n" && isUnsafe($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }.joined(separator: "\n")
    }

    /// The first unsafe scalar in `text` and its offset in Unicode scalars, for validation messages.
    public static func firstUnsafe(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        var offset = 0
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { return (scalar, offset) }
            offset += 1
        }
        return nil
    }
}
