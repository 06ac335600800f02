import BrowserUI
import Testing
@testable import CursesTerminal

@Suite struct EscapeSequenceParserTests {
    /// Feeds what follows ESC and returns every step, in order.
    private func steps(_ text: String) -> [EscapeSequenceParser.Step] {
        var parser = EscapeSequenceParser()
        return text.unicodeScalars.map { parser.feed($0.value) }
    }

    /// The key a whole sequence (the text after ESC) means; fails when it is not complete exactly
    /// at its last character.
    private func key(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Key? {
        let all = steps(text)
        #expect(all.dropLast().allSatisfy { $0 == .incomplete }, "\(text) ended early: \(all)",
                sourceLocation: sourceLocation)
        guard case .complete(let key)? = all.last else {
            Issue.record("\(text) did not complete: \(all)", sourceLocation: sourceLocation)
            return nil
        }
        return key
    }

    @Test func vt220AndTmuxHomeAndEndAreHomeAndEnd() {
        #expect(key("[1~") == .home)
        #expect(key("[4~") == .end)
    }

    @Test func rxvtHomeAndEndIncludingModifiedFormsAreHomeAndEnd() {
        #expect(key("[7~") == .home)
        #expect(key("[8~") == .end)
        #expect(key("[7^") == .home)
        #expect(key("[8$") == .end)
        #expect(key("[7@") == .home)
    }

    @Test func xtermCursorKeysInBothModesAndWithModifiersAreCursorKeys() {
        #expect(key("[A") == .up)
        #expect(key("[B") == .down)
        #expect(key("[C") == .right)
        #expect(key("[D") == .left)
        #expect(key("[H") == .home)
        #expect(key("[F") == .end)
        #expect(key("OA") == .up)
        #expect(key("OD") == .left)
        #expect(key("OH") == .home)
        #expect(key("OF") == .end)
        #expect(key("[1;5H") == .home)
        #expect(key("[1;2F") == .end)
        #expect(key("[1;3A") == .up)
        #expect(key("O5B") == .down)
        #expect(key("[a") == .up)
        #expect(key("Od") == .left)
    }

    @Test func editingAndPagingKeysAreRecognised() {
        #expect(key("[3~") == .delete)
        #expect(key("[5~") == .pageUp)
        #expect(key("[6~") == .pageDown)
        #expect(key("[5;5~") == .pageUp)
        #expect(key("[6^") == .pageDown)
        #expect(key("[Z") == .backTab)
        #expect(key("[2~") == nil)
    }

    @Test func functionKeysOfEveryFamilyAreFunctionKeys() {
        #expect(key("OP") == .function(1))
        #expect(key("OS") == .function(4))
        #expect(key("[11~") == .function(1))
        #expect(key("[15~") == .function(5))
        #expect(key("[17~") == .function(6))
        #expect(key("[24~") == .function(12))
        #expect(key("[1;2P") == .function(1))
        #expect(key("[[A") == .function(1))
        #expect(key("[[E") == .function(5))
    }

    @Test func theApplicationKeypadTypesDigitsAndEnter() {
        #expect(key("Op") == .character("0"))
        #expect(key("Oy") == .character("9"))
        #expect(key("On") == .character("."))
        #expect(key("OM") == .enter)
    }

    @Test func otherCompleteSequencesAreSwallowedWhole() {
        // SGR mouse reports, focus events, bracketed-paste markers, keypad centre, unknown finals.
        for sequence in ["[<2;10;5M", "[<0;1;1m", "[I", "[O", "[200~", "[201~", "[E", "[G", "[99~",
                         "[?1;2c", "[>0;1;2x", "[1;2;3;4;5;6q"] {
            #expect(key(sequence) == nil, "\(sequence)")
        }
    }

    @Test func anX10MouseReportSwallowsItsThreeRawBytes() {
        #expect(steps("[M") == [.incomplete, .incomplete])
        #expect(key("[M !!") == nil)
        var parser = EscapeSequenceParser()
        for code: UInt32 in [0x5B, 0x4D, 0x20, 0xC8, 0x9B] { _ = parser.feed(code) }
        // The report's bytes are consumed, not read as keys; the parser is ready for the next ESC.
        #expect(parser.characters.isEmpty)
    }

    @Test func anEscapeFollowedByOrdinaryTextIsTheEscapeKeyThenTheText() {
        #expect(steps("q") == [.escapeThen(0x71)])
        #expect(steps("福") == [.escapeThen(0x798F)])
        #expect(steps("\u{1B}") == [.escapeThen(0x1B)])
    }

    @Test func aCharacterThatCannotBelongToASequenceBreaksItOffAndIsReadAgain() {
        #expect(steps("[1\u{1B}") == [.incomplete, .incomplete, .brokenThen(0x1B)])
        #expect(steps("[1福") == [.incomplete, .incomplete, .brokenThen(0x798F)])
    }

    @Test func aPauseAfterALoneEscapeIsTheEscapeKeyAndAfterAPartialSequenceSwallowsIt() {
        var lone = EscapeSequenceParser()
        #expect(lone.interrupted() == .escape)
        var partial = EscapeSequenceParser()
        _ = partial.feed(0x5B)
        _ = partial.feed(0x31)
        #expect(partial.interrupted() == nil)
        #expect(partial.characters.isEmpty)
    }

    @Test func anEndlessSequenceIsCutOffAndSwallowed() {
        let all = steps("[" + String(repeating: "1", count: 40))
        #expect(all.firstIndex(of: .complete(nil)) == EscapeSequenceParser.maximumLength)
    }
}
