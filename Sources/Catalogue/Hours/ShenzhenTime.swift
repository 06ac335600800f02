/// A moment as a Shenzhen resident reads a clock: the weekday and the minute of the day in
/// Asia/Shanghai (UTC+8 all year; China has kept no daylight saving time since 1991).
public struct ShenzhenTime: Sendable, Hashable {
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int
    /// Minutes since midnight, 0…1439.
    public var minuteOfDay: Int

    /// Asia/Shanghai's offset from UTC in seconds.
    public static let offsetSeconds: Int64 = 8 * 3600

    public init(weekday: Int, minuteOfDay: Int) {
        self.weekday = weekday
        self.minuteOfDay = minuteOfDay
    }

    /// The Shenzhen wall clock at a Unix time (seconds since 1970-01-01T00:00Z).
    public init(unixSeconds: Int64) {
        let local = unixSeconds + Self.offsetSeconds
        let days = Self.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        // 1970-01-01 was a Thursday (weekday 4).
        weekday = Int(Self.floorModulo(days + 3, 7)) + 1
        minuteOfDay = Int(seconds / 60)
    }

    /// The minute of the week, 0 (Monday 00:00) … 10 079 (Sunday 23:59).
    public var minuteOfWeek: Int { (weekday - 1) * 1440 + minuteOfDay }

    /// Reads an ISO 8601 date and time — `2026-12-01T10:00`, `2026-12-01 10:00:30`,
    /// `2026-12-01T02:00Z`, `2026-12-01T10:00+08:00` — as Unix seconds. Without a zone the time
    /// is Shenzhen time. Nil when the text is not such a date and time or names an impossible one.
    public static func unixSeconds(iso8601 text: String) -> Int64? {
        let s = Array(String(text.trimmingSpaces).unicodeScalars)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= s.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard (48...57).contains(s[k].value) else { return nil }
                value = value * 10 + Int(s[k].value - 48)
            }
            i += count
            return value
        }
        func expect(_ c: Unicode.Scalar) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else { return nil }
        guard i < s.count, s[i] == "T" || s[i] == "t" || s[i] == " " else { return nil }
        i += 1
        guard let hour = digits(2), expect(":"), let minute = digits(2) else { return nil }
        var second = 0
        if expect(":") {
            guard let value = digits(2) else { return nil }
            second = value
            if expect(".") || expect(",") {
                let start = i
                while i < s.count, (48...57).contains(s[i].value) { i += 1 }
                if i == start { return nil }
            }
        }
        var offset = offsetSeconds
        if i < s.count {
            if s[i] == "Z" || s[i] == "z" {
                offset = 0
                i += 1
            } else if s[i] == "+" || s[i] == "-" {
                let sign: Int64 = s[i] == "-" ? -1 : 1
                i += 1
                guard let hours = digits(2) else { return nil }
                _ = expect(":")
                let minutes = i < s.count ? digits(2) : 0
                guard let minutes, hours <= 14, minutes < 60 else { return nil }
                offset = sign * Int64(hours * 3600 + minutes * 60)
            }
        }
        guard i == s.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 { a - floorDivide(a, b) * b }
}

