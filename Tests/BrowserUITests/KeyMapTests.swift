import Testing
@testable import BrowserUI

/// The one key table: lookups, text entry, and the bar and help generated from it.
@Suite struct KeyMapTests {
    let map = KeyMap.standard

    @Test func commonKeysDoWhatTheGuideSays() {
        #expect(map.command(for: .character("j"), in: .browse) == .down)
        #expect(map.command(for: .down, in: .browse) == .down)
        #expect(map.command(for: .character("k"), in: .reader) == .up)
        #expect(map.command(for: .control("d"), in: .browse) == .halfPageDown)
        #expect(map.command(for: .control("u"), in: .reader) == .halfPageUp)
        #expect(map.command(for: .character("g"), in: .browse) == .top)
        #expect(map.command(for: .character("G"), in: .browse) == .bottom)
        #expect(map.command(for: .enter, in: .browse) == .open)
        #expect(map.command(for: .escape, in: .browse) == .back)
        #expect(map.command(for: .backspace, in: .pointDetail) == .back)
        #expect(map.command(for: .character("h"), in: .itemDetail) == .back)
        #expect(map.command(for: .character("/"), in: .browse) == .find)
        #expect(map.command(for: .character("/"), in: .reader) == .searchText)
        #expect(map.command(for: .character("n"), in: .reader) == .nextMatch)
        #expect(map.command(for: .character("N"), in: .reader) == .previousMatch)
        #expect(map.command(for: .character("t"), in: .reader) == .contents)
        #expect(map.command(for: .character("?"), in: .nearby) == .help)
        #expect(map.command(for: .character("q"), in: .browse) == .quit)
        #expect(map.command(for: .character("1"), in: .nearby) == .radius(metres: 500))
        #expect(map.command(for: .character("2"), in: .nearby) == .radius(metres: 1000))
        #expect(map.command(for: .character("3"), in: .nearby) == .radius(metres: 1500))
        #expect(map.command(for: .character("r"), in: .nearby) == .typeRadius)
        #expect(map.command(for: .character("o"), in: .nearby) == .setOrigin)
        #expect(map.command(for: .character("f"), in: .nearby) == .filter)
    }

    @Test func theDashboardOpensWithDAndMovesWithArrowsAndHjklSoEscAndBackspaceGoBack() {
        #expect(map.command(for: .character("d"), in: .browse) == .dashboard)
        for (key, command) in [(Key.character("h"), Command.columnLeft), (.left, .columnLeft), (.character("l"), .columnRight),
                               (.right, .columnRight), (.character("k"), .up), (.up, .up), (.character("j"), .down), (.down, .down),
                               (.enter, .open), (.escape, .back), (.backspace, .back),
                               (.character("1"), .radius(metres: 500)), (.character("2"), .radius(metres: 1000)),
                               (.character("3"), .radius(metres: 1500))] {
            #expect(map.command(for: key, in: .dashboard) == command, "\(key)")
        }
        #expect(map.command(for: .escape, in: .coverageGaps) == .back)
        #expect(map.command(for: .character("2"), in: .coverageGaps) == .radius(metres: 1000))
    }

    @Test func fieldsTypeEveryPrintableKeyIncludingChinese() {
        #expect(map.command(for: .character("q"), in: .find) == .insert("q"))
        #expect(map.command(for: .character("j"), in: .picker) == .insert("j"))
        #expect(map.command(for: .character("社"), in: .prompt) == .insert("社"))
        #expect(map.command(for: .escape, in: .find) == .cancel)
        #expect(map.command(for: .escape, in: .prompt) == .cancel)
        #expect(map.command(for: .enter, in: .find) == .open)
    }

    @Test func noKeyIsBoundTwiceInAMode() {
        for mode in Mode.allCases {
            let keys = map.bindings(in: mode).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(mode)")
        }
    }

    @Test func everyModeHasBindingsHelpAndAQuitOrCancel() {
        for mode in Mode.allCases {
            let commands = map.bindings(in: mode).map(\.command)
            #expect(!commands.isEmpty)
            #expect(commands.contains(.quit) || commands.contains(.cancel), "\(mode) has no way out")
        }
    }

    @Test func theHelpPageListsEveryBindingOfItsMode() {
        for mode in Mode.allCases {
            let text = HelpPage.rows(for: mode, keyMap: map, language: .chinese)
                .map { $0.pieces.map(\.text).joined() }.joined(separator: "\n")
            for binding in map.bindings(in: mode) {
                #expect(text.contains(binding.keyLabel), "\(mode): \(binding.keyLabel) missing")
                #expect(text.contains(binding.command.help(.chinese)))
            }
        }
    }

    @Test func theKeyBarComesFromTheSameTable() {
        let entries = KeyBarView.entries(mode: .reader, keyMap: map, language: .english, width: 200, ambiguousWide: false)
        #expect(entries.map(\.command) == map.barBindings(in: .reader).map(\.command))
        #expect(entries.map(\.key) == ["Esc", "t", "/", "n", "?", "q"])
        let narrow = KeyBarView.entries(mode: .nearby, keyMap: map, language: .chinese, width: 30, ambiguousWide: false)
        #expect(narrow.contains { $0.command == .help })
        #expect(narrow.contains { $0.command == .quit })
        #expect((narrow.last?.columns.upperBound ?? 0) <= 31)
    }

    @Test func everyCommandHasHelpInBothLanguages() {
        let commands: [Command] = [.up, .down, .open, .back, .find, .searchText, .contents, .nearby, .setOrigin,
                                   .radius(metres: 500), .typeRadius, .filter, .clearFilter, .help, .quit]
        for command in commands {
            #expect(!command.help(.chinese).isEmpty)
            #expect(command.help(.english) != command.help(.chinese))
        }
    }
}
