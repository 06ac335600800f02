import BrowserUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `Terminal` over ncursesw: wide-character drawing, key and mouse input, and a terminal that
/// is put back as it was on every exit path, signals included.
public final class CursesTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    private let options: CursesTerminalOptions
    private let colourActive: Bool
    /// True when the terminal has 256 colours and the map's domain colours are defined.
    public let domainColours: Bool
    private var screenHandle: OpaquePointer?
    /// Whether the hardware cursor is shown now (nil before the first frame).
    private var cursorShown: Bool?
    /// Inputs read ahead while looking at an escape sequence, to be handled next.
    private var replay: [RawInput] = []
    /// Failed reads in a row (see `InputDecoder.afterFailedRead`).
    private var failedReads = 0
    /// The locale LC_CTYPE was switched to because the user's was not UTF-8, if any.
    public let switchedLocale: String?

    /// Takes over the terminal, or throws a `CursesTerminalError` (before touching the screen)
    /// when it cannot show the browser.
    public init(options: CursesTerminalOptions = CursesTerminalOptions(),
                term: String? = nil) throws(CursesTerminalError) {
        let termName = term ?? getenv("TERM").map { String(cString: $0) }
        if let refusal = TerminalReadiness.refusal(term: termName,
                                                   standardInputIsTerminal: isatty(0) == 1,
                                                   standardOutputIsTerminal: isatty(1) == 1) {
            throw refusal
        }
        switchedLocale = try LocaleSetup.prepare()
        TerminalRestore.saveState(fileDescriptor: 1)
        // newterm rather than initscr: initscr exits the process when the terminal is unknown.
        guard let screen = fuwu_newterm(nil) else {
            throw .unknownTerminal(term: termName ?? "")
        }
        guard fuwu_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw .unknownTerminal(term: termName ?? "")
        }
        screenHandle = screen
        self.options = options
        fuwu_input_mode()
        var colour = false, domainColours = false
        if options.colour, fuwu_start_colour() != 0 {
            for pair in ColourPair.basic { fuwu_define_pair(pair.rawValue, pair.foreground) }
            colour = true
            if fuwu_colour_count() >= 256 {
                for pair in ColourPair.domains { fuwu_define_pair(pair.rawValue, pair.foreground) }
                domainColours = true
            }
        }
        colourActive = colour
        self.domainColours = domainColours
        if options.mouse { fuwu_mouse(1) }
        TerminalRestore.arm(mouse: options.mouse)
        size = (Int(fuwu_columns()), Int(fuwu_lines()))
    }

    deinit { close() }

    /// Gives the terminal back: mouse off, endwin, saved modes restored. Safe to call twice.
    public func close() {
        guard let screen = screenHandle else { return }
        screenHandle = nil
        if options.mouse { fuwu_mouse(0) }
        endwin()
        TerminalRestore.disarm()
        delscreen(screen)
    }

    /// Draws every cell (continuation halves of wide characters are drawn by their left half)
    /// and lets ncurses send only the differences.
    public func present(_ screen: Screen) {
        guard screenHandle != nil else { return }
        let rows = min(screen.height, size.height)
        let columns = min(screen.width, size.width)
        var appearances: [Style: (bits: UInt32, pair: Int16)] = [:]
        for style in Style.allCases {
            let appearance = CellAppearance.of(style, colour: colourActive, domainColours: domainColours)
            appearances[style] = (appearance.attributes.rawValue, appearance.pair?.rawValue ?? 0)
        }
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = screen[row, column]
                guard let character = cell.character else { continue }
                let look = appearances[cell.style] ?? (0, 0)
                var scalars = character.unicodeScalars.makeIterator()
                // Views sanitise text through Screen.put; a control scalar that got into a cell
                // some other way still never reaches the terminal.
                let first = Self.drawable(scalars.next()?.value ?? 32)
                let screenColumns = column + 1 < screen.width && screen[row, column + 1].character == nil ? 2 : 1
                let libraryColumns = Int(fuwu_wcwidth(first))
                if let standIn = GlyphStandIn.replacement(for: character, columns: screenColumns,
                                                          libraryColumns: libraryColumns) {
                    for (offset, scalar) in standIn.unicodeScalars.enumerated() where column + offset < columns {
                        _ = fuwu_put_cell(Int32(row), Int32(column + offset), scalar.value, 0, 0, 0,
                                          look.bits, look.pair)
                    }
                    continue
                }
                let second = Self.drawableCombining(scalars.next()?.value ?? 0)
                let third = second == 0 ? 0 : Self.drawableCombining(scalars.next()?.value ?? 0)
                let fourth = third == 0 ? 0 : Self.drawableCombining(scalars.next()?.value ?? 0)
                _ = fuwu_put_cell(Int32(row), Int32(column), first, second, third, fourth,
                                  look.bits, look.pair)
            }
        }
        if let cursor = screen.cursor, cursor.row < rows, cursor.column < columns {
            fuwu_place_cursor(Int32(cursor.row), Int32(cursor.column))
            cursorShown = true
        } else if cursorShown != false {
            fuwu_place_cursor(-1, 0)
            cursorShown = false
        }
        refresh()
        if !screen.hyperlinks.isEmpty { write(OSCSequence.hyperlinks(screen.hyperlinks, in: screen)) }
    }

    /// Sends OSC 52 (set the clipboard); terminals that do not allow it ignore it.
    public func copyToClipboard(_ text: String) {
        guard screenHandle != nil else { return }
        write(OSCSequence.clipboard(text))
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// A spacing scalar safe to draw: C0/C1 controls and DEL become U+FFFD.
    static func drawable(_ value: UInt32) -> UInt32 {
        value < 0x20 || (0x7F...0x9F).contains(value) ? 0xFFFD : value
    }

    /// A combining scalar safe to draw, or 0 (end of the cell) for a control.
    static func drawableCombining(_ value: UInt32) -> UInt32 {
        value < 0x20 || (0x7F...0x9F).contains(value) ? 0 : value
    }

    /// Blocks until a key, a mouse report, a resize or the end of input.
    public func nextEvent() -> TerminalEvent {
        guard screenHandle != nil else { return .end }
        while true {
            let raw = replay.isEmpty ? read(withinMilliseconds: nil) : replay.removeFirst()
            if raw == .character(27) {
                if let event = readEscapeSequence() { return event }
                continue
            }
            if let event = InputDecoder.event(for: raw) { return event }
        }
    }

    /// How long to wait for each further character of an escape sequence (ncurses' ESCDELAY).
    static let sequencePauseMilliseconds: Int32 = 25

    /// Reads what follows an ESC that ncurses handed over as a character: a key sequence
    /// terminfo does not list, some other sequence to swallow, or nothing (the Escape key).
    private func readEscapeSequence() -> TerminalEvent? {
        var parser = EscapeSequenceParser()
        // ncurses has already waited ESCDELAY before handing over a lone ESC; the rest of a
        // sequence it could not match is in its buffer.
        var wait: Int32 = 0
        while true {
            let raw = read(withinMilliseconds: wait)
            wait = Self.sequencePauseMilliseconds
            guard case .character(let code) = raw else {
                if raw != .nothing { replay.append(raw) }
                return parser.interrupted().map { .key($0) }
            }
            switch parser.feed(code) {
            case .incomplete:
                continue
            case .complete(let key):
                return key.map { .key($0) }
            case .escapeThen(let code):
                replay.append(.character(code))
                return .key(.escape)
            case .brokenThen(let code):
                replay.append(.character(code))
                return nil
            }
        }
    }

    /// One input from ncurses: blocking, or waiting at most `milliseconds` (`.nothing` when
    /// nothing came).
    private func read(withinMilliseconds milliseconds: Int32?) -> RawInput {
        var code: UInt32 = 0
        var error: Int32 = 0
        let result = milliseconds.map { fuwu_read_within(&code, &error, $0) } ?? fuwu_read(&code, &error)
        if result == OK {
            failedReads = 0
            return .character(code)
        }
        if result == KEY_CODE_YES {
            failedReads = 0
            let key = Int32(bitPattern: code)
            if key == KEY_RESIZE {
                size = (Int(fuwu_columns()), Int(fuwu_lines()))
                return .resize(width: size.width, height: size.height)
            }
            if key == KEY_MOUSE {
                var row: Int32 = 0, column: Int32 = 0, buttons: UInt32 = 0
                guard fuwu_read_mouse(&row, &column, &buttons) != 0 else { return .nothing }
                return .mouse(buttons: MouseButtons(rawValue: buttons), row: Int(row), column: Int(column))
            }
            return .keyCode(key)
        }
        if milliseconds != nil || error == EINTR { return .nothing }
        failedReads += 1
        return InputDecoder.afterFailedRead(inputGone: fuwu_input_gone() != 0, failuresInARow: failedReads)
    }
}

extension CursesTerminal {
    /// Why the browser cannot start here (not a terminal, dumb TERM), checked without touching
    /// the terminal; nil when it may try.
    public static func refusal(term: String? = nil) -> CursesTerminalError? {
        TerminalReadiness.refusal(term: term ?? getenv("TERM").map { String(cString: $0) },
                                  standardInputIsTerminal: isatty(0) == 1,
                                  standardOutputIsTerminal: isatty(1) == 1)
    }
}
