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
        isOwnHeaderKey(text) ? text : headerKeyWalk(text)
    }

    /// `headerKey` character by character: half-width, lower case, without spaces and stars.
    static func headerKeyWalk(_ text: String) -> String {
        String(halfWidth(text).lowercased().filter { !$0.isWhitespace && $0 != "*" && $0 != "\u{3000}" })
    }

    /// True when `text` is its own header key, told from its UTF-8 bytes: only printable ASCII
    /// other than capitals and `*`, and CJK ideographs U+4000–U+9FFF (lead bytes E4–E9), which have
    /// no case, are no spaces and are never full-width forms. Most names are; the others are walked.
    static func isOwnHeaderKey(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    guard b > 0x20, b < 0x7F, b != 0x2A, !(0x41...0x5A).contains(b) else { return false }
                    i += 1
                } else if (0xE4...0xE9).contains(b) {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
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
        if let numbers = asciiCoordinateNumbers(text) { return numbers }
        return coordinateNumbersWalk(text)
    }

    /// `coordinateNumbers` character by character, through the half-width and U+3000 passes.
    static func coordinateNumbersWalk(_ text: String) -> [Double] {
        var half = halfWidth(text)
        if half.utf8.contains(0xE3) { half = half.replacingOccurrences(of: "\u{3000}", with: " ") }
        guard half.allSatisfy({ ($0.isASCII && $0.isNumber) || coordinateMarks.contains($0) }) else { return [] }
        return numbers(half)
    }

    /// `coordinateNumbers` of a cell of ASCII only (the usual `114.05,22.54`), read from its
    /// bytes: nothing to make half-width, and the same marks and the same numbers as the walk.
    /// Nil for a cell with any other byte, which the walk reads.
    static func asciiCoordinateNumbers(_ text: String) -> [Double]? {
        var text = text
        return text.withUTF8 { bytes -> [Double]? in
            var result: [Double] = []
            var valid = true
            var start = -1
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = -1
                if token.count == 1 && (token[0] == 0x2D || token[0] == 0x2E) { return }
                if let value = Double(String(decoding: token, as: UTF8.self)) { result.append(value) }
            }
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x80 else { return nil }
                switch b {
                case 0x30...0x39, 0x2E:
                    if start < 0 { start = i }
                case 0x2D where start < 0:
                    start = i
                default:
                    flush(i)
                    // The marks a coordinate cell may hold (`coordinateMarks`, ASCII ones).
                    switch b {
                    case 0x2D, 0x2B, 0x2C, 0x3B, 0x2F, 0x20, 0x09, 0x27, 0x22, 0x3A, 0x45, 0x4E, 0x65, 0x6E, 0x28, 0x29: break
                    default: valid = false
                    }
                }
            }
            flush(bytes.count)
            return valid ? result : []
        }
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
