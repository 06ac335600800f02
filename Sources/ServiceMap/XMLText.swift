import ChineseText

/// Text made safe for XML: catalogue text is untrusted, and XML 1.0 forbids most control
/// characters even as character references, so controls, DEL, bidi and format characters are
/// first shown as visible `\u{…}` escapes (as everywhere else in fuwu), the non-characters
/// U+FFFE/U+FFFF become U+FFFD, and markup characters become entities.
public enum XMLText {
    /// Text for element content and attribute values (double-quoted).
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in Sanitiser.line(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                // Sanitiser.line already made every C0/C1 control visible; this is the last guard.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
