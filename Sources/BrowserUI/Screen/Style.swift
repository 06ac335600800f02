/// What a cell means, not what colour it is: the terminal maps styles to its palette, and every
/// style also has a non-colour cue (reverse, bold, underline) so NO_COLOR loses nothing.
public enum Style: Character, Sendable, Hashable, CaseIterable {
    case normal = "."
    /// Titles and headings (bold).
    case title = "T"
    /// The selected row (reverse video).
    case selected = "S"
    /// Secondary text such as counts and ids (dim).
    case dim = "d"
    /// Matched characters in search results (bold + underline).
    case match = "M"
    /// Borders and separators.
    case border = "b"
    /// The key bar at the bottom.
    case keyBar = "K"
    /// Key names inside the key bar (reverse).
    case key = "k"
    /// Warnings, e.g. sample-data badges and errors (bold).
    case warning = "W"
    /// The status line (reverse).
    case status = "s"
    /// A text field being edited (underline).
    case field = "F"
}
