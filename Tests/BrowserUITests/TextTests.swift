import Testing
@testable import BrowserUI

/// Line breaking by display width with Chinese rules, and inert untrusted text.
@Suite struct TextTests {
    func wrap(_ text: String, _ columns: Int) -> [String] {
        let characters = Array(text)
        return LineBreaker.wrap(characters, columns: columns).map { String(characters[$0]) }
    }

    @Test func wrapsByDisplayWidth() {
        #expect(wrap("一二三四五六七", 6) == ["一二三", "四五六", "七"])
        #expect(wrap("ab一二", 5) == ["ab一", "二"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // "一二三。" would break before "。"; the line gives up "三" instead.
        #expect(wrap("一二三。四五", 6) == ["一二", "三。四", "五"])
        #expect(wrap("甲乙丙」丁", 6) == ["甲乙", "丙」丁"])
        for line in wrap("居民到社区健康服务中心或通过“健康深圳”应用提出签约申请，工作人员当场审核材料。", 10).dropFirst() {
            #expect(!LineBreaker.noStart.contains(line.first ?? " "), "line starts with \(line)")
        }
    }

    @Test func openingBracketsNeverEndALine() {
        #expect(wrap("一二（三四", 6) == ["一二", "（三四"])
        #expect(wrap("甲《乙丙丁", 4) == ["甲", "《乙", "丙丁"])
    }

    @Test func latinWordsAndNumbersStayWhole() {
        #expect(wrap("free of charge", 8) == ["free of", "charge"])
        #expect(wrap("坐标 114.064000", 10) == ["坐标", "114.064000"])
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(LineBreaker.wrap([], columns: 10) == [0..<0])
        #expect(wrap("一", 1) == ["一"])
    }

    @Test func aNameWithAnEscapeSequenceRendersInert() {
        let state = Fixture.state(pointName: "恶意\u{1B}[2J名字\u{202E}")
        var browsing = state
        for command in GoldenScreenTests.familyDoctorPoints { _ = browsing.apply(command) }
        let screen = BrowserView.frame(browsing)
        let scalars = screen.cells.compactMap(\.character).flatMap(\.unicodeScalars)
        #expect(!scalars.contains("\u{1B}"))
        #expect(!scalars.contains("\u{202E}"))
        #expect(screen.text.contains("恶意\\u{1B}[2J名字\\u{202E}"))
    }

    @Test func asciiBordersAvoidBoxCharacters() {
        var state = Fixture.state()
        state.options.ascii = true
        let screen = BrowserView.frame(state)
        #expect(screen.rowText(2).contains("|"))
        #expect(!screen.text.contains("│"))
    }

    @Test func ambiguousWideTerminalsGetAsciiBordersAndStayAligned() {
        var state = Fixture.state()
        state.options.ambiguousWide = true
        let screen = BrowserView.frame(state)
        #expect(!screen.text.contains("│"))
        // The border stays in one column on every content row, whatever the row holds.
        for row in 1...21 { #expect(screen[row, 31].character == "|", "row \(row)") }
    }

    @Test func decimalsAreFixedPoint() {
        #expect(DecimalText.fixed(22.5431, digits: 6) == "22.543100")
        #expect(DecimalText.fixed(-0.00004, digits: 4) == "-0.0000" || DecimalText.fixed(-0.00004, digits: 4) == "0.0000")
        #expect(DecimalText.fixed(1.99999, digits: 2) == "2.00")
    }

    @Test func typedCoordinatesCarryTheirDatum() {
        let parsed = OriginText.coordinate("114.0579, 22.5431 gcj02")
        #expect(parsed?.0.latitude == 22.5431)
        #expect(parsed?.0.longitude == 114.0579)
        #expect(parsed?.1 == .gcj02)
        #expect(OriginText.coordinate("22.5 114.0")?.1 == nil)
        #expect(OriginText.coordinate("市民中心") == nil)
    }
}
