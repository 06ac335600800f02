/// A double-quoted string with backslash escapes, the form JSON strings and TOML basic strings
/// share: `"` and `\` escaped, line feed, tab and carriage return by letter, and the scalars a
/// caller names as `\uXXXX`. JSON for the catalogue, JSON for the terminal and TOML mappings differ
/// only in those choices (`Rules`), so they share this one writer.
public enum QuotedString {
    /// What a format escapes beyond the common letters.
    public struct Rules: Sendable {
        /// Backspace and form feed as `\b` and `\f` (JSON) rather than `\u` escapes.
        public var backspaceAndFormFeedByLetter: Bool
        /// Upper-case hex digits in `\u` escapes.
        public var upperCaseHex: Bool
        /// The scalars (other than the letter escapes) written as `\u` escapes.
        public var escapes: @Sendable (Unicode.Scalar) -> Bool

        public init(backspaceAndFormFeedByLetter: Bool, upperCaseHex: Bool, escapes: @escaping @Sendable (Unicode.Scalar) -> Bool) {
            self.backspaceAndFormFeedByLetter = backspaceAndFormFeedByLetter
            self.upperCaseHex = upperCaseHex
            self.escapes = escapes
        }
    }

    /// Appends `text`, quoted by `rules`, to `out`.
    public static func append(_ text: String, to out: inout String, rules: Rules) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}" where rules.backspaceAndFormFeedByLetter: out += "\\b"
            case "\u{0C}" where rules.backspaceAndFormFeedByLetter: out += "\\f"
            default:
                if rules.escapes(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: rules.upperCaseHex)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `text` quoted by `rules`.
    public static func quoted(_ text: String, rules: Rules) -> String {
        var out = ""
        append(text, to: &out, rules: rules)
        return out
    }
}
