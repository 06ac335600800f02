import BrowserUI
import CNcursesw

/// Turns what ncurses read into browser events: a pure function, so every key is tested.
public enum InputDecoder {
    /// Lines the view scrolls for one notch of the wheel (what terminals themselves use).
    public static let linesPerWheelNotch = 3

    /// The event for one raw input, or nil when the input means nothing to the browser.
    public static func event(for input: RawInput) -> TerminalEvent? {
        switch input {
        case .character(let code):
            return characterKey(code).map { .key($0) }
        case .keyCode(let code):
            return functionKey(code).map { .key($0) }
        case .mouse(let buttons, let row, let column):
            if buttons.contains(.wheelUp) {
                return .scroll(lines: -linesPerWheelNotch, row: row, column: column)
            }
            if buttons.contains(.wheelDown) {
                return .scroll(lines: linesPerWheelNotch, row: row, column: column)
            }
            if buttons.contains(.primary) { return .click(row: row, column: column) }
            return nil
        case .resize(let width, let height):
            return .resize(width: width, height: height)
        case .nothing:
            return nil
        case .end:
            return .end
        }
    }

    /// Failed reads in a row, with the terminal still there, after which input counts as ended
    /// (a terminal that fails every read would otherwise spin the processor for ever).
    public static let failedReadLimit = 1000

    /// What a failed read (`get_wch` returned ERR) means: the end only when the terminal is gone
    /// or reads keep failing; otherwise nothing, and the browser reads again. ncurses returns
    /// ERR after a resize that interrupts it while it discards a mouse report it was not asked
    /// for (a right-button press), and ending there would quit the browser without a word.
    public static func afterFailedRead(inputGone: Bool, failuresInARow: Int) -> RawInput {
        inputGone || failuresInARow >= failedReadLimit ? .end : .nothing
    }

    /// The key for a character code from `get_wch`, which delivers control keys as C0 codes.
    static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0, 28...31, 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// The key for a function-key code (KEY_*) from `get_wch`.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
