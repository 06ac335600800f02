import BrowserUI
import Testing
@testable import CursesTerminal

@Suite struct CellAppearanceTests {
    @Test func eachStyleHasItsAttributesAndPair() {
        let expected: [Style: CellAppearance] = [
            .normal: CellAppearance(attributes: []),
            .title: CellAppearance(attributes: [.bold], pair: .heading),
            .selected: CellAppearance(attributes: [.reverse]),
            .dim: CellAppearance(attributes: [.dim]),
            .match: CellAppearance(attributes: [.bold, .underline], pair: .match),
            .border: CellAppearance(attributes: [], pair: .border),
            .keyBar: CellAppearance(attributes: []),
            .key: CellAppearance(attributes: [.reverse, .bold]),
            .warning: CellAppearance(attributes: [.bold], pair: .warning),
            .status: CellAppearance(attributes: [.reverse], pair: .accent),
            .field: CellAppearance(attributes: [.underline]),
        ]
        #expect(expected.count == Style.allCases.count)
        for style in Style.allCases {
            #expect(CellAppearance.of(style, colour: true) == expected[style], "\(style)")
        }
    }

    @Test func withoutColourNoPairIsUsedAndTheAttributesStay() {
        for style in Style.allCases {
            let plain = CellAppearance.of(style, colour: false)
            #expect(plain.pair == nil, "\(style)")
            #expect(plain.attributes == CellAppearance.of(style, colour: true).attributes, "\(style)")
        }
    }

    @Test func everyStyleThatMeansSomethingHasANonColourCue() {
        // Borders and the key bar's background are positional; everything else must survive NO_COLOR.
        for style in Style.allCases where ![.normal, .border, .keyBar].contains(style) {
            #expect(!CellAppearance.of(style, colour: false).attributes.isEmpty, "\(style)")
        }
        #expect(CellAppearance.of(.selected, colour: false).attributes.contains(.reverse))
        #expect(CellAppearance.of(.match, colour: false).attributes.isSuperset(of: [.bold, .underline]))
    }

    @Test func attributeBitsMatchTheShim() {
        #expect(CellAppearance.Attributes.bold.rawValue == 1)
        #expect(CellAppearance.Attributes.reverse.rawValue == 2)
        #expect(CellAppearance.Attributes.underline.rawValue == 4)
        #expect(CellAppearance.Attributes.dim.rawValue == 8)
    }

    @Test func colourPairsAreNumberedFromOneWithAnsiForegrounds() {
        #expect(ColourPair.allCases.map(\.rawValue) == [1, 2, 3, 4, 5])
        #expect(ColourPair.allCases.map(\.foreground) == [6, 3, 1, 4, 4])
    }
}

@Suite struct DrawableScalarTests {
    @Test func controlScalarsNeverReachTheTerminal() {
        #expect(CursesTerminal.drawable(0x1B) == 0xFFFD)
        #expect(CursesTerminal.drawable(0x07) == 0xFFFD)
        #expect(CursesTerminal.drawable(0x7F) == 0xFFFD)
        #expect(CursesTerminal.drawable(0x9B) == 0xFFFD)
        #expect(CursesTerminal.drawableCombining(0x1B) == 0)
    }

    @Test func printableScalarsPassUnchanged() {
        #expect(CursesTerminal.drawable(0x793E) == 0x793E)
        #expect(CursesTerminal.drawable(0x20) == 0x20)
        #expect(CursesTerminal.drawableCombining(0x0301) == 0x0301)
    }
}

@Suite struct GlyphStandInTests {
    @Test func charactersBothSidesMeasureAlikeAreDrawnAsTheyAre() {
        #expect(GlyphStandIn.replacement(for: "社", columns: 2, libraryColumns: 2) == nil)
        #expect(GlyphStandIn.replacement(for: "a", columns: 1, libraryColumns: 1) == nil)
        #expect(GlyphStandIn.replacement(for: "·", columns: 1, libraryColumns: 1) == nil)
    }

    @Test func ambiguousCharactersTheScreenMadeWideBecomeTwoColumnsOfAscii() {
        #expect(GlyphStandIn.replacement(for: "·", columns: 2, libraryColumns: 1) == ". ")
        #expect(GlyphStandIn.replacement(for: "…", columns: 2, libraryColumns: 1) == "..")
        #expect(GlyphStandIn.replacement(for: "←", columns: 2, libraryColumns: 1) == "<-")
        #expect(GlyphStandIn.replacement(for: "│", columns: 2, libraryColumns: 1) == "| ")
        #expect(GlyphStandIn.replacement(for: "①", columns: 2, libraryColumns: 1) == "? ")
    }

    @Test func everyStandInIsTwoColumnsOfPrintableAscii() {
        for (character, standIn) in GlyphStandIn.wide {
            #expect(standIn.unicodeScalars.count == 2, "\(character)")
            #expect(standIn.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(character)")
        }
    }

    @Test func unprintableOrNarrowerThanTheLibraryThinksBecomesAQuestionMark() {
        #expect(GlyphStandIn.replacement(for: "\u{0378}", columns: 1, libraryColumns: -1) == "?")
        #expect(GlyphStandIn.replacement(for: "\u{0378}", columns: 2, libraryColumns: -1) == "? ")
        #expect(GlyphStandIn.replacement(for: "x", columns: 1, libraryColumns: 2) == "?")
    }
}
