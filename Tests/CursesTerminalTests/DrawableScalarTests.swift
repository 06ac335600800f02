import Testing
@testable import CursesTerminal

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
