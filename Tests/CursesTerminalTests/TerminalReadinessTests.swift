import Testing
@testable import CursesTerminal

@Suite struct TerminalReadinessTests {
    @Test func aRealTerminalWithAKnownTypeMayStart() {
        #expect(TerminalReadiness.refusal(term: "xterm-256color", standardInputIsTerminal: true,
                                          standardOutputIsTerminal: true) == nil)
    }

    @Test func outputOrInputThatIsNotATerminalIsRefused() {
        #expect(TerminalReadiness.refusal(term: "xterm", standardInputIsTerminal: true,
                                          standardOutputIsTerminal: false) == .notATerminal(stream: "stdout"))
        #expect(TerminalReadiness.refusal(term: "xterm", standardInputIsTerminal: false,
                                          standardOutputIsTerminal: true) == .notATerminal(stream: "stdin"))
    }

    @Test func dumbUnsetOrEmptyTermIsRefused() {
        #expect(TerminalReadiness.refusal(term: "dumb", standardInputIsTerminal: true,
                                          standardOutputIsTerminal: true) == .dumbTerminal(term: "dumb"))
        #expect(TerminalReadiness.refusal(term: nil, standardInputIsTerminal: true,
                                          standardOutputIsTerminal: true) == .dumbTerminal(term: ""))
        #expect(TerminalReadiness.refusal(term: "", standardInputIsTerminal: true,
                                          standardOutputIsTerminal: true) == .dumbTerminal(term: ""))
    }

    @Test func refusalMessagesSayWhatIsWrongInBothLanguagesAndPointToTheCommands() {
        let lines = CursesTerminalError.dumbTerminal(term: "dumb").message.split(separator: "\n")
        #expect(lines == [
            "fuwu: 终端类型 TERM=dumb 无法移动光标，不能显示浏览界面。",
            "fuwu: The terminal type TERM=dumb cannot move the cursor, so the browser cannot run in it.",
            "请改用命令行子命令，输出相同的内容 / Use the command-line subcommands instead, which print the same answers as text:",
            "  fuwu domains    fuwu items    fuwu nearby    fuwu search    (fuwu --help)",
        ])
        let pipe = CursesTerminalError.notATerminal(stream: "stdout").message
        #expect(pipe.hasPrefix("fuwu: fuwu 浏览界面需要在终端中运行，但标准输出不是终端。\nfuwu: The fuwu browser needs a terminal, but standard output is not one.\n"))
        #expect(CursesTerminalError.exitStatus == 69)
    }

    @Test func colourFollowsTheFlagAndNoColorWhateverItsValue() {
        #expect(CursesTerminalOptions.resolved(noColorFlag: false, mouse: false, environment: [:]).colour)
        #expect(!CursesTerminalOptions.resolved(noColorFlag: true, mouse: false, environment: [:]).colour)
        #expect(!CursesTerminalOptions.resolved(noColorFlag: false, mouse: false, environment: ["NO_COLOR": "1"]).colour)
        #expect(!CursesTerminalOptions.resolved(noColorFlag: false, mouse: false, environment: ["NO_COLOR": ""]).colour)
        #expect(CursesTerminalOptions.resolved(noColorFlag: false, mouse: true, environment: [:]).mouse)
    }
}
