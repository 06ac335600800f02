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

    // The map. Points take their domain's colour on a 256-colour terminal; elsewhere the cell
    // shows the domain's digit, so colour is never the only cue.
    /// A reference service point of domain 1…9 (bold).
    case domain1 = "1", domain2 = "2", domain3 = "3", domain4 = "4", domain5 = "5"
    case domain6 = "6", domain7 = "7", domain8 = "8", domain9 = "9"
    /// A sample service point of domain 1…9 (dim: sample data stays visibly apart).
    case sample1 = "A", sample2 = "B", sample3 = "C", sample4 = "D", sample5 = "E"
    case sample6 = "G", sample7 = "H", sample8 = "I", sample9 = "J"
    /// A point whose domain is unknown.
    case otherPoint = "0"
    /// District and subdistrict boundaries (dim).
    case mapBoundary = "~"
    /// Shapes another page asks the map to show (uncovered patches).
    case mapOverlay = "x"
    /// The published circles.
    case mapCircle = "o"
    /// The circle of the current radius (bold).
    case mapCurrentCircle = "O"
    /// Where distances are measured from (bold).
    case mapOrigin = "@"

    /// The style of a service point on the map: its domain (0-based; -1 unknown) and whether it is sample data.
    public static func mapPoint(domainIndex: Int, sample: Bool) -> Style {
        let reference: [Style] = [.domain1, .domain2, .domain3, .domain4, .domain5, .domain6, .domain7, .domain8, .domain9]
        let samples: [Style] = [.sample1, .sample2, .sample3, .sample4, .sample5, .sample6, .sample7, .sample8, .sample9]
        guard reference.indices.contains(domainIndex) else { return .otherPoint }
        return sample ? samples[domainIndex] : reference[domainIndex]
    }

    /// The domain (0-based) of a map point style, or nil for other styles.
    public var mapDomainIndex: Int? {
        switch self {
        case .domain1, .sample1: 0
        case .domain2, .sample2: 1
        case .domain3, .sample3: 2
        case .domain4, .sample4: 3
        case .domain5, .sample5: 4
        case .domain6, .sample6: 5
        case .domain7, .sample7: 6
        case .domain8, .sample8: 7
        case .domain9, .sample9: 8
        default: nil
        }
    }

    /// True for the styles of sample points.
    public var isSamplePoint: Bool {
        switch self {
        case .sample1, .sample2, .sample3, .sample4, .sample5, .sample6, .sample7, .sample8, .sample9: true
        default: false
        }
    }
}
