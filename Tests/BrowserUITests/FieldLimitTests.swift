import Catalogue
import Testing
@testable import BrowserUI

/// Every text field stops at a stated length, and says so: beyond it no text can mean anything,
/// and a paste of thousands of characters must not make each keystroke slower.
@Suite struct FieldLimitTests {
    private func fieldText(_ state: BrowserState) -> String {
        switch state.page {
        case .find: state.findField.text
        case .picker: state.pickerField.text
        default: state.prompt?.field.text ?? ""
        }
    }

    private func type(_ text: String, into state: inout BrowserState) {
        for character in text { _ = state.apply(.insert(character)) }
    }

    @Test func thePlacePickerTakesAHundredCharactersAndSaysSoAtTheHundredAndFirst() {
        var state = Fixture.state()
        _ = state.apply(.nearby)
        #expect(state.page == .picker(.origin))
        type(String(repeating: "福", count: 100), into: &state)
        #expect(fieldText(state).count == 100)
        #expect(state.message == nil)
        _ = state.apply(.insert("田"))
        #expect(fieldText(state) == String(repeating: "福", count: 100))
        #expect(state.message == "此处最多输入 100 个字符")
        // Deleting makes room again.
        _ = state.apply(.deleteBackward)
        _ = state.apply(.insert("田"))
        #expect(fieldText(state) == String(repeating: "福", count: 99) + "田")
    }

    @Test func theFindBoxAndTheFilterPickerTakeTwoHundredCharacters() {
        var find = Fixture.state(language: .english)
        _ = find.apply(.find)
        type(String(repeating: "a", count: 250), into: &find)
        #expect(fieldText(find).count == 200)
        #expect(find.message == "At most 200 characters here")

        var filter = Fixture.state()
        for command in NearbyScreenTests.fromCivicCentre { _ = filter.apply(command) }
        _ = filter.apply(.filter)
        #expect(filter.page == .picker(.filter))
        type(String(repeating: "x", count: 201), into: &filter)
        #expect(fieldText(filter).count == 200)
    }

    @Test func theRadiusPromptTakesEightDigits() {
        var state = Fixture.state()
        for command in NearbyScreenTests.fromCivicCentre { _ = state.apply(command) }
        _ = state.apply(.typeRadius)
        type(String(repeating: "1", count: 12), into: &state)
        // The prompt starts with the current radius (1000).
        #expect(fieldText(state) == "1000" + String(repeating: "1", count: 4))
        #expect(state.message == "此处最多输入 8 个字符")
    }

    @Test func theLimitIsAboutTypingNotAboutMovingTheCaret() {
        var state = Fixture.state()
        _ = state.apply(.find)
        type(String(repeating: "a", count: 200), into: &state)
        _ = state.apply(.caretHome)
        #expect(state.findField.caret == 0)
        #expect(state.message == nil)
    }
}
