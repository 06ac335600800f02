/// Why the browser cannot run in this terminal; each case says so in Chinese and English and
/// points to the command-line subcommands, which print the same answers as plain text.
public enum CursesTerminalError: Error, Sendable, Equatable {
    /// Standard input or output is not a terminal (a pipe, a file, a CI log).
    case notATerminal(stream: String)
    /// TERM is unset, empty or `dumb`: the terminal cannot place the cursor.
    case dumbTerminal(term: String)
    /// The terminfo database does not know TERM, or the entry cannot address the cursor.
    case unknownTerminal(term: String)
    /// Neither the locale nor C.UTF-8 gives a UTF-8 codeset, so Chinese cannot be shown.
    case noUTF8Locale(codeset: String)

    /// The exit status for a refusal: 69, EX_UNAVAILABLE in sysexits.h (a service unavailable).
    public static let exitStatus: Int32 = 69

    /// The message for standard error: what is wrong, in Chinese then English, and what to use.
    public var message: String {
        let (chinese, english): (String, String)
        switch self {
        case .notATerminal(let stream):
            chinese = "fuwu 浏览界面需要在终端中运行，但\(stream == "stdin" ? "标准输入" : "标准输出")不是终端。"
            english = "The fuwu browser needs a terminal, but \(stream == "stdin" ? "standard input" : "standard output") is not one."
        case .dumbTerminal(let term):
            let shown = term.isEmpty ? "(unset)" : term
            chinese = "终端类型 TERM=\(shown) 无法移动光标，不能显示浏览界面。"
            english = "The terminal type TERM=\(shown) cannot move the cursor, so the browser cannot run in it."
        case .unknownTerminal(let term):
            chinese = "终端描述库 (terminfo) 中找不到可用的终端类型 TERM=\(term)。"
            english = "The terminal type TERM=\(term) is unknown to terminfo or cannot move the cursor."
        case .noUTF8Locale(let codeset):
            chinese = "当前区域设置的字符集是 \(codeset)，而系统没有 UTF-8 区域设置 (C.UTF-8)，无法正确显示中文。"
            english = "The locale's codeset is \(codeset) and no UTF-8 locale (C.UTF-8) is installed, so Chinese cannot be shown correctly."
        }
        return """
            fuwu: \(chinese)
            fuwu: \(english)
            请改用命令行子命令，输出相同的内容 / Use the command-line subcommands instead, which print the same answers as text:
              fuwu domains    fuwu items    fuwu nearby    fuwu search    (fuwu --help)
            """
    }
}
