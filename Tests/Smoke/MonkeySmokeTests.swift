import Foundation
import Testing

/// Random keys, pastes, escape sequences, mouse reports and resizes (1×1 to 250×80) from a fixed
/// seed, in a real terminal, with and without --mouse, under two terminal types. Asserts that the
/// browser lives until q, never shows raw escape text, answers every keystroke within 50 ms of
/// processor time (its own log, `FUWU_EVENT_TIMES`), and gives the terminal back.
///
/// CI runs `MonkeySmokeTests.defaultActions` actions a configuration; `FUWU_MONKEY_KEYS=20000`
/// runs a long one and `FUWU_MONKEY_SEED=n` another sequence (docs/reliability.md).
@Suite(.serialized) struct MonkeySmokeTests {
    static let defaultActions = 50
    static let defaultSeed: UInt64 = 0x6675_7775_14B

    static var actions: Int {
        ProcessInfo.processInfo.environment["FUWU_MONKEY_KEYS"].flatMap { Int($0) } ?? defaultActions
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FUWU_MONKEY_SEED"].flatMap { UInt64($0) } ?? defaultSeed
    }

    @Test(arguments: [("xterm-256color", false), ("xterm-256color", true),
                      ("tmux-256color", false), ("tmux-256color", true)])
    func randomInputNeitherEndsNorLeaksNorSlowsTheBrowser(term: String, mouse: Bool) throws {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-monkey-\(getpid())-\(term)-\(mouse).log").path
        try? FileManager.default.removeItem(atPath: log)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try FuwuProgram.session(mouse ? ["--mouse"] : [],
                                              environment: ["TERM": term, "FUWU_EVENT_TIMES": log])
        try session.waitFor("1/9")
        try EventTimes.waitUntilWarm(log)
        var monkey = Monkey(seed: Self.seed &+ (term == "tmux-256color" ? 2 : 0) &+ (mouse ? 1 : 0))
        var size = (width: 80, height: 24)
        for step in 0..<Self.actions {
            let action = monkey.nextAction(size: size)
            switch action {
            case .keys(let keys): try session.send(keys: keys)
            case .text(let text): try session.type(text)
            case .bytes(let bytes): try session.sendBytes(bytes)
            case .resize(let width, let height):
                try session.resize(width: width, height: height)
                size = (width, height)
            }
            let screen = try session.capture()
            let context = "step \(step) (\(action)), seed \(Self.seed), TERM=\(term), mouse \(mouse)"
            try #require(try FuwuProgram.isRunning(in: session), "fuwu ended at \(context); screen:\n\(screen)")
            if let leak = RawEscapeText.first(in: screen) {
                Issue.record("raw escape text \"\(leak)\" on screen at \(context):\n\(screen)")
                break
            }
        }
        // Back to a size that shows the wrapper's report, out of any field, then q.
        try session.resize(width: 80, height: 24)
        try session.waitForStableScreen()
        for _ in 0..<3 {
            try session.send("Escape")
            try session.waitForStableScreen()
        }
        #expect(try FuwuProgram.isRunning(in: session))
        try session.send("q")
        #expect(try FuwuProgram.exitReport(session) == "EXIT=0 MODES: icanon echo")
        #expect(try session.format("#{cursor_flag} #{alternate_on} #{mouse_any_flag} #{keypad_cursor_flag}") == "1 0 0 0",
                "cursor visible, normal screen, no mouse, cursor keys normal")
        let times = try EventTimes(contentsOf: log)
        print("monkey TERM=\(term) mouse=\(mouse): \(Self.actions) actions, \(times.keys.count) keystrokes; slowest "
              + "\(times.slowestKey); slowest event \(times.slowestProcessorMilliseconds) ms processor")
        #expect(times.keys.count > Self.actions / 2)
        #expect(times.slowestKeyProcessorMilliseconds < EventTimes.budgetMilliseconds, "slowest: \(times.slowestKey)")
    }
}

