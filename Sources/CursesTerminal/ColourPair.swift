/// The colour pairs the browser defines: a foreground (ANSI colour number) on the terminal's own
/// background. Pair numbers start at 1; 0 is the terminal's default pair.
public enum ColourPair: Int16, Sendable, CaseIterable {
    case heading = 1
    case match = 2
    case warning = 3
    case accent = 4
    case border = 5

    /// The ANSI foreground colour number (0 black … 7 white) of the pair.
    public var foreground: Int16 {
        switch self {
        case .heading: 6    // cyan
        case .match: 3      // yellow
        case .warning: 1    // red
        case .accent: 4     // blue; under reverse video it becomes the background
        case .border: 4     // blue
        }
    }
}
