import Testing
@testable import CatalogueImport

/// The shortcuts taken for a million-row import give exactly what the plain algorithms give.
@Suite struct CellTextFastPathTests {
    static let samples = ["", " ", "福田", " 福田 ", "福田\u{3000}", "\u{FEFF}名称", "a\r\n", "a\u{20}\u{301}", "\u{00A0}x\u{00A0}",
                          "ＡＢＣ１２３", "114.05，22.54", "114.05、22.54", "114.05\u{3000}22.54", "东经114.05°", "\t\n", "x\"y\\z\u{1}",
                          "基准社康123", "\"quoted\"", "tab\tinside", "é", "e\u{301}"]

    static func plainTrimmed(_ text: String) -> String {
        let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\u{00A0}", "\u{3000}", "\u{FEFF}"]
        var slice = Substring(text)
        while let first = slice.first, spaces.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, spaces.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    static func plainHalfWidth(_ text: String) -> String {
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

    static func plainJSONString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test(arguments: samples) func trimmingHalfWidthAndJSONStringsMatchThePlainWalk(text: String) {
        #expect(CellText.trimmed(text) == Self.plainTrimmed(text))
        #expect(CellText.trimmed(text).unicodeScalars.elementsEqual(Self.plainTrimmed(text).unicodeScalars))
        #expect(CellText.halfWidth(text).unicodeScalars.elementsEqual(Self.plainHalfWidth(text).unicodeScalars))
        var out = ""
        JSONText.string(text, into: &out)
        #expect(out.unicodeScalars.elementsEqual(Self.plainJSONString(text).unicodeScalars))
    }
}
