/// One colour per domain, in catalogue order, as xterm-256 numbers for the terminal and the same
/// colours in hex for SVG. Chosen to stay apart for the common colour-vision deficiencies
/// (after Okabe and Ito) and to read on dark and light backgrounds.
public enum DomainPalette {
    /// xterm-256 colour numbers.
    public static let xterm: [Int16] = [214, 74, 36, 166, 175, 25, 178, 137, 98]
    /// The same colours in hex (the xterm-256 cube values).
    public static let hex: [String] = ["#ffaf00", "#5fafd7", "#00af87", "#d75f00", "#d787af",
                                       "#005faf", "#d7af00", "#af875f", "#875fd7"]

    /// The hex colour of a domain index; grey for an unknown or tenth domain.
    public static func hexColour(domainIndex: Int) -> String {
        hex.indices.contains(domainIndex) ? hex[domainIndex] : "#808080"
    }

    /// The character that stands for a domain's point where colour is not available: digits
    /// "1"–"9" for reference data, letters "a"–"i" for sample data ("0" / "z" beyond nine), so
    /// sample points stay apart from reference points even in plain text.
    public static func mark(domainIndex: Int, sample: Bool) -> Character {
        guard (0..<9).contains(domainIndex) else { return sample ? "z" : "0" }
        let base = sample ? Unicode.Scalar("a").value : Unicode.Scalar("1").value
        return Character(Unicode.Scalar(base + UInt32(domainIndex)) ?? "0")
    }
}
