/// The compiled search form of one string: its matchable characters, folded, each with its
/// pinyin syllable and its character offset in the original text. Computed once when the
/// catalogue is compiled and stored in the compact `serialised` form.
public struct SearchKey: Hashable, Sendable {
    /// One matchable character.
    public struct Unit: Hashable, Sendable {
        /// The folded character: a lower-case ASCII letter or digit, a simplified Han character,
        /// or another letter.
        public var scalar: Unicode.Scalar
        /// The toneless pinyin reading of a Han character, ü written as v.
        public var syllable: String?
        /// The offset in characters of the original character this unit stands for.
        public var offset: Int
        /// True when a word starts here (see `PinyinTranscriber.read`).
        public var isWordStart: Bool

        public init(scalar: Unicode.Scalar, syllable: String?, offset: Int, isWordStart: Bool) {
            self.scalar = scalar
            self.syllable = syllable
            self.offset = offset
            self.isWordStart = isWordStart
        }
    }

    public var units: [Unit]
    /// The length of the original text in characters.
    public var characterCount: Int

    public init(units: [Unit], characterCount: Int) {
        self.units = units
        self.characterCount = characterCount
    }

    /// Compiles a key on the spot (ICU; about 0.1 ms a string without a shared transcriber).
    public init(_ text: String) {
        var transcriber = PinyinTranscriber()
        self = transcriber.key(for: text)
    }

    /// The compact stored form: one space-separated token per original character — `-` for a
    /// character searching ignores, otherwise the folded character followed by its syllable,
    /// prefixed with `^` at a word start. `福田区` is `^福fu 田tian 区qu`.
    public var serialised: String {
        var tokens = [String](repeating: "-", count: characterCount)
        for unit in units where unit.offset < characterCount {
            var token = unit.isWordStart ? "^" : ""
            token.unicodeScalars.append(unit.scalar)
            token += unit.syllable ?? ""
            tokens[unit.offset] = token
        }
        return tokens.joined(separator: " ")
    }

    /// Reads the form written by `serialised`; nil when the text is not such a form.
    public init?(serialised: String) {
        var units: [Unit] = []
        var offset = 0
        if serialised.isEmpty {
            self.init(units: [], characterCount: 0)
            return
        }
        for token in serialised.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += 1 }
            if token == "-" { continue }
            var scalars = Substring.UnicodeScalarView(token.unicodeScalars)
            var start = false
            if scalars.first == "^" {
                start = true
                scalars.removeFirst()
            }
            guard let scalar = scalars.first else { return nil }
            let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
            units.append(Unit(scalar: scalar, syllable: rest.isEmpty ? nil : rest, offset: offset,
                              isWordStart: start))
        }
        self.init(units: units, characterCount: offset)
    }
}

extension PinyinTranscriber {
    /// Compiles the search key of `text`, folding traditional characters to simplified.
    public mutating func key(for text: String) -> SearchKey {
        var folded: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var count = 0
        for character in text {
            defer { count += 1 }
            guard let first = character.unicodeScalars.first, let f = TextFolding.folded(first) else { continue }
            folded.append(TextFolding.isHan(f) ? simplified(f) : f)
            offsets.append(count)
        }
        // Word starts also follow characters searching ignores (spaces, punctuation).
        let (syllables, starts) = read(folded)
        var units: [SearchKey.Unit] = []
        units.reserveCapacity(folded.count)
        for i in folded.indices {
            let afterGap = i == 0 || offsets[i - 1] != offsets[i] - 1
            let kindChange = i > 0 && TextFolding.isHan(folded[i]) != TextFolding.isHan(folded[i - 1])
            units.append(SearchKey.Unit(scalar: folded[i], syllable: syllables[i], offset: offsets[i],
                                        isWordStart: starts[i] || afterGap || kindChange))
        }
        return SearchKey(units: units, characterCount: count)
    }
}
