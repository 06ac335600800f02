import BrowserUI

/// Reads the characters that follow an ESC which ncurses could not match to a key (terminfo
/// does not list every sequence a terminal sends: tmux's `\e[4~` for End under
/// TERM=xterm-256color, rxvt's `\e[7~` for Home, modified keys such as `\e[1;5H`).
///
/// The common xterm, VT220, rxvt and Linux-console key sequences become keys whatever TERM
/// says; any other complete control sequence (mouse reports nobody asked for, focus events,
/// bracketed-paste markers) is swallowed whole, so no part of it is ever typed as text.
/// A pure state machine: feed it one character code at a time.
public struct EscapeSequenceParser: Sendable, Equatable {
    /// What the parser made of the characters so far.
    public enum Step: Sendable, Equatable {
        /// A sequence has begun and is not finished: feed the next character.
        case incomplete
        /// The sequence is complete: the key it means, or nil when it means nothing to the browser.
        case complete(Key?)
        /// What followed ESC starts no sequence: ESC was the Escape key, and the character
        /// must be read again as ordinary input (Alt+x arrives as Escape, then x).
        case escapeThen(UInt32)
        /// A character that cannot be part of a sequence broke it off: what was read is
        /// swallowed, and the character must be read again as ordinary input.
        case brokenThen(UInt32)
    }

    /// The longest sequence read before giving up and swallowing it (real ones are under 20).
    public static let maximumLength = 32

    /// The characters after ESC so far.
    public private(set) var characters: [UInt32] = []
    /// Characters still owed after `\e[M`: an X10 mouse report carries three raw bytes.
    private var rawBytesOwed: Int?

    public init() {}

    /// Takes the next character after ESC.
    public mutating func feed(_ code: UInt32) -> Step {
        if let owed = rawBytesOwed {
            characters.append(code)
            rawBytesOwed = owed - 1
            return owed == 1 ? finish(nil) : .incomplete
        }
        guard let introducer = characters.first else {
            // ESC [ (CSI) and ESC O (SS3) start sequences; anything else was typed after Escape.
            guard code == 0x5B || code == 0x4F else { return .escapeThen(code) }
            characters.append(code)
            return .incomplete
        }
        // A control character, another ESC or a non-ASCII character cannot be part of a
        // sequence: what was read is swallowed and the character is read again.
        guard (0x20...0x7E).contains(code) else {
            characters = []
            return .brokenThen(code)
        }
        characters.append(code)
        if characters.count > Self.maximumLength { return finish(nil) }
        let body = Array(characters.dropFirst())
        if introducer == 0x4F { return ss3(body) }
        return csi(body)
    }

    /// Input paused or something other than a character arrived before the sequence finished:
    /// the Escape key when nothing followed ESC, else nil (a broken sequence is swallowed).
    public mutating func interrupted() -> Key? {
        defer { characters = []; rawBytesOwed = nil }
        return characters.isEmpty ? .escape : nil
    }

    private mutating func finish(_ key: Key?) -> Step {
        characters = []
        rawBytesOwed = nil
        return .complete(key)
    }

    /// ESC O: an optional modifier (digits and `;`, some terminals send `\eO5A`), then the final.
    private mutating func ss3(_ body: [UInt32]) -> Step {
        guard let last = body.last else { return .incomplete }
        if (0x30...0x3B).contains(last) { return .incomplete }
        return finish(Self.ss3Key(last))
    }

