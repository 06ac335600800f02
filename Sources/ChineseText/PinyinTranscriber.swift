import Foundation

/// Reads Han characters as toneless pinyin syllables: the lexicon's word readings first, ICU's
/// Han→Latin transform for the rest, each character's ICU answer computed once and cached.
public struct PinyinTranscriber: Sendable {
    private var cache: [Unicode.Scalar: String] = [:]
    private var simplifiedCache: [Unicode.Scalar: Unicode.Scalar] = [:]

    /// Characters after which a new word starts in a name (区, 市, 街 …).
    static let wordEndings: Set<Unicode.Scalar> = ["区", "市", "省", "县", "镇", "村", "路", "街", "道", "号", "楼", "座", "站"]

    public init() {}

    /// The reading of one character on its own, ü written as v; nil when ICU has none.
    public mutating func syllable(of scalar: Unicode.Scalar) -> String? {
        if let known = cache[scalar] { return known.isEmpty ? nil : known }
        if let fixed = PinyinLexicon.characters[scalar] { return fixed }
        let latin = String(scalar).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
        var syllable = ""
        for s in latin.unicodeScalars {
            guard let f = TextFolding.folded(s), f.value < 0x80, f.properties.isAlphabetic else { continue }
            syllable.unicodeScalars.append(f)
        }
        cache[scalar] = syllable
        return syllable.isEmpty ? nil : syllable
    }

    /// The simplified form of a Han character (ICU's Hant-Hans), cached.
    public mutating func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let known = simplifiedCache[scalar] { return known }
        let result = TextFolding.simplified(scalar)
        simplifiedCache[scalar] = result
        return result
    }

    /// Readings and word starts for a run of folded scalars (non-Han scalars get nil readings).
    /// A word starts at the first Han character after a non-Han one, at each lexicon word, after
    /// a lexicon word ends and after a word ending such as 区.
    public mutating func read(_ scalars: [Unicode.Scalar]) -> (syllables: [String?], wordStarts: [Bool]) {
        var syllables = [String?](repeating: nil, count: scalars.count)
        var starts = [Bool](repeating: false, count: scalars.count)
        var i = 0
        var boundary = true
        while i < scalars.count {
            let scalar = scalars[i]
            guard TextFolding.isHan(scalar) else {
                boundary = true
                i += 1
                continue
            }
            if let (length, word) = lexiconWord(in: scalars, at: i) {
                starts[i] = true
                for k in 0..<length { syllables[i + k] = word[k] }
                i += length
                boundary = true
                continue
            }
            if boundary { starts[i] = true }
            syllables[i] = syllable(of: scalar)
            boundary = Self.wordEndings.contains(scalar)
            i += 1
        }
        return (syllables, starts)
    }

    private func lexiconWord(in scalars: [Unicode.Scalar], at start: Int) -> (Int, [String])? {
        let maxLength = min(PinyinLexicon.longestWordLength, scalars.count - start)
        guard maxLength >= 2 else { return nil }
        for length in stride(from: maxLength, through: 2, by: -1) {
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<(start + length)])
            if let reading = PinyinLexicon.words[String(word)] { return (length, reading) }
        }
        return nil
    }
}
