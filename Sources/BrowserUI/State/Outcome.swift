/// What must happen after a command or event has been applied.
public enum Outcome: Sendable, Hashable {
    /// Draw the next frame.
    case redraw
    /// Leave the browser.
    case quit
}
