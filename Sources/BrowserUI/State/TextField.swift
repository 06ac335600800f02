import ChineseText

/// A one-line text field: the characters typed and where the caret is.
public struct TextField: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The caret's position as a character index (0 = before the first).
    public private(set) var caret: Int

    public init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    public var text: String { String(characters) }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: caret)
        caret += 1
    }

    mutating func deleteBackward() {
        guard caret > 0 else { return }
        characters.remove(at: caret - 1)
        caret -= 1
    }

    mutating func moveCaret(to index: Int) { caret = min(max(0, index), characters.count) }

    /// The caret's column from the field's start: wide characters count two, so an input method
    /// anchors its candidate window at the right place.
    func caretColumn(ambiguousWide: Bool) -> Int {
        DisplayWidth.of(String(characters[..<caret]), ambiguousWide: ambiguousWide)
    }

    /// Mutates through a text-entry command; false when the command is not a text edit.
    mutating func edit(_ command: Command) -> Bool {
        switch command {
        case .insert(let c): insert(c)
        case .deleteBackward: deleteBackward()
        case .caretLeft: moveCaret(to: caret - 1)
        case .caretRight: moveCaret(to: caret + 1)
        case .caretHome: moveCaret(to: 0)
        case .caretEnd: moveCaret(to: characters.count)
        default: return false
        }
        return true
    }
}