    /// ESC [: parameter bytes, intermediate bytes, then a final byte (ECMA-48), with the
    /// exceptions of the Linux console (`\e[[A` for F1), rxvt (`\e[7$`, `\e[7^`, `\e[7@` for
    /// modified keys) and X10 mouse reports (`\e[M` and three raw bytes).
    private mutating func csi(_ body: [UInt32]) -> Step {
        guard let last = body.last else { return .incomplete }
        if body.first == 0x5B {
            // Linux console: ESC [ [ A … E are F1 … F5.
            guard body.count == 2 else { return .incomplete }
            return finish((0x41...0x45).contains(last) ? .function(Int(last - 0x40)) : nil)
        }
        let parameters = body.dropLast()
        let plainNumbers = parameters.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x3B }
        if (0x30...0x3F).contains(last) { return .incomplete }
        if (0x20...0x2F).contains(last) {
            // rxvt ends Shift-modified keys with `$`, an intermediate byte in ECMA-48.
            if last == 0x24, !parameters.isEmpty, plainNumbers {
                return finish(Self.tildeKey(parameters))
            }
            return .incomplete
        }
        if last == 0x4D, parameters.isEmpty {
            rawBytesOwed = 3
            return .incomplete
        }
        guard plainNumbers else { return finish(nil) }
        switch last {
        case 0x7E, 0x5E, 0x40: return finish(Self.tildeKey(parameters))
        default: return finish(Self.letterKey(last))
        }
    }

    /// The number before the first `;` of a parameter list, if any.
    private static func firstNumber(_ parameters: ArraySlice<UInt32>) -> Int? {
        var value: Int?
        for code in parameters {
            if code == 0x3B { break }
            value = (value ?? 0) * 10 + Int(code - 0x30)
            if value ?? 0 > 10_000 { return nil }
        }
        return value
    }

    /// VT220 and rxvt keys ending in `~` (or rxvt's `^`, `$`, `@`), by their number.
    static func tildeKey(_ parameters: ArraySlice<UInt32>) -> Key? {
        switch firstNumber(parameters) {
        case 1, 7: .home            // VT220 Find / xterm and tmux Home; rxvt Home
        case 4, 8: .end             // VT220 Select / xterm and tmux End; rxvt End
        case 3: .delete
        case 5: .pageUp
        case 6: .pageDown
        case 11: .function(1)
        case 12: .function(2)
        case 13: .function(3)
        case 14: .function(4)
        case 15: .function(5)
        case 17: .function(6)
        case 18: .function(7)
        case 19: .function(8)
        case 20: .function(9)
        case 21: .function(10)
        case 23: .function(11)
        case 24: .function(12)
        // Insert (2), bracketed-paste markers (200, 201) and the rest mean nothing here.
        default: nil
        }
    }

    /// xterm keys ending in a letter after ESC [ (`\e[A`, `\e[1;5H`, `\e[Z`); modifiers are
    /// ignored, so Ctrl-Home is Home. rxvt's lower-case a–d are Shift-arrows.
    static func letterKey(_ final: UInt32) -> Key? {
        // Keypad centre (E, G), focus in and out (I, O), SGR mouse (M, m) and the rest: nothing.
        final == 0x5A ? .backTab : cursorKey(final)
    }

    /// The final letters that ESC [ and ESC O share: arrows (rxvt's a–d too), Home, End, F1–F4.
    private static func cursorKey(_ final: UInt32) -> Key? {
        switch final {
        case 0x41, 0x61: .up
        case 0x42, 0x62: .down
        case 0x43, 0x63: .right
        case 0x44, 0x64: .left
        case 0x48: .home
        case 0x46: .end
        case 0x50: .function(1)
        case 0x51: .function(2)
        case 0x52: .function(3)
        case 0x53: .function(4)
        default: nil
        }
    }

    /// Keys after ESC O: cursor keys in application mode, F1–F4, and the application keypad,
    /// whose digits and operators are typed as characters.
    static func ss3Key(_ final: UInt32) -> Key? {
        if let key = cursorKey(final) { return key }
        return switch final {
        case 0x4D: .enter
        case 0x70...0x79: .character(Character(Unicode.Scalar(UInt8(final - 0x70 + 0x30))))
        case 0x6A: .character("*")
        case 0x6B: .character("+")
        case 0x6C: .character(",")
        case 0x6D: .character("-")
        case 0x6E: .character(".")
        case 0x6F: .character("/")
        case 0x58: .character("=")
        default: nil
        }
    }
}
