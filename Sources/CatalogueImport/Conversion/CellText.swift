/// The small readings of spreadsheet cells every table needs: trimming, lists, numbers and dates
/// as offices write them.
public enum CellText {
    /// The cell without surrounding spaces (ASCII, no-break and the ideographic space U+3000).
    public static func trimmed(_ text: String) -> String {
        // Neither end a space (none of these begins a character of several scalars): nothing to cut.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !spaceScalars.contains(first.value), !spaceScalars.contains(last.value) {
            return text
        }
        let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\u{00A0}", "\u{3000}", "\u{FEFF}"]
        var slice = Substring(text)
        while let first = slice.first, spaces.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, spaces.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// The scalars `trimmed` cuts from the ends.
    static let spaceScalars: Set<UInt32> = [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF]

    /// A header cell reduced for comparison: no spaces, no required-field stars, half-width letters, lower case.
    public static func headerKey(_ text: String) -> String {
        String(halfWidth(text).lowercased().filter { !$0.isWhitespace && $0 != "*" && $0 != "\u{3000}" })
    }

    /// Full-width ASCII (ＡＢＣ１２３，．) turned half-width.
    public static func halfWidth(_ text: String) -> String {
        // U+FF01–U+FF5E are written EF BC/BD …, and 、 E3 80 81: text without those lead bytes is left as it is.
        if !text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(half)
            } else if scalar == "\u{3001}" {
                out.append(",")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A list cell split at commas, semicolons, 、, slashes, line breaks and spaces.
    public static func list(_ text: String) -> [String] {
        halfWidth(text).split(whereSeparator: { ",;/|\n\r\t ".contains($0) }).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// Characters a coordinate cell may hold besides digits: signs, separators, degree marks and
    /// the compass words (`E114.05° N22.54°`, `东经114.05，北纬22.54`).
    static let coordinateMarks: Set<Character> = [".", "-", "+", ",", ";", "/", " ", "\t", "°", "′", "″", "'", "\"", ":",
                                                  "E", "N", "e", "n", "东", "经", "北", "纬", "(", ")"]

    /// The decimal numbers in a coordinate cell, in order; empty when the cell holds anything
    /// else (`114.05x` is a typo, not 114.05).
    public static func coordinateNumbers(_ text: String) -> [Double] {
        var half = halfWidth(text)
        if half.utf8.contains(0xE3) { half = half.replacingOccurrences(of: "\u{3000}", with: " ") }
        guard half.allSatisfy({ ($0.isASCII && $0.isNumber) || coordinateMarks.contains($0) }) else { return [] }
        return numbers(half)
    }

    /// The decimal numbers in a cell, in order (`114.05,22.54`, `E114.05° N22.54°`).
    public static func numbers(_ text: String) -> [Double] {
        var result: [Double] = []
        var current = ""
        func flush() {
            if !current.isEmpty, current != "-", current != ".", let value = Double(current) { result.append(value) }
            current = ""
        }
        for ch in halfWidth(text) {
            if ch.isASCII && (ch.isNumber || ch == ".") {
                current.append(ch)
            } else if ch == "-" && current.isEmpty {
                current.append(ch)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// A date as `YYYY-MM-DD` from the forms offices write (`2022-12-28`, `2022/12/28`, `2022.12.28`,
    /// `2022年12月28日`); nil when it is not one.
    public static func isoDate(_ text: String) -> String? {
        let digits = halfWidth(text).split(whereSeparator: { !$0.isNumber || !$0.isASCII }).map(String.init)
        guard digits.count == 3, digits[0].count == 4, let y = Int(digits[0]), let m = Int(digits[1]), let d = Int(digits[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// A yes/no cell: 是/否, true/false, yes/no, 1/0, Y/N, ✓.
    public static func flag(_ text: String) -> Bool? {
        switch headerKey(text) {
        case "是", "true", "yes", "y", "1", "✓", "√": return true
        case "否", "false", "no", "n", "0", "": return false
        default: return nil
        }
    }
}
