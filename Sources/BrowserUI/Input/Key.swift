/// A key press, decoded from whatever the terminal sent.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower case (`.control("d")` for Ctrl-D).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
}

/// Something that happened at the terminal.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// A mouse click (button 1) at a cell.
    case click(row: Int, column: Int)
    /// The wheel turned: negative is up.
    case scroll(lines: Int, row: Int, column: Int)
    /// The terminal changed size; the next frame must be drawn at the new size.
    case resize(width: Int, height: Int)
    /// Input ended (the terminal went away); the browser quits.
    case end
}
