import Testing
import ChineseText

/// One quoting writer serves JSON for catalogue files, JSON for the terminal and TOML mappings;
/// each keeps its own escapes.
@Suite struct QuotedStringTests {
    let text = "a\"b\\c\nd\te\rf\u{08}g\u{0C}h\u{01}i\u{7F}j\u{202E}k福"

    @Test func catalogueJSONWritesBackspaceAndFormFeedByLetterAndControlsInLowerCaseHex() {
        let rules = QuotedString.Rules(backspaceAndFormFeedByLetter: true, upperCaseHex: false) { $0.value < 0x20 }
        #expect(QuotedString.quoted(text, rules: rules) == "\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0001i\u{7F}j\u{202E}k福\"")
    }

    @Test func tomlWritesControlsAndDeleteInUpperCaseHex() {
        let rules = QuotedString.Rules(backspaceAndFormFeedByLetter: false, upperCaseHex: true) { $0.value < 0x20 || $0.value == 0x7F }
        #expect(QuotedString.quoted(text, rules: rules) == "\"a\\\"b\\\\c\\nd\\te\\rf\\u0008g\\u000Ch\\u0001i\\u007Fj\u{202E}k福\"")
    }

    @Test func terminalJSONEscapesWhatTheSanitiserCallsUnsafe() {
        let rules = QuotedString.Rules(backspaceAndFormFeedByLetter: false, upperCaseHex: false) { Sanitiser.isUnsafe($0) }
        #expect(QuotedString.quoted(text, rules: rules) == "\"a\\\"b\\\\c\\nd\\te\\rf\\u0008g\\u000ch\\u0001i\\u007fj\\u202ek福\"")
    }
}
