import FixtureDamage
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

    static let keysAndCoordinates = samples + [
        "名称", "服务点名称*", "Name", "NAME", "name", "经纬度", "坐标(GCJ-02)", "a*b", "ÄÖ", "Σίσυφος", "ΟΔΟΣ", "İstanbul", "ǅ", "ﬀ",
        "114.05,22.54", " 114.05 , 22.54 ", "114.05;22.54", "-114.05/+22.54", "E114.05 N22.54", "(114.05, 22.54)", "114.05x,22.54",
        "114.05\r\n22.54", "1.2.3,4", "-,.", "--1", "1e5", "114.", ".5", "\"114\":'22'", "114.05\u{0}22.54", "114.05\u{7F}22.54",
        "114．05，22．54", "东经114.05，北纬22.54", "114.05°,22.54°", "12345678901234567890.5,1", "0x1F,2", "nan,inf", "N22.54:E114.05",
    ]

    @Test(arguments: keysAndCoordinates) func headerKeysAndCoordinateNumbersMatchTheWalk(text: String) {
        #expect(CellText.headerKey(text).unicodeScalars.elementsEqual(CellText.headerKeyWalk(text).unicodeScalars))
        #expect(CellText.coordinateNumbers(text).map(\.bitPattern) == CellText.coordinateNumbersWalk(text).map(\.bitPattern))
    }

    @Test func randomCellsGiveTheWalksKeysAndNumbers() {
        let alphabet = Array("0123456789.-+,;/ \t'\":ENenAZaz*()x福田社康\u{3000}，．、ＡＺ１°Σς\r\n\u{301}")
        var random = SplitMix64(seed: 13)
        for _ in 0..<5_000 {
            let text = String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(CellText.headerKey(text).unicodeScalars.elementsEqual(CellText.headerKeyWalk(text).unicodeScalars), "\(text.debugDescription)")
            #expect(CellText.coordinateNumbers(text).map(\.bitPattern) == CellText.coordinateNumbersWalk(text).map(\.bitPattern), "\(text.debugDescription)")
        }
    }
}
