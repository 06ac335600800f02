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

    /// The digit that stands for a domain where colour is not available ("1"–"9"; "0" beyond).
    public static func digit(domainIndex: Int) -> Character {
        (0..<9).contains(domainIndex) ? Character(String(domainIndex + 1)) : "0"
    }
}
