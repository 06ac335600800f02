import Foundation
import Testing

/// Input a terminal sends that terminfo does not describe, in a real terminal (tmux): key
/// sequences of other terminal families, mouse buttons the browser did not ask for, and long
/// pastes into text fields.
@Suite(.serialized) struct InputSmokeTests {
    private static let escape: UInt8 = 0x1B

    private func bytes(_ text: String) -> [UInt8] { [Self.escape] + Array(text.utf8) }

    /// The line of the find box (the first screen line that holds the prompt 搜索).
    private func findLine(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("搜索：") }.map(String.init) ?? ""
    }

    /// Under TERM=xterm-256color (whose terminfo says Home and End are `\eOH` and `\eOF`) the
    /// VT220 forms `\e[1~` and `\e[4~` that tmux and others send still move the caret: nothing
    /// is typed, and End does not close the find box.
    @Test func vt220HomeAndEndMoveTheCaretInTheFindBoxWhateverTermSays() throws {
        let session = try FuwuProgram.session(environment: ["TERM": "xterm-256color"])
        try session.waitFor("1/9")
        try session.send("/")
        try session.type("社康")
        try session.waitUntil("the find box with 社康") { findLine($0).contains("社康") }
        try session.sendBytes(bytes("[1~"))
        try session.type("x")
        try session.sendBytes(bytes("[4~"))
        try session.type("y")
        let screen = try session.waitUntil("x at the start and y at the end") { findLine($0).contains("x社康y") }
        #expect(!screen.contains("[1~") && !screen.contains("[4~"))
        // Other sequences: modified Home, rxvt End, an unknown one, a focus event: no text, no exit.
        for sequence in ["[1;5H", "[8~", "[99~", "[I", "[200~"] { try session.sendBytes(bytes(sequence)) }
        try session.type("z")
        let after = try session.waitUntil("z at the end") { findLine($0).contains("x社康yz") }
        #expect(!after.contains("~") && !after.contains("[I"), "\(after)")
        try session.send("Escape")
        try session.waitUntil("the domains again") { !$0.contains("搜索：") }
        try session.send("q")
        #expect(try FuwuProgram.exitReport(session) == "EXIT=0 MODES: icanon echo")
    }

    /// A right or middle press (which the browser does not ask for) and then a resize, in both
    /// mouse encodings: the browser goes on, redraws at the new size, and ends only at q. (Before
    /// the fix, ncurses' failed read after the press ended the browser with status 0.)
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func aRightPressThenAResizeDoesNotEndTheMouseBrowser(term: String) throws {
        let session = try FuwuProgram.session(["--mouse"], environment: ["TERM": term])
        try session.waitFor("1/9")
        let presses: [(String, [UInt8])] = [
            ("SGR right", bytes("[<2;10;5M")), ("SGR middle", bytes("[<1;10;5M")),
            ("X10 right", bytes("[M") + [32 + 2, 42, 37]),
        ]
        for (index, (name, press)) in presses.enumerated() {
            try session.sendBytes(press)
            let width = 61 + index
            try session.resize(width: width, height: 20)
            try session.waitForFormat("#{pane_width}x#{pane_height}", toBe: "\(width)x20")
            try session.send("j")
            try session.waitUntil("the browser on row \(index + 2) after a \(name) press and a resize") {
                $0.contains("\(index + 2)/9")
            }
            #expect(try FuwuProgram.isRunning(in: session), "fuwu ended after a \(name) press and a resize")
        }
        try session.send("q")
        #expect(try FuwuProgram.exitReport(session) == "EXIT=0 MODES: icanon echo")
    }

    /// A paste of 400 characters into "where I am": the field keeps 100 and says so, every
    /// keystroke is answered quickly (the browser's own log), and q is answered at once.
    @Test func aLongPasteIntoThePlacePickerStaysFastAndIsCutAtTheLimit() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-paste-\(getpid()).log").path
        try? FileManager.default.removeItem(atPath: log)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try FuwuProgram.session(environment: ["FUWU_EVENT_TIMES": log])
        try session.waitFor("1/9")
        try EventTimes.waitUntilWarm(log)
        // With no origin yet, w opens "where I am" at once.
        try session.send("w")
        try session.waitFor("我在：")
        try session.type(String(repeating: "福", count: 200) + String(repeating: "a", count: 200))
        try session.waitFor("此处最多输入 100 个字符")
        try session.send("Escape")
        try session.waitUntil("the picker closed") { !$0.contains("我在：") }
        try session.send("q")
        #expect(try FuwuProgram.exitReport(session) == "EXIT=0 MODES: icanon echo")
        let times = try EventTimes(contentsOf: log)
        #expect(times.keys.count >= 400)
        #expect(times.slowestKeyProcessorMilliseconds < EventTimes.budgetMilliseconds, "slowest: \(times.slowestKey)")
    }
}