/// Raw escape text as it would look had a sequence been typed into the screen: `^[`, `\e[`,
/// `[4~`, `[1;5H`, `[<0;1;1M`. The monkey never types `[`, `~`, `^`, `<` or `;` itself.
enum RawEscapeText {
    static let patterns = [#"\^\["#, #"\\e\["#, #"\\u\{1B\}"#, #"\[[0-9;]*[~^$@]"#, #"\[<[0-9]"#,
                           #"\[[0-9]+;[0-9]+[A-Za-z]"#, #"\[\[[A-E]"#]

    /// The first piece of raw escape text in `screen`, or nil.
    static func first(in screen: String) -> String? {
        for pattern in patterns {
            if let range = screen.range(of: pattern, options: .regularExpression) { return String(screen[range]) }
        }
        return nil
    }
}

/// A seeded source of what a restless user and a noisy terminal send.
struct Monkey {
    enum Action: CustomStringConvertible {
        /// tmux key names.
        case keys([String])
        /// Text typed or pasted.
        case text(String)
        /// Raw bytes: escape sequences and mouse reports.
        case bytes([UInt8])
        case resize(width: Int, height: Int)

        var description: String {
            switch self {
            case .keys(let keys): "keys \(keys.joined(separator: " "))"
            case .text(let text): "text \(text.count) characters \(text.prefix(20).debugDescription)"
            case .bytes(let bytes): "bytes \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            case .resize(let width, let height): "resize \(width)×\(height)"
            }
        }
    }

    /// Keys a person presses. Never q (it quits), Ctrl-C, Ctrl-\ or Ctrl-Z (signals), Ctrl-S or
    /// Ctrl-Q (flow control).
    static let keyNames = [
        "Up", "Down", "Left", "Right", "Home", "End", "PPage", "NPage", "Enter", "Escape", "BSpace", "Tab",
        "BTab", "F1", "DC", "IC", "Space", "j", "k", "g", "G", "h", "l", "i", "/", "w", "n", "N", "t", "1", "2",
        "3", "r", "o", "f", "x", "L", "?", "b", "C-d", "C-u", "C-a", "C-e", "C-h", "C-n", "C-p",
    ]

    /// Characters typed and pasted: Chinese, pinyin letters, digits, wide, ambiguous, combining,
    /// emoji and fullwidth. No q, and none of the characters raw escape text is recognised by.
    static let alphabet: [Character] = Array("福田社区健康服务中心市民地铁站街道莲花香蜜湖abcdefghijklmnoprstuvwxyz0123456789 ·…—é䷀ｓ😀🇨🇳ABCZ/-.,")

    /// Escape sequences of several terminal families, some unknown, some cut short.
    static let sequences = ["[1~", "[4~", "[7~", "[8~", "[1;5H", "[1;2F", "[3~", "[5~", "[6~", "[11~", "[[A", "OH", "OF",
                            "OA", "OB", "[Z", "[200~", "[201~", "[I", "[O", "[2~", "[99~", "[?1;2c", "[1;", "Op", "OM",
                            "[7^", "[8$", "[a", "O5D", "[E", "[", "O"]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private mutating func text(length: Int) -> String {
        String((0..<length).map { _ in Self.alphabet[number(0...(Self.alphabet.count - 1))] })
    }

    mutating func nextAction(size: (width: Int, height: Int)) -> Action {
        switch number(0...99) {
        case 0..<45:
            return .keys((0..<number(1...6)).map { _ in Self.keyNames[number(0...(Self.keyNames.count - 1))] })
        case 45..<62:
            return .text(text(length: number(1...6)))
        case 62..<67:
            // A paste: longer than any field takes.
            return .text(text(length: number(20...300)))
        case 67..<77:
            return .bytes([0x1B] + Array(Self.sequences[number(0...(Self.sequences.count - 1))].utf8))
        case 77..<90:
            // A mouse report, SGR or X10, of any button, inside the terminal.
            let button = [0, 1, 2, 32, 64, 65, 3][number(0...6)]
            let column = number(1...max(1, size.width)), row = number(1...max(1, size.height))
            if number(0...2) == 0 {
                return .bytes([0x1B] + Array("[M".utf8) + [UInt8(32 + button % 96), UInt8(32 + min(column, 94)),
                                                         UInt8(32 + min(row, 94))])
            }
            let end = number(0...1) == 0 ? "M" : "m"
            return .bytes([0x1B] + Array("[<\(button);\(column);\(row)\(end)".utf8))
        default:
            return .resize(width: number(1...250), height: number(1...80))
        }
    }
}
