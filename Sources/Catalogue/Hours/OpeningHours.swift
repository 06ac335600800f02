import Foundation

/// Published opening hours read into weekly periods: day ranges (`周一至周五`), several periods a
/// day (`9:00-12:00，14:00-18:00`), `全天开放`. Text the parser does not fully read — a note such
/// as `（每周一休息）` or `以所在场所开放时间为准` — makes the whole string unparsed, and unparsed
/// hours are never counted as open.
public struct OpeningHours: Sendable, Hashable {
    /// One opening on one weekday, in minutes since that day's midnight; `closeMinute` may pass
    /// 1440 when the period runs past midnight.
    public struct Period: Sendable, Hashable {
        /// 1 = Monday … 7 = Sunday.
        public var weekday: Int
        public var openMinute: Int
        public var closeMinute: Int
    }

    /// An open status is `closingSoon` when the place closes within this many minutes.
    public static let closingSoonMinutes = 30
    static let minutesPerWeek = 7 * 1440

    /// The periods, in the order written.
    public let periods: [Period]
    /// Open-minute ranges of the week (0 = Monday 00:00), merged, wrapping at the week's end.
    private let weekRanges: [Range<Int>]

    init(periods: [Period]) {
        self.periods = periods
        var ranges: [Range<Int>] = []
        for period in periods {
            let start = (period.weekday - 1) * 1440 + period.openMinute
            let end = (period.weekday - 1) * 1440 + period.closeMinute
            if end <= Self.minutesPerWeek {
                ranges.append(start..<end)
            } else {
                ranges.append(start..<Self.minutesPerWeek)
                ranges.append(0..<(end - Self.minutesPerWeek))
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        weekRanges = merged
    }

    /// The status of possibly missing, possibly unparsed hours at a moment.
    public static func status(of text: String?, at time: ShenzhenTime) -> OpenStatus {
        guard let text, let hours = parse(text) else { return .unknown }
        return hours.status(at: time)
    }

    /// Whether the place is open at `time`, and closing within 30 minutes.
    public func status(at time: ShenzhenTime) -> OpenStatus {
        let now = time.minuteOfWeek
        guard let index = weekRanges.firstIndex(where: { $0.contains(now) }) else { return .closed }
        if weekRanges[index] == 0..<Self.minutesPerWeek { return .open }
        var end = weekRanges[index].upperBound
        // A range ending at the week's end continues into one starting on Monday 00:00.
        if end == Self.minutesPerWeek, let first = weekRanges.first, first.lowerBound == 0 {
            end += first.upperBound
        }
        let left = end - now
        return left <= Self.closingSoonMinutes ? .closingSoon(minutesLeft: left) : .open
    }

    // MARK: Parsing

    /// Hours already read, by text: a catalogue repeats a few dozen texts over thousands of points
    /// (Futian: 40 over 2082), so a listing or a count reads each text once. Bounded, so that
    /// arbitrary text (a fuzz test) cannot grow it without limit.
    /// (Guarded by `parsedLock`; `Mutex` would need macOS 15.)
    nonisolated(unsafe) private static var parsedByText: [String: OpeningHours?] = [:]
    private static let parsedLock = NSLock()
    private static let parsedByTextLimit = 4096

    /// Reads hours; nil when any part of the text is not understood.
    public static func parse(_ text: String) -> OpeningHours? {
        if let known = parsedLock.withLock({ parsedByText[text] }) { return known }
        let hours = read(text)
        parsedLock.withLock {
            if parsedByText.count >= parsedByTextLimit { parsedByText.removeAll() }
            parsedByText[text] = hours
        }
        return hours
    }

    private static func read(_ text: String) -> OpeningHours? {
        var scanner = Scanner(normalising: text)
        scanner.skipSpaces()
        if scanner.atEnd { return nil }
        if scanner.consume("全天开放") || scanner.consume("全天") || scanner.consume("24小时开放") || scanner.consume("24小时") {
            scanner.skipSpaces()
            guard scanner.atEnd else { return nil }
            return OpeningHours(periods: (1...7).map { Period(weekday: $0, openMinute: 0, closeMinute: 1440) })
        }
        var periods: [Period] = []
        var ruleCount = 0
        while !scanner.atEnd {
            let days = scanner.days()
            if days == nil && ruleCount > 0 { return nil }
            scanner.skipSpaces()
            _ = scanner.consume(":")
            scanner.skipSpaces()
            var times: [(Int, Int)] = []
            while let period = scanner.period() {
                times.append(period)
                let mark = scanner.position
                scanner.skipSpaces()
                if scanner.consumeListSeparator() || scanner.atEnd {
                    scanner.skipSpaces()
                    continue
                }
                // A space before the next day range.
                if scanner.position != mark { break }
                return nil
            }
            guard !times.isEmpty else { return nil }
            for weekday in days ?? Array(1...7) {
                for (open, close) in times {
                    periods.append(Period(weekday: weekday, openMinute: open, closeMinute: close))
                }
            }
            ruleCount += 1
            scanner.skipSpaces()
        }
        return periods.isEmpty ? nil : OpeningHours(periods: periods)
    }

    /// A cursor over normalised text: full-width digits, colon, comma and tilde folded to ASCII.
    struct Scanner {
        private(set) var characters: [Character]
        var position = 0

        init(normalising text: String) {
            var folded: [Character] = []
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0xFF10...0xFF19, 0xFF1A, 0xFF0C, 0xFF5E, 0xFF0D, 0xFF1B:
                    folded.append(Character(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar))
                case 0x3000:
                    folded.append(" ")
                default:
                    folded.append(Character(scalar))
                }
            }
            // Scalars folded one by one; recombine nothing (hours text has no combining marks that matter).
            characters = folded
        }

        var atEnd: Bool { position >= characters.count }

        mutating func skipSpaces() {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let word = Array(word)
            guard position + word.count <= characters.count,
                  Array(characters[position..<(position + word.count)]) == word else { return false }
            position += word.count
            return true
        }

        mutating func consumeListSeparator() -> Bool {
            for separator in [",", "、", ";"] where consume(separator) { return true }
            return false
        }

        /// `周一至周五`, `周六`, `周六、周日`, `周一至周日`, `每天`, `星期二至星期日`; nil when none is here.
        mutating func days() -> [Int]? {
            let start = position
            if consume("每天") || consume("每日") { return Array(1...7) }
            var result: [Int] = []
            guard let first = weekday() else { position = start; return nil }
            let mark = position
            if consume("至") || consume("-") || consume("~") || consume("—") || consume("–") {
                guard let last = weekday() else { position = mark; return [first] }
                var day = first
                while true {
                    result.append(day)
                    if day == last { break }
                    day = day % 7 + 1
                }
            } else {
                result.append(first)
                while true {
                    let before = position
                    guard consume("、") || consume(",") else { break }
                    guard let next = weekday() else { position = before; break }
                    result.append(next)
                }
            }
            return result
        }

        private mutating func weekday() -> Int? {
            let start = position
            if !(consume("周") || consume("星期") || consume("礼拜")) { return nil }
            guard position < characters.count else { position = start; return nil }
            let names: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
            guard let day = names[characters[position]] else { position = start; return nil }
            position += 1
            return day
        }

        /// `9:00-18:00` (dash, en dash, em dash, tilde or 至); close after open, or past midnight.
        mutating func period() -> (Int, Int)? {
            let start = position
            guard let open = time(allowing24: false) else { position = start; return nil }
            skipSpaces()
            guard consume("-") || consume("–") || consume("—") || consume("~") || consume("至") else {
                position = start
                return nil
            }
            skipSpaces()
            guard let close = time(allowing24: true) else { position = start; return nil }
            if close == open { return nil }
            return (open, close > open ? close : close + 1440)
        }

        private mutating func time(allowing24: Bool) -> Int? {
            var hour = 0
            var hourDigits = 0
            while position < characters.count, let d = characters[position].wholeNumberValue,
                  characters[position].isASCII, hourDigits < 2 {
                hour = hour * 10 + d
                hourDigits += 1
                position += 1
            }
            guard hourDigits > 0, consume(":") else { return nil }
            var minute = 0
            for _ in 0..<2 {
                guard position < characters.count, let d = characters[position].wholeNumberValue,
                      characters[position].isASCII else { return nil }
                minute = minute * 10 + d
                position += 1
            }
            guard minute < 60 else { return nil }
            if hour == 24 && minute == 0 && allowing24 { return 1440 }
            guard hour < 24 else { return nil }
            return hour * 60 + minute
        }
    }
}
