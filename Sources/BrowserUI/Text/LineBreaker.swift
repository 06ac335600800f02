import ChineseText

/// Wraps text by display width with Chinese line-breaking rules: closing punctuation never starts
/// a line, opening brackets never end one, and Latin words and numbers are not split unless a
/// word is wider than the line.
enum LineBreaker {
    /// Characters that must not begin a line.
    static let noStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "》", "』", "】", "〕", "〉", "”", "’",
        "…", "·", "・", "％", "～", "〗", "｝", "］",
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]
    /// Characters that must not end a line.
    static let noEnd: Set<Character> = [
        "（", "「", "《", "『", "【", "〔", "〈", "“", "‘", "〖", "｛", "［", "(", "[", "{",
    ]

    /// How far back a break may move to honour the rules before the line is simply cut.
    private static let maximumBacktrack = 24

    /// Line ranges (character offsets into `characters`) no wider than `columns` each. Spaces at a
    /// break are dropped from the start of the next line. Empty text gives one empty line.
    static func wrap(_ characters: [Character], columns: Int, ambiguousWide: Bool = false) -> [Range<Int>] {
        guard !characters.isEmpty else { return [0..<0] }
        let limit = max(1, columns)
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        var index = 0
        while index < characters.count {
            let w = DisplayWidth.of(characters[index], ambiguousWide: ambiguousWide)
            if used + w <= limit || index == start {
                used += w
                index += 1
                continue
            }
            // characters[index] does not fit: choose a break at or before it.
            var end = index
            var steps = 0
            while end > start + 1, steps < maximumBacktrack, !canBreak(characters, before: end) {
                end -= 1
                steps += 1
            }
            if !canBreak(characters, before: end) { end = index }
            var lineEnd = end
            while lineEnd > start + 1, characters[lineEnd - 1] == " " { lineEnd -= 1 }
            lines.append(start..<lineEnd)
            start = end
            while start < characters.count, characters[start] == " " { start += 1 }
            index = start
            used = 0
        }
        if start < characters.count || lines.isEmpty { lines.append(start..<characters.count) }
        return lines
    }

    /// True when a line may end before `characters[index]`.
    static func canBreak(_ characters: [Character], before index: Int) -> Bool {
        guard index > 0, index < characters.count else { return true }
        let previous = characters[index - 1]
        let next = characters[index]
        if next == " " || previous == " " { return true }
        if isWordCharacter(previous) && isWordCharacter(next) { return false }
        if noStart.contains(next) || noEnd.contains(previous) { return false }
        return true
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A)
            || (ascii >= 0x61 && ascii <= 0x7A) || ascii == 0x2D || ascii == 0x5F || ascii == 0x2F || ascii == 0x2E || ascii == 0x3A
    }
}
