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

    /// What an edit did.
    enum Edit: Sendable, Equatable {
        /// The text or the caret changed.
        case changed
        /// A character was refused: the field already holds its limit.
        case refusedAtLimit
        /// The command does not edit text.
        case notAnEdit
    }

    /// Mutates through a text-entry command, typing at most `limit` characters.
    mutating func edit(_ command: Command, limit: Int) -> Edit {
        switch command {
        case .insert(let c):
            guard characters.count < limit else { return .refusedAtLimit }
            insert(c)
        case .deleteBackward: deleteBackward()
        case .caretLeft: moveCaret(to: caret - 1)
        case .caretRight: moveCaret(to: caret + 1)
        case .caretHome: moveCaret(to: 0)
        case .caretEnd: moveCaret(to: characters.count)
        default: return .notAnEdit
        }
        return .changed
    }
}
