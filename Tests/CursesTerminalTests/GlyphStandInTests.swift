import Testing
@testable import CursesTerminal

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
