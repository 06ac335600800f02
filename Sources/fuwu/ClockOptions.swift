import ArgumentParser
import Catalogue
import Foundation

/// `--now`: the moment "open now" is judged at, for scripts and tests; Shenzhen time.
struct ClockOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge opening hours at this ISO 8601 time instead of now (2026-12-01T10:00; without a zone it is Shenzhen time).",
                               valueName: "time"))
    var now: String?

    /// The moment as Unix seconds, or a usage error naming what to write.
    func unixSeconds(lang: Language) throws -> Int64 {
        guard let now else { return Int64(Date().timeIntervalSince1970) }
        guard let seconds = ShenzhenTime.unixSeconds(iso8601: now) else {
            throw CLIError.usage(lang.pick(
                "--now 的值“\(now)”不是 ISO 8601 日期时间；请写成 2026-12-01T10:00（深圳时间），或加上时区（Z、+08:00）",
                "--now \"\(now)\" is not an ISO 8601 date and time; write 2026-12-01T10:00 (Shenzhen time) or add a zone (Z, +08:00)"))
        }
        return seconds
    }

    /// The Shenzhen wall clock at that moment.
    func time(lang: Language) throws -> ShenzhenTime { ShenzhenTime(unixSeconds: try unixSeconds(lang: lang)) }
}

extension Wording {
    /// 开放中 / 即将关闭 / 已关闭, or an empty string for unknown hours.
    func openStatus(_ status: OpenStatus) -> String {
        (lang == .zh ? status.chineseLabel : status.englishLabel) ?? ""
    }

    /// The hours as written with their status, or with a note that they cannot be judged.
    func hours(_ text: String?, at time: ShenzhenTime) -> String? {
        guard let text else { return nil }
        let status = OpeningHours.status(of: text, at: time)
        if case .closingSoon(let left) = status {
            return text + lang.pick("（即将关闭：\(left) 分钟后）", " (closing soon: in \(left) min)")
        }
        if let label = lang == .zh ? status.chineseLabel : status.englishLabel {
            return text + lang.pick("（\(label)）", " (\(label))")
        }
        return text + lang.pick("（无法自动判断是否开放）", " (cannot tell automatically whether it is open)")
    }
}

extension JSONOut {
    /// `{"status": "open", "hours_parsed": true}` for a point at a moment.
    static func openNow(_ hours: String?, at time: ShenzhenTime) -> JSONOut {
        let status = OpeningHours.status(of: hours, at: time)
        var members: [(String, JSONOut)] = [("status", .string(status.code)),
                                            ("hours_parsed", .bool(hours.flatMap(OpeningHours.parse) != nil))]
        if case .closingSoon(let left) = status { members.append(("minutes_left", .int(left))) }
        return .object(members)
    }
}
