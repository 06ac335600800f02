/// The one impure edge of the browser: something that shows screens and delivers events.
/// `CursesTerminal` implements it over ncurses; tests use a scripted terminal.
public protocol Terminal: AnyObject {
    /// The current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (only differences need reach the real terminal).
    func present(_ screen: Screen)
    /// Blocks until the next event.
    func nextEvent() -> TerminalEvent
    /// Asks the terminal to put text on the clipboard (OSC 52); it may ignore the request.
    func copyToClipboard(_ text: String)
}

extension Terminal {
    /// Terminals that cannot copy ignore the request.
    public func copyToClipboard(_ text: String) {}
}
