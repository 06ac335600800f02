import ChineseText
import Foundation
import Testing
@testable import fuwu

/// The listing tables and coordinates, written the fast way, read exactly as the plain way does.
@Suite struct TextOutputTests {
    /// The table as it was rendered before cells were measured once: each cell cleaned, cut to 80
    /// columns, padded with `DisplayWidth.pad`, lines joined and right-trimmed.
    private func plainRendering(_ table: TextTable) -> String {
        func clean(_ cell: String) -> String { DisplayWidth.truncate(Sanitiser.line(cell), to: TextTable.maxColumnWidth) }
        let headers = table.headers.map(clean)
        let rows = table.rows.map { $0.map(clean) }
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var text = widths.enumerated().map { i, width in
                DisplayWidth.pad(i < cells.count ? cells[i] : "", to: width, alignRight: table.rightAligned.contains(i))
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n")
    }

    @Test func aTableRendersExactlyAsCellByCellPadding() {
        var table = TextTable(headers: ["编号", "名称", "n", "note", ""], rightAligned: [2])
        table.add(["P0001", "福田区样例社康中心001", "12", "e\u{301}t\u{E9}", ""])
        table.add(["P2", "（全角）Ａ", "3", "\u{1B}[31mred\t", "x"])
        table.add(["P3", String(repeating: "很长的名称", count: 20), "1234", "👍🏽 ok"])
        table.add(["P4"])
        table.add(["", "", "", "", "", "extra"])
        table.add(["P5", "한국어 ᄀᆞ", "7", "tail   ", "   "])
        // A space after a prepending mark belongs to its character: no trailing space to trim.
        table.add(["P6", "x", "8", "a\u{600} "])
        table.add(["P7", "社康 ", "9", "福 ", "（全角） "])
        #expect(table.rendered() == plainRendering(table))
        #expect(TextTable(headers: ["a", "b"]).rendered() == plainRendering(TextTable(headers: ["a", "b"])))
    }

    @Test func sixDecimalsAreWrittenAsStringFormatWritesThem() {
        var values: [Double] = [0, -0.0, 22.5401235, 114.0599995, -114.0599995, 0.0000005, 0.0000015, 1e-7, 999_999.9999995,
                                22.54, 114.06, 1e20, -1e300, .infinity, -.infinity, .nan]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(state >> 11) / Double(1 << 53) * 360 - 180)
            // Near and at ties of the millionths, where the integer path must hand over to printf.
            let millionths = Double(state >> 40)
            for offset in [0.5, 0.4999, 0.5001, 0.499, 0.501, 0.0, 0.999_999] {
                values.append((millionths + offset) / 1_000_000)
                values.append(-(millionths + offset) / 1_000_000)
            }
        }
        values += [999_999.999_999, 1_000_000, 123_456.000_000_5, -0.000_000_4, -0.000_000_6, 0.000_000_499_9]
        for value in values {
            #expect(DecimalText.fixed6(value) == String(format: "%.6f", value), "\(value)")
        }
        // The integer path answers for ordinary coordinates (and is then what was checked above).
        #expect(DecimalText.roundedFixed6(22.540_123_4) == "22.540123")
        #expect(DecimalText.roundedFixed6(-114.057_900_7) == "-114.057901")
        #expect(DecimalText.roundedFixed6(22.540_123_5) == nil)
    }
}
