import ChineseText

/// A table of text aligned by display width (a CJK character counts two columns). Cells are
/// sanitised, so catalogue text can never reach the terminal as control sequences.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers, distances).
    var rightAligned: Set<Int> = []

    init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The widest a column grows, in display columns: a longer cell is cut with `…`, so one long
    /// value cannot pad every row of the table to its width. CSV and JSON keep whole values.
    static let maxColumnWidth = 80

    /// The table as lines: a header, a rule of dashes, the rows; two spaces between columns and
    /// no trailing spaces. Each cell is measured once and padded by appending spaces, since a
    /// listing of every point has some 17 000 cells.
    func rendered() -> String { String(decoding: renderedUTF8(), as: UTF8.self) }

    /// `rendered()` as UTF-8 bytes, which a listing writes out as they are (no string is made of
    /// a listing of every point only to be written).
    func renderedUTF8() -> [UInt8] {
        func clean(_ cell: String) -> (text: String, width: Int) {
            // Most catalogue text is printable ASCII and CJK: one pass tells it needs no
            // sanitising and measures it (`DisplayWidth.plainWidth`).
            if let width = DisplayWidth.plainWidth(cell), width <= Self.maxColumnWidth { return (cell, width) }
            let line = Sanitiser.line(cell)
            let width = DisplayWidth.of(line)
            guard width > Self.maxColumnWidth else { return (line, width) }
            let cut = DisplayWidth.truncate(line, to: Self.maxColumnWidth)
            return (cut, DisplayWidth.of(cut))
        }
        let cleanHeaders = headers.map(clean)
        let cleanRows = rows.map { $0.map(clean) }
        var widths = cleanHeaders.map(\.width)
        for row in cleanRows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.width) }
        }
        // Written as UTF-8 bytes, copied from each cell in one piece: appending small strings to a
        // string costs more than measuring the cells.
        let alignedRight = widths.indices.map { rightAligned.contains($0) }
        var text: [UInt8] = []
        text.reserveCapacity((cleanRows.count + 2) * (widths.reduce(0, +) + 2 * widths.count + 1) * 2)
        func appendSpaces(_ count: Int) {
            if count > 0 { text.append(contentsOf: repeatElement(0x20, count: count)) }
        }
        func appendLine(_ cells: [(text: String, width: Int)]) {
            let lineStart = text.count
            for (i, width) in widths.enumerated() {
                if i > 0 { appendSpaces(2) }
                let cell: (text: String, width: Int) = i < cells.count ? cells[i] : ("", 0)
                if alignedRight[i] {
                    appendSpaces(width - cell.width)
                    text.append(contentsOf: cell.text.utf8)
                } else {
                    text.append(contentsOf: cell.text.utf8)
                    appendSpaces(width - cell.width)
                }
            }
            Self.trimTrailingSpaces(&text, lineStart: lineStart)
        }
        appendLine(cleanHeaders)
        text.append(0x0A)
        text.append(contentsOf: widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ").utf8)
        for row in cleanRows {
            text.append(0x0A)
            appendLine(row)
        }
        return text
    }

    /// Removes the spaces that end the line starting at `lineStart`, as removing trailing `" "`
    /// characters does: a space byte is a character of its own unless a prepending scalar comes
    /// right before it (a space after U+0600 is part of that character), so the bytes are trimmed
    /// directly when what precedes the spaces is ASCII or a CJK character, and through
    /// characters otherwise.
    static func trimTrailingSpaces(_ text: inout [UInt8], lineStart: Int) {
        var end = text.count
        while end > lineStart && text[end - 1] == 0x20 { end -= 1 }
        guard end < text.count else { return }
        let before = end > lineStart ? text[end - 1] : 0
        // The last byte of a three-byte sequence of U+3000–U+9FFF or the full-width forms.
        let cjk = end - lineStart >= 3 && (0xE3...0xE9).contains(text[end - 3]) || end - lineStart >= 3 && text[end - 3] == 0xEF
        if before < 0x80 || cjk {
            text.removeSubrange(end...)
            return
        }
        var line = String(decoding: text[lineStart...], as: UTF8.self)
        while line.last == " " { line.removeLast() }
        text.replaceSubrange(lineStart..., with: line.utf8)
    }

    /// RFC 4180 CSV with a header row; cells are sanitised.
    func csv() -> String {
        ([headers] + rows).map { row in
            row.map { cell -> String in
                let clean = Sanitiser.line(cell)
                if clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
                    return "\"" + clean.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
                }
                return clean
            }.joined(separator: ",")
        }.joined(separator: "\n")
    }
}

/// Record fields as aligned "label  value" lines, for single-record views.
struct FieldList {
    var fields: [(String, String)] = []

    mutating func add(_ label: String, _ value: String?) {
        fields.append((label, value ?? "—"))
    }

    func rendered() -> String {
        let width = fields.map { DisplayWidth.of($0.0) }.max() ?? 0
        return fields.map { label, value in
            let clean = Sanitiser.text(value).split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: width + 2)
            return DisplayWidth.pad(label, to: width) + "  " + clean.joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }
}
