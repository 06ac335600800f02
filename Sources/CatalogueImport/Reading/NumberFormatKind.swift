import Foundation

/// What a cell's number format makes of its number: a plain number, or a day, a time or both
/// counted as a serial from the workbook's epoch.
enum NumberFormatKind: Equatable, Sendable {
    case number, date, dateTime, time

    /// The kind of a built-in format id (including the Chinese-locale date ids 27–36 and 50–58).
    static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: .date
        case 18...21, 32...35, 45...47, 55, 56: .time
        case 22: .dateTime
        default: .number
        }
    }

    /// The kind of a custom format code such as `yyyy"年"m"月"d"日"` or `h:mm`, from the date and
    /// time letters outside quoted text, escapes and bracketed colours.
    static func custom(_ code: String) -> NumberFormatKind {
        // Only the first section (positive numbers) decides.
        var letters = Set<Character>()
        var inQuotes = false, inBrackets = false, skipNext = false
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case ";": return kind(letters)
            default: letters.insert(Character(character.lowercased()))
            }
        }
        return kind(letters)
    }

    private static func kind(_ letters: Set<Character>) -> NumberFormatKind {
        if letters.contains("@") { return .number }
        let date = letters.contains("y") || letters.contains("d")
        let time = letters.contains("h") || letters.contains("s")
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return letters.contains("m") ? .date : .number
        }
    }

    /// The text of a cell's number under this kind: dates as `YYYY-MM-DD`, times as `HH:MM`
    /// (`HH:MM:SS` when there are seconds), other numbers as Excel shows them in General format
    /// (15 significant digits, no spurious `.0`). Nil for a negative or absurd date serial.
    func text(of number: Double, date1904: Bool) -> String? {
        guard number.isFinite else { return nil }
        switch self {
        case .number:
            return Self.general(number)
        case .date, .dateTime, .time:
            guard number >= 0, number < 2_958_466 else { return nil } // up to 9999-12-31
            var days = Int(number.rounded(.down))
            var seconds = Int(((number - Double(days)) * 86_400).rounded())
            if seconds >= 86_400 { days += 1; seconds -= 86_400 }
            let time = seconds % 60 == 0
                ? String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
                : String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            let day = Self.day(serial: days, date1904: date1904)
            switch self {
            case .date: return day
            case .time: return time
            default: return seconds == 0 ? day : "\(day) \(time)"
            }
        }
    }

    /// A number as Excel's General format shows it.
    static func general(_ number: Double) -> String {
        if number == 0 { return "0" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(format: "%.15g", number)
    }

    /// The day a serial stands for, as `YYYY-MM-DD`: days since 1899-12-30 in the 1900 system
    /// (with Lotus's 1900-02-29 kept as serial 60), or since 1904-01-01 in the 1904 system.
    static func day(serial: Int, date1904: Bool) -> String {
        if !date1904 && serial == 60 { return "1900-02-29" }
        let daysSinceEpoch1970: Int
        if date1904 {
            daysSinceEpoch1970 = serial - 24_107 // 1904-01-01 is 24 107 days before 1970-01-01
        } else {
            daysSinceEpoch1970 = serial - (serial < 60 ? 25_568 : 25_569) // 1899-12-30 (or -31 before Lotus's day)
        }
        let (year, month, day) = civil(daysSince1970: daysSinceEpoch1970)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(daysSince1970: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
