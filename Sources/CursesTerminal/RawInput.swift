/// One input as ncurses reported it, before it means anything to the browser.
public enum RawInput: Sendable, Equatable {
    /// `get_wch` returned OK: a character code.
    case character(UInt32)
    /// `get_wch` returned KEY_CODE_YES: a function-key code such as KEY_UP.
    case keyCode(Int32)
    /// A mouse report read with `getmouse`, as `MouseButtons`.
    case mouse(buttons: MouseButtons, row: Int, column: Int)
    /// KEY_RESIZE, with the size ncurses now reports.
    case resize(width: Int, height: Int)
    /// A read that brought nothing: interrupted, timed out, or an event ncurses dropped (a mouse
    /// button it was not asked for, say); read again.
    case nothing
    /// `get_wch` failed for good (end of input, terminal gone).
    case end
}
