import Foundation
import Testing

/// The browser in a real terminal (tmux), as a person would use it. Each test has its own tmux
/// server on a private socket; screens are awaited by content or stability, never by a sleep.
@Suite(.serialized) struct SmokeTests {
    /// A cache folder shared by these tests (and later runs: the cache is keyed by content and
    /// written atomically) so the catalogue is compiled once.
    static let cacheDirectory: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-smoke-cache", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A failure here shows again, with its message, as the first screen wait that times out.
        try? FuwuProgram.compile(cacheDirectory: folder.path)
        return folder.path
    }()

    private func start(_ arguments: [String] = [], environment: [String: String] = [:],
                       width: Int = 80, height: Int = 24, inputFromNull: Bool = false) throws -> TmuxSession {
        var environment = environment
        environment["FUWU_CACHE_DIR"] = environment["FUWU_CACHE_DIR"] ?? Self.cacheDirectory
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        return try TmuxSession(command: try FuwuProgram.shellLine(arguments: arguments, environment: environment,
                                                                  inputFromNull: inputFromNull),
                               width: width, height: height)
    }

    /// Waits for the wrapper's report and returns its line, e.g. `EXIT=0 MODES: icanon echo`.
    private func exitReport(_ session: TmuxSession) throws -> String {
        let screen = try session.waitFor("MODES:")
        return screen.split(separator: "\n").first { $0.hasPrefix("EXIT=") }.map(String.init) ?? ""
    }

    /// Asserts the terminal is as the shell left it: line editing and echo on, the cursor
    /// visible, the normal screen, no mouse reporting.
    private func expectRestored(_ session: TmuxSession, report: String, status: Int,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(report == "EXIT=\(status) MODES: icanon echo", sourceLocation: sourceLocation)
        #expect(try session.format("#{cursor_flag} #{alternate_on} #{mouse_any_flag} #{keypad_cursor_flag}")
                == "1 0 0 0", "cursor visible, normal screen, no mouse, cursor keys normal",
                sourceLocation: sourceLocation)
    }

    @Test func theBrowserOpensInChineseAndQuittingRestoresTheTerminal() throws {
        let session = try start()
        try session.waitFor("幼有善育")
        #expect(try session.format("#{alternate_on}") == "1")
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// LANG=C, POSIX or empty (as good as unset): LC_CTYPE is switched to C.UTF-8.
    @Test(arguments: ["C", "POSIX", ""])
    func aNonUTF8LocaleStillShowsChinese(lang: String) throws {
        let session = try start(environment: ["LANG": lang])
        try session.waitUntil("the domains in Chinese") { $0.contains("幼有善育") && $0.contains("文化体育保障") }
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// Whether a `capture-pane -e` dump sets a foreground colour (SGR 31–37 or 38;5;n).
    private func usesColour(_ dump: String) -> Bool {
        dump.range(of: "\u{1B}\\[[0-9;]*(3[1-7]|38;5;[0-9]+)m", options: .regularExpression) != nil
    }

    @Test func theBrowserUsesColourByDefault() throws {
        let session = try start()
        try session.waitFor("幼有善育")
        #expect(usesColour(try session.captureWithAttributes()))
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// --no-color and NO_COLOR (even empty) drop colour; --lang en and --ascii reach the browser.
    @Test(arguments: [(["--no-color"], [String: String]()), ([], ["NO_COLOR": ""]), ([], ["NO_COLOR": "1"])])
    func noColourEnglishAndAsciiOptionsReachTheBrowser(arguments: [String], environment: [String: String]) throws {
        let session = try start(["--lang", "en", "--ascii"] + arguments, environment: environment)
        // The key bar is the last row drawn: waiting for it waits for the whole frame.
        let screen = try session.waitUntil("the English frame") { $0.contains("Domains 9") && $0.contains("q Quit") }
        #expect(screen.split(separator: "\n")[1].contains("|"))
        #expect(!screen.contains("│"))
        let dump = try session.captureWithAttributes()
        #expect(!usesColour(dump))
        #expect(dump.contains("\u{1B}[0;7m") || dump.contains("\u{1B}[7m"), "selection stays reverse video")
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// With --ambiguous-wide the screen gives ·, …, ▸ two columns; the terminal library says one,
    /// so they are drawn as two columns of ASCII and no ambiguous character reaches the terminal.
    @Test func ambiguousWideDrawsAmbiguousCharactersAsTwoColumnsOfAscii() throws {
        let session = try start(["--ambiguous-wide"])
        let screen = try session.waitUntil("the whole frame") {
            $0.contains("9 个领域 .  143 项服务 .  2085 个服务点") && $0.contains("q 退出")
        }
        for ambiguous in ["·", "…", "│", "─", "▸", "—"] {
            #expect(!screen.contains(ambiguous), "\(ambiguous)")
        }
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// Any resize, down to one cell, is survived; below the minimum the browser says the terminal
    /// is too small, and the full screen comes back.
    @Test func resizesDownToOneCellAreSurvivedAndTooSmallIsSaid() throws {
        let session = try start()
        try session.waitFor("1/9")
        for (width, height) in [(20, 6), (1, 1), (200, 60), (29, 7), (3, 2), (45, 9)] {
            try session.resize(width: width, height: height)
            try session.waitForFormat("#{pane_width}x#{pane_height}", toBe: "\(width)x\(height)")
        }
        try session.resize(width: 20, height: 6)
        try session.waitUntil("the too-small page") { $0.contains("终端太小") && $0.contains("terminal too small") }
        try session.resize(width: 80, height: 24)
        try session.waitUntil("the domains again") { $0.contains("幼有善育") && $0.contains("1/9") }
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    @Test func mouseReportingIsOnWithTheFlagAndOffAfterQuitting() throws {
        let session = try start(["--mouse"])
        try session.waitFor("幼有善育")
        #expect(try session.format("#{mouse_any_flag}") == "1")
        try session.send("q")
        try expectRestored(session, report: try exitReport(session), status: 0)
    }

    /// Each signal ends the program the conventional way (status 128 + n) with the terminal back.
    @Test(arguments: [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3), ("SEGV", 11), ("ABRT", 6),
                      ("BUS", 7), ("ILL", 4), ("FPE", 8), ("TRAP", 5)])
    func aSignalRestoresTheTerminal(signal name: String, number: Int32) throws {
        let session = try start(["--mouse"])
        try session.waitFor("幼有善育")
        let children = FuwuProgram.children(of: try session.panePID())
        try #require(children.count == 1, "the pane's shell should have one child, fuwu")
        #expect(kill(children[0], number) == 0)
        try expectRestored(session, report: try exitReport(session), status: 128 + Int(number))
    }

    @Test func ctrlCEndsTheBrowserWithTheInterruptStatusAndRestoresTheTerminal() throws {
        let session = try start()
        try session.waitFor("幼有善育")
        try session.send("C-c")
        try expectRestored(session, report: try exitReport(session), status: 130)
    }

    @Test func aDumbTerminalIsRefusedWithAMessageAndStatus69() throws {
        let session = try start(environment: ["TERM": "dumb"])
        let report = try exitReport(session)
        let screen = try session.capture()
        #expect(screen.contains("fuwu: 终端类型 TERM=dumb 无法移动光标，不能显示浏览界面。"))
        #expect(screen.contains("fuwu domains"))
        #expect(report == "EXIT=69 MODES: icanon echo")
    }

    @Test func anUnknownTerminalTypeIsRefusedWithAMessageAndStatus69() throws {
        let session = try start(environment: ["TERM": "no-such-terminal-fuwu"])
        let report = try exitReport(session)
        let screen = try session.capture()
        #expect(screen.contains("TERM=no-such-terminal-fuwu"))
        #expect(report == "EXIT=69 MODES: icanon echo")
    }

    @Test func inputThatIsNotATerminalIsRefusedWithAMessageAndStatus69() throws {
        let session = try start(inputFromNull: true)
        let report = try exitReport(session)
        let screen = try session.capture()
        #expect(screen.contains("fuwu: fuwu 浏览界面需要在终端中运行，但标准输入不是终端。"))
        #expect(screen.contains("fuwu: The fuwu browser needs a terminal, but standard input is not one."))
        #expect(report == "EXIT=69 MODES: icanon echo")
    }

    @Test func outputThatIsNotATerminalIsRefusedWithAMessageAndStatus69() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FuwuProgram.binary())
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 69)
        #expect(outputData.isEmpty)
        #expect(errorText.hasPrefix("fuwu: fuwu 浏览界面需要在终端中运行，但标准输出不是终端。\n"
                                    + "fuwu: The fuwu browser needs a terminal, but standard output is not one.\n"))
    }
}
