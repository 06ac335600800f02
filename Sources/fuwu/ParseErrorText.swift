import ArgumentParser
import Foundation

/// What swift-argument-parser reports (an unknown option, a missing or bad value) rewritten in
/// fuwu's own style — `fuwu: error: …`, as every other error — and in the language `--lang`
/// chose (Chinese unless `--lang en`). Help and completion scripts pass through unchanged.
enum ParseErrorText {
    /// Prints what `error` calls for and gives the exit status.
    static func report(_ error: Error, arguments: [String]) -> Int32 {
        let status = Fuwu.exitCode(for: error).rawValue
        let text = Fuwu.fullMessage(for: error)
        if status == 0 {
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            printError(restyled(text, lang: language(in: arguments)))
        }
        return status
    }

    /// The language `--lang` asks for in raw arguments (the last one wins), Chinese by default.
    static func language(in arguments: [String]) -> Language {
        var lang = Language.zh
        for (index, argument) in arguments.enumerated() {
            if argument == "--", index > 0 { break }
            if argument == "--lang", index + 1 < arguments.count, let value = Language(rawValue: arguments[index + 1]) { lang = value }
            if argument.hasPrefix("--lang="), let value = Language(rawValue: String(argument.dropFirst(7))) { lang = value }
        }
        return lang
    }

    /// The library's message in fuwu's style and `lang`.
    static func restyled(_ text: String, lang: Language) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                lines.append("fuwu: error: " + message(String(line.dropFirst(7)), lang: lang))
            } else if line.hasPrefix("Usage: ") {
                lines.append(lang.pick("用法：", "usage: ") + line.dropFirst(7))
            } else if line.hasPrefix("Help:  ") {
                lines.append(lang.pick("说明：", "help: ") + line.dropFirst(7))
            } else if let match = line.firstMatch(of: /^\s*See '(.+)' for more information\.$/) {
                lines.append(lang.pick("运行 '\(match.1)' 查看全部选项。", "see '\(match.1)' for every option."))
            } else {
                lines.append(line)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One error message: lower-cased first word in English; translated into Chinese.
    static func message(_ text: String, lang: Language) -> String {
        guard lang == .zh else { return text.prefix(1).lowercased() + text.dropFirst() }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'/) { return "未知选项 '\(m.1)'" }
        if let m = text.wholeMatch(of: /Missing value for '(.+)'/) { return "'\(m.1)' 缺少取值" }
        if let m = text.wholeMatch(of: /Unexpected argument '(.+)'/) { return "多余的参数 '\(m.1)'" }
        if let m = text.wholeMatch(of: /(\d+) unexpected arguments: (.+)/) { return "\(m.1) 个多余的参数：\(m.2)" }
        if let m = text.wholeMatch(of: /Missing expected argument '(.+)'/) { return "缺少参数 '\(m.1)'" }
        if let m = text.wholeMatch(of: /Missing one of: (.+)/) { return "缺少以下之一：\(m.1)" }
        if let m = text.wholeMatch(of: /Invalid option: (.+)/) { return "无效的选项：\(m.1)" }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(.*)/) {
            return "'\(m.2)' 不接受取值 '\(m.1)'" + valueHint(String(m.3))
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid\.(.*)/) { return "取值 '\(m.1)' 无效" + valueHint(String(m.2)) }
        return text
    }

    /// `. Please provide one of 'a', 'b' or 'c'.` → `；可用：'a'、'b'、'c'`; `: reason` → `：reason`.
    private static func valueHint(_ rest: String) -> String {
        if let m = rest.wholeMatch(of: /\. Please provide one of (.+)\./) {
            let values = m.1.replacingOccurrences(of: " or ", with: "、").replacingOccurrences(of: " and ", with: "、")
                .replacingOccurrences(of: ", ", with: "、")
            return "；可用的值：\(values)"
        }
        if rest.hasPrefix(". Please provide one of the following:") { return "；可用的值：" }
        if rest.hasPrefix(": ") { return "：" + rest.dropFirst(2) }
        return rest
    }
}
