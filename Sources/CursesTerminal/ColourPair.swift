import ServiceMap

/// The colour pairs the browser defines: a foreground (ANSI colour number) on the terminal's own
/// background. Pair numbers start at 1; 0 is the terminal's default pair.
public enum ColourPair: Int16, Sendable, CaseIterable {
    case heading = 1
    case match = 2
    case warning = 3
    case accent = 4
    case border = 5
    /// The map's domain colours (256-colour terminals only; `DomainPalette.xterm`).
    case domain1 = 6, domain2, domain3, domain4, domain5, domain6, domain7, domain8, domain9

    /// The pairs every colour terminal gets.
    public static let basic: [ColourPair] = [.heading, .match, .warning, .accent, .border]
    /// The pairs of the map's domains, in catalogue order.
    public static let domains: [ColourPair] = [.domain1, .domain2, .domain3, .domain4, .domain5, .domain6,
                                               .domain7, .domain8, .domain9]

    /// The ANSI foreground colour number (0 black … 7 white) of the pair.
    public var foreground: Int16 {
        switch self {
        case .heading: 6    // cyan
        case .match: 3      // yellow
        case .warning: 1    // red
        case .accent: 4     // blue; under reverse video it becomes the background
        case .border: 4     // blue
        default: DomainPalette.xterm[Int(rawValue) - Int(ColourPair.domain1.rawValue)]
        }
    }
}
