import BrowserUI
import CNcursesw
import Testing
@testable import CursesTerminal

@Suite struct InputDecoderTests {
    private func key(_ input: RawInput) -> Key? {
        guard case .key(let key)? = InputDecoder.event(for: input) else { return nil }
        return key
    }

    @Test func printableCharactersIncludingChineseBecomeCharacters() {
        #expect(key(.character(UInt32(("q" as Unicode.Scalar).value))) == .character("q"))
        #expect(key(.character(0x793E)) == .character("社"))
        #expect(key(.character(0x2F)) == .character("/"))
        #expect(key(.character(0xFF53)) == .character("ｓ"))
    }

    @Test func controlCodesBecomeNamedKeysOrControlLetters() {
        #expect(key(.character(10)) == .enter)
        #expect(key(.character(13)) == .enter)
        #expect(key(.character(9)) == .tab)
        #expect(key(.character(27)) == .escape)
        #expect(key(.character(127)) == .backspace)
        #expect(key(.character(8)) == .backspace)
        #expect(key(.character(4)) == .control("d"))
        #expect(key(.character(21)) == .control("u"))
        #expect(key(.character(1)) == .control("a"))
        #expect(key(.character(26)) == .control("z"))
    }

    @Test func inertControlCodesAreDropped() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F] {
            #expect(InputDecoder.event(for: .character(code)) == nil, "code \(code)")
        }
    }

    @Test func functionKeyCodesBecomeKeys() {
        #expect(key(.keyCode(KEY_UP)) == .up)
        #expect(key(.keyCode(KEY_DOWN)) == .down)
        #expect(key(.keyCode(KEY_LEFT)) == .left)
        #expect(key(.keyCode(KEY_RIGHT)) == .right)
        #expect(key(.keyCode(KEY_PPAGE)) == .pageUp)
        #expect(key(.keyCode(KEY_NPAGE)) == .pageDown)
        #expect(key(.keyCode(KEY_HOME)) == .home)
        #expect(key(.keyCode(KEY_END)) == .end)
        #expect(key(.keyCode(KEY_A1)) == .home)
        #expect(key(.keyCode(KEY_C1)) == .end)
        #expect(key(.keyCode(KEY_ENTER)) == .enter)
        #expect(key(.keyCode(KEY_BACKSPACE)) == .backspace)
        #expect(key(.keyCode(KEY_DC)) == .delete)
        #expect(key(.keyCode(KEY_BTAB)) == .backTab)
        #expect(key(.keyCode(KEY_F0 + 1)) == .function(1))
        #expect(key(.keyCode(KEY_F0 + 12)) == .function(12))
    }

    @Test func unknownKeyCodesAndTheMouseAndResizeCodesAloneAreDropped() {
        #expect(InputDecoder.event(for: .keyCode(KEY_F0)) == nil)
        #expect(InputDecoder.event(for: .keyCode(KEY_MOUSE)) == nil)
        #expect(InputDecoder.event(for: .keyCode(KEY_RESIZE)) == nil)
        #expect(InputDecoder.event(for: .keyCode(KEY_IC)) == nil)
    }

    @Test func mouseReportsBecomeClicksAndScrolls() {
        #expect(InputDecoder.event(for: .mouse(buttons: .primary, row: 3, column: 7))
                == .click(row: 3, column: 7))
        #expect(InputDecoder.event(for: .mouse(buttons: .wheelUp, row: 5, column: 1))
                == .scroll(lines: -3, row: 5, column: 1))
        #expect(InputDecoder.event(for: .mouse(buttons: .wheelDown, row: 5, column: 1))
                == .scroll(lines: 3, row: 5, column: 1))
        #expect(InputDecoder.event(for: .mouse(buttons: [], row: 0, column: 0)) == nil)
    }

    /// ncurses fails a read after a resize interrupts it while it discards a mouse button the
    /// browser did not ask for (`\e[<2;10;5M`, then a resize): that is not the end of input.
    @Test func aFailedReadEndsTheBrowserOnlyWhenTheTerminalIsGoneOrReadsKeepFailing() {
        #expect(InputDecoder.afterFailedRead(inputGone: false, failuresInARow: 1) == .nothing)
        #expect(InputDecoder.afterFailedRead(inputGone: false, failuresInARow: InputDecoder.failedReadLimit - 1) == .nothing)
        #expect(InputDecoder.afterFailedRead(inputGone: true, failuresInARow: 1) == .end)
        #expect(InputDecoder.afterFailedRead(inputGone: false, failuresInARow: InputDecoder.failedReadLimit) == .end)
        #expect(InputDecoder.event(for: .nothing) == nil)
    }

    @Test func resizeAndEndPassThrough() {
        #expect(InputDecoder.event(for: .resize(width: 40, height: 12)) == .resize(width: 40, height: 12))
        #expect(InputDecoder.event(for: .end) == .end)
    }
}
