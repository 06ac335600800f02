/// A cell's place in a sheet, read from an A1-style reference such as `C7`.
struct CellReference: Equatable, Hashable {
    /// 1-based column: A is 1.
    var column: Int
    /// 1-based row.
    var row: Int

    /// Reads `C7`, `AB120` or `$C$7`; nil for anything else or beyond Excel's limits.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var seenDigit = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
            if column > Self.maximumColumn || row > Self.maximumRow { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    /// Reads only a column, as in `C` of `C7`; nil when there is none.
    static func column(of text: String) -> Int? {
        let letters = text.prefix { $0.isLetter }
        return CellReference(letters + "1")?.column
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    static let maximumColumn = 16_384
    static let maximumRow = 1_048_576

    /// The reference as Excel writes it, e.g. `C7`.
    var name: String {
        var letters = ""
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(digit))) + letters
            rest = (rest - 1) / 26
        }
        return "\(letters)\(row)"
    }
}
