/// How the curses terminal presents screens and which input it asks the terminal for.
public struct CursesTerminalOptions: Sendable, Equatable {
    /// Use colour pairs as well as attributes (never the only cue).
    public var colour: Bool
    /// Ask for mouse clicks and wheel reports (this takes over the terminal's own selection).
    public var mouse: Bool

    public init(colour: Bool = true, mouse: Bool = false) {
        self.colour = colour
        self.mouse = mouse
    }

    /// Options from the command line and the environment: colour unless `--no-color` was given or
    /// NO_COLOR is set to any value.
    public static func resolved(noColorFlag: Bool, mouse: Bool, environment: [String: String]) -> Self {
        Self(colour: !noColorFlag && environment["NO_COLOR"] == nil, mouse: mouse)
    }
}
