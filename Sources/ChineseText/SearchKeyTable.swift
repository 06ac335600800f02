import FlatStorage

/// Many search keys packed into flat arrays, with a bit mask per key to skip most keys
/// cheaply, and the ranked matcher over them.
public struct SearchKeyTable: Sendable {
    static let noSyllable = UInt16.max
    /// The most skipped characters a fuzzy match may have.
    public static let maximumGaps = 4
    /// The fewest letters a query needs before it may skip characters.
    public static let minimumFuzzyLength = 3

    // Every column is a `FlatArray`: built here, or borrowed from a compiled catalogue's mapped
    // section and read where it lies (`init(columns:)`).
    let scalars: FlatArray<UInt32>
    /// Per unit: the first letter of its syllable, else its scalar (what a typed letter must meet
    /// for a match to start there).
    let leads: FlatArray<UInt32>
    let syllables: FlatArray<UInt16>
    let wordStarts: FlatArray<Bool>
    let offsets: FlatArray<Int32>
    let entryStarts: FlatArray<Int32>
    let characterCounts: FlatArray<Int32>
    let masks: FlatArray<UInt64>
    /// Per entry: bits (as in `bit(forQueryToken:)`) of the ASCII letters and digits it has of its
    /// own, which a typed letter can match literally, outranking pinyin.
    let literalMasks: FlatArray<UInt64>
    /// Per entry: bits (as in `bit(forQueryToken:)`) of its units' ASCII leads, the letters a
    /// match can resume with after skipped characters.
    let leadMasks: FlatArray<UInt64>
    /// Per entry, `pairWords` words (256 bits): hashed bits of the letter pairs a two-letter query can
    /// start a match with (a syllable's first two letters; the first letters of two neighbouring
    /// units).
    let pairMasks: FlatArray<UInt64>
    let syllableBytes: FlatArray<UInt8>
    let syllableStarts: FlatArray<Int32>
    let syllableInitialLengths: FlatArray<UInt8>
    let longestEntry: Int
    /// For each ASCII letter and digit typed alone (the first keystroke, which matches the most
    /// texts), every matching entry with its score, in entry order: slot `s` is
    /// `postings[postingStarts[s]..<postingStarts[s + 1]]`.
    let postingStarts: FlatArray<Int32>
    let postings: FlatArray<EntryScore>

    /// Packs `keys`; entry `i` is `keys[i]`.
    public init(keys: [SearchKey]) {
        var scalars: [UInt32] = [], leads: [UInt32] = [], syllables: [UInt16] = [], wordStarts: [Bool] = []
        var offsets: [Int32] = [], entryStarts: [Int32] = [0], characterCounts: [Int32] = [], masks: [UInt64] = []
        var literalMasks: [UInt64] = [], leadMasks: [UInt64] = [], syllableBytes: [UInt8] = []
        var syllableStarts: [Int32] = [0], syllableInitialLengths: [UInt8] = [], longestEntry = 0
        var syllableIDs: [String: UInt16] = [:]
        masks.reserveCapacity(keys.count)
        characterCounts.reserveCapacity(keys.count)
        entryStarts.reserveCapacity(keys.count + 1)
        for key in keys {
            var mask: UInt64 = 0
            for unit in key.units {
                scalars.append(unit.scalar.value)
                offsets.append(Int32(unit.offset))
                wordStarts.append(unit.isWordStart)
                mask |= Self.bit(forQueryToken: unit.scalar.value)
                guard let syllable = unit.syllable, let lead = syllable.utf8.first else {
                    leads.append(unit.scalar.value)
                    syllables.append(Self.noSyllable)
                    continue
                }
                let id: UInt16
                if let known = syllableIDs[syllable] {
                    id = known
                } else {
                    id = UInt16(truncatingIfNeeded: syllableInitialLengths.count)
                    syllableIDs[syllable] = id
                    syllableBytes.append(contentsOf: syllable.utf8)
                    syllableStarts.append(Int32(syllableBytes.count))
                    let twoLetter = syllable.hasPrefix("zh") || syllable.hasPrefix("ch") || syllable.hasPrefix("sh")
                    syllableInitialLengths.append(twoLetter && syllable.utf8.count > 2 ? 2 : 1)
                }
                syllables.append(id)
                leads.append(UInt32(lead))
                for byte in syllable.utf8 {
                    mask |= Self.bit(forQueryToken: UInt32(byte))
                    if byte == UInt8(ascii: "v") { mask |= Self.bit(forQueryToken: UInt32(UInt8(ascii: "u"))) }
                }
            }
            longestEntry = max(longestEntry, key.units.count)
            entryStarts.append(Int32(scalars.count))
            characterCounts.append(Int32(key.characterCount))
            masks.append(mask)
            var literals: UInt64 = 0
            for unit in key.units where unit.scalar.value < 0x80 { literals |= Self.bit(forQueryToken: unit.scalar.value) }
            literalMasks.append(literals)
            var leadBits: UInt64 = 0
            for u in (Int(entryStarts[entryStarts.count - 2]))..<scalars.count where leads[u] < 0x80 {
                leadBits |= Self.bit(forQueryToken: leads[u])
            }
            leadMasks.append(leadBits)
        }
        let pairMasks = Self.pairMasks(leads: leads, syllables: syllables, syllableBytes: syllableBytes,
                                       syllableStarts: syllableStarts, entryStarts: entryStarts)
        let letterPostings = Self.postings(scalars: scalars, leads: leads, syllables: syllables,
                                           syllableStarts: syllableStarts, wordStarts: wordStarts, entryStarts: entryStarts)
        var postingStarts: [Int32] = [0]
        for list in letterPostings { postingStarts.append(postingStarts[postingStarts.count - 1] + Int32(list.count)) }
        self.init(columns: Columns(
            scalars: FlatArray(scalars), leads: FlatArray(leads), syllables: FlatArray(syllables),
            wordStarts: FlatArray(wordStarts), offsets: FlatArray(offsets), entryStarts: FlatArray(entryStarts),
            characterCounts: FlatArray(characterCounts), masks: FlatArray(masks), literalMasks: FlatArray(literalMasks),
            leadMasks: FlatArray(leadMasks), pairMasks: FlatArray(pairMasks), syllableBytes: FlatArray(syllableBytes),
            syllableStarts: FlatArray(syllableStarts), syllableInitialLengths: FlatArray(syllableInitialLengths),
            longestEntry: longestEntry, postingStarts: FlatArray(postingStarts),
            postings: FlatArray(letterPostings.flatMap { $0 })))
    }

    /// The words of pair bits per entry (a long text has 40-odd pairs, so fewer bits would let
    /// most pairs through in a large catalogue).
    static let pairWords = 4

    /// The word and bit of a pair of ASCII letters or digits in an entry's `pairMasks`.
    static func pairBit(_ first: UInt32, _ second: UInt32) -> (word: Int, bit: UInt64) {
        let pair = UInt64(first) << 8 | UInt64(second)
        let hash = (pair &* 0x9E37_79B9_7F4A_7C15) >> 56
        return (Int(hash >> 6), 1 << (hash & 63))
    }

    /// True when entry `entry`'s pair bits hold `pair`.
    @inline(__always)
    func hasPair(_ entry: Int, _ pair: (word: Int, bit: UInt64)) -> Bool {
        pairMasks[Self.pairWords * entry + pair.word] & pair.bit != 0
    }

    /// Two letters t0 t1 match contiguously only where t0 starts a unit and t1 either follows it in
    /// the same syllable or starts the next unit: those pairs, per entry.
    static func pairMasks(leads: [UInt32], syllables: [UInt16], syllableBytes: [UInt8], syllableStarts: [Int32],
                          entryStarts: [Int32]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(pairWords * (entryStarts.count - 1))
        for entry in 0..<(entryStarts.count - 1) {
            let start = Int(entryStarts[entry]), end = Int(entryStarts[entry + 1])
            let base = result.count
            result.append(contentsOf: repeatElement(0, count: pairWords))
            func add(_ pair: (word: Int, bit: UInt64)) {
                result[base + pair.word] |= pair.bit
            }
            for u in start..<end {
                let lead = leads[u]
                guard lead < 0x80 else { continue }
                if u + 1 < end, leads[u + 1] < 0x80 { add(pairBit(lead, leads[u + 1])) }
                let id = syllables[u]
                guard id != noSyllable else { continue }
                let from = Int(syllableStarts[Int(id)]), to = Int(syllableStarts[Int(id) + 1])
                if to - from >= 2 {
                    let second = UInt32(syllableBytes[from + 1])
                    add(pairBit(lead, second))
                    if second == 0x76 { add(pairBit(lead, 0x75)) }
                }
            }
        }
        return result
    }

    /// The slot of an ASCII letter or digit in `postingStarts`.
    static func letterSlot(_ token: UInt32) -> Int? {
        switch token {
        case 0x61...0x7A: return Int(token - 0x61)
        case 0x30...0x39: return 26 + Int(token - 0x30)
        default: return nil
        }
    }

    /// Scores every entry against every one-letter query in one pass, with the rules of
    /// `TableMatcher.score` for a single token: the same character is literal (exact, prefix,
    /// word start, substring); the first letter of a syllable is an initial, or whole pinyin
    /// when the syllable is that letter.
    static func postings(scalars: [UInt32], leads: [UInt32], syllables: [UInt16], syllableStarts: [Int32],
                         wordStarts: [Bool], entryStarts: [Int32]) -> [[EntryScore]] {
        var postings = [[EntryScore]](repeating: [], count: 36)
        var best = [Int](repeating: 0, count: 36)
        var touched: [Int] = []
        for entry in 0..<(entryStarts.count - 1) {
            let base = Int(entryStarts[entry])
            let count = Int(entryStarts[entry + 1]) - base
            for u in 0..<count {
                let scalar = scalars[base + u]
                let score: Int
                let slot: Int
                if let literal = letterSlot(scalar) {
                    slot = literal
                    let tier: MatchTier = u == 0 ? (count == 1 ? .exact : .prefix) : wordStarts[base + u] ? .wordStart : .substring
                    score = tier.rawValue << 8
                } else if let lead = letterSlot(leads[base + u]), syllables[base + u] != noSyllable {
                    slot = lead
                    let id = Int(syllables[base + u])
                    let whole = syllableStarts[id + 1] - syllableStarts[id] == 1
                    let bonus = u == 0 ? 2 : wordStarts[base + u] ? 1 : 0
                    score = (whole ? MatchTier.fullPinyin : MatchTier.initials).rawValue << 8 | bonus | (whole ? 4 : 0)
                } else {
                    continue
                }
                if best[slot] == 0 { touched.append(slot) }
                best[slot] = max(best[slot], score)
            }
            for slot in touched {
                postings[slot].append(EntryScore(entry: Int32(entry), score: Int32(best[slot])))
                best[slot] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return postings
    }

    /// The postings of one slot (see `postings`).
    private func postingRange(_ slot: Int) -> Range<Int> {
        Int(postingStarts[slot])..<Int(postingStarts[slot + 1])
    }

    /// The number of keys.
    public var count: Int { masks.count }

    /// The length in characters of entry `entry`'s original text.
    public func characterCount(of entry: Int) -> Int { Int(characterCounts[entry]) }

    /// The prefilter bit of one folded character: a bit per ASCII letter and digit, and one of
    /// 28 hashed bits for anything else.
    static func bit(forQueryToken token: UInt32) -> UInt64 {
        switch token {
        case 0x61...0x7A: return 1 << UInt64(token - 0x61)
        case 0x30...0x39: return 1 << UInt64(26 + token - 0x30)
        default: return 1 << UInt64(36 + (token &* 2_654_435_761 >> 7) % 28)
        }
    }

    /// The score of every entry that matches `query`, in entry order; `candidates` (ascending
    /// entry numbers) limits the scan, for instance to the previous keystroke's matches.
    public func scores(for query: SearchQuery, among candidates: [Int32]? = nil) -> [EntryScore] {
        scores(for: query, among: candidates, shortcuts: true)
    }

    /// `scores(for:among:)` written into `result`, whose storage is reused (as-you-type search
    /// keeps one buffer instead of allocating megabytes a keystroke in a large catalogue).
    public func scores(for query: SearchQuery, among candidates: [Int32]?, into result: inout [EntryScore]) {
        var deferred: [Int32] = []
        scores(for: query, among: candidates, into: &result, lowRanked: nil, deferred: &deferred, shortcuts: true)
    }

    /// The scores of a one-letter query over every entry, precomputed (as `scores(for:)` returns
    /// them); nil for other queries.
    public func precomputedScores(for query: SearchQuery) -> [EntryScore]? {
        guard query.tokens.count == 1, let slot = Self.letterSlot(query.tokens[0]) else { return nil }
        return Array(postings.buffer[postingRange(slot)])
    }

    /// `scores(for:among:into:)` for a ranking that can tell, during the scan, which entries it no
    /// longer needs: each candidate that passes the cheap filters is offered as
    /// `admits(entry, ceiling)`, `ceiling` being a bound on its score found without matching
    /// (0 for the entries flagged in `lowRanked`, the fuzzy tier's best for a match that could
    /// only skip characters, whose scoring costs the most); when that returns false the entry is
    /// not scored but listed in `deferred` (ascending). `found` receives each score appended to
    /// `result`, in entry order. `result` and `deferred` together hold every entry that matches.
    public func scores(for query: SearchQuery, among candidates: [Int32]?, into result: inout [EntryScore],
                       lowRanked: FlatArray<Bool>, deferred: inout [Int32],
                       admits: (_ entry: Int32, _ ceiling: Int32) -> Bool, found: (EntryScore) -> Void) {
        scores(for: query, among: candidates, into: &result, lowRanked: lowRanked, deferred: &deferred, shortcuts: true,
               admits: admits, found: found)
    }

    /// `scores(for:among:)`, optionally without the one-letter lists and the two-letter pair
    /// filter (tests compare the two).
    func scores(for query: SearchQuery, among candidates: [Int32]?, shortcuts: Bool) -> [EntryScore] {
        var result: [EntryScore] = []
        var deferred: [Int32] = []
        scores(for: query, among: candidates, into: &result, lowRanked: nil, deferred: &deferred, shortcuts: shortcuts)
        return result
    }

    private func scores(for query: SearchQuery, among candidates: [Int32]?, into result: inout [EntryScore],
                        lowRanked: FlatArray<Bool>?, deferred: inout [Int32], shortcuts: Bool,
                        admits: (Int32, Int32) -> Bool = { _, _ in true }, found: (EntryScore) -> Void = { _ in }) {
        result.removeAll(keepingCapacity: true)
        deferred.removeAll(keepingCapacity: true)
        guard !query.isEmpty else { return }
        if shortcuts, candidates == nil, let precomputed = precomputedScores(for: query) {
            result = precomputed
            for score in result { found(score) }
            return
        }
        result.reserveCapacity(candidates?.count ?? 1024)
        // A match that skips nothing starts with its first two letters as one of the entry's start
        // pairs. One that skips characters (three letters or more) either does too, or consumes
        // the first letter alone and the second at a later unit's lead.
        let t = query.tokens
        var pair: (word: Int, bit: UInt64)?
        var skipLeadBit: UInt64 = 0
        if shortcuts, t.count >= 2, t[0] < 0x80, t[1] < 0x80 {
            pair = Self.pairBit(t[0], t[1])
            if t.count >= Self.minimumFuzzyLength && !t.contains(where: { $0 >= 0x80 }) {
                skipLeadBit = Self.bit(forQueryToken: t[1])
            }
        }
        let usePair = pair != nil
        let pairBits = pair ?? (0, 0)
        let offers = lowRanked != nil
        let firstBit = Self.bit(forQueryToken: query.tokens[0])
        let fuzzyCeiling = Int32(MatchTier.fuzzy.rawValue << 8 | 0xFF)
        let masks = masks.buffer, literalMasks = literalMasks.buffer, leadMasks = leadMasks.buffer
        let lowRanked = lowRanked?.buffer ?? UnsafeBufferPointer(start: nil, count: 0)
        withMatcher(query) { matcher in
            matcher.prepareCeiling()
                func examine(_ e: Int) {
                    guard masks[e] & query.mask == query.mask,
                          !usePair || hasPair(e, pairBits) || leadMasks[e] & skipLeadBit != 0 else { return }
                    let hasFirstLiteral = literalMasks[e] & firstBit != 0
                    var s = 0
                    if offers {
                        let ceiling = lowRanked[e] ? 0 : Int32(matcher.ceiling(entry: e, hasFirstLiteral: hasFirstLiteral))
                        guard admits(Int32(e), ceiling) else {
                            deferred.append(Int32(e))
                            return
                        }
                        let contiguous = matcher.contiguousScore(entry: e, hasFirstLiteral: hasFirstLiteral, stopEarly: true)
                        s = contiguous.score
                        if contiguous.mayMatchBySkipping {
                            guard admits(Int32(e), lowRanked[e] ? 0 : fuzzyCeiling) else {
                                deferred.append(Int32(e))
                                return
                            }
                            s = matcher.fuzzyScore()
                        }
                    } else {
                        s = matcher.score(entry: e, hasFirstLiteral: hasFirstLiteral, stopEarly: true)
                    }
                    guard s > 0 else { return }
                    let score = EntryScore(entry: Int32(e), score: Int32(s))
                    result.append(score)
                    found(score)
                }
                if let candidates {
                    for entry in candidates { examine(Int(entry)) }
                } else {
                    for e in 0..<masks.count { examine(e) }
                }
        }
    }

    /// The entries a query of three letters or more can match, given the matches of its first two
    /// letters (ascending): a match either starts with those two letters together (one of
    /// `twoLetterMatches`), or consumes the first letter alone and, after skipped characters,
    /// starts again with the second and third (an entry whose first-letter list holds it and whose
    /// pair bits hold those two).
    public func candidatesAllowingSkips(for query: SearchQuery, twoLetterMatches: [Int32]) -> [Int32]? {
        let t = query.tokens
        guard t.count >= Self.minimumFuzzyLength, let slot = Self.letterSlot(t[0]), t[1] < 0x80, t[2] < 0x80 else {
            return nil
        }
        let pair = Self.pairBit(t[1], t[2])
        var result: [Int32] = []
        result.reserveCapacity(twoLetterMatches.count)
        var i = 0
        for posting in postings.buffer[postingRange(slot)] {
            let e = posting.entry
            while i < twoLetterMatches.count && twoLetterMatches[i] < e {
                result.append(twoLetterMatches[i])
                i += 1
            }
            if i < twoLetterMatches.count && twoLetterMatches[i] == e {
                result.append(e)
                i += 1
            } else if hasPair(Int(e), pair) {
                result.append(e)
            }
        }
        result.append(contentsOf: twoLetterMatches[i...])
        return result
    }

    /// The full match of one entry, with highlight ranges; nil when it does not match.
    public func match(_ query: SearchQuery, entry: Int) -> TextMatch? {
        guard !query.isEmpty, masks[entry] & query.mask == query.mask else { return nil }
        var result: TextMatch?
        withMatcher(query) { matcher in
            let score = matcher.score(entry: entry)
            guard score > 0 else { return }
            let units = matcher.matchedUnits(entry: entry, score: score)
            // Consecutive units make one span, covering any ignored characters between them.
            var ranges: [Range<Int>] = []
            var previous = -2
            for u in units {
                let offset = Int(offsets[Int(entryStarts[entry]) + u])
                if let last = ranges.last, previous == u - 1 {
                    ranges[ranges.count - 1] = last.lowerBound..<(offset + 1)
                } else {
                    ranges.append(offset..<(offset + 1))
                }
                previous = u
            }
            result = TextMatch(tier: MatchTier(rawValue: score >> 8) ?? .fuzzy, score: score, ranges: ranges)
        }
        return result
    }

    private func withMatcher(_ query: SearchQuery, _ body: (inout TableMatcher) -> Void) {
        let longest = longestEntry
        let memo = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: (query.tokens.count + 1) * (longest + 1))
        defer { memo.deallocate() }
        query.tokens.withUnsafeBufferPointer { tokens in
            var matcher = TableMatcher(
                scalars: scalars.buffer, leads: leads.buffer, syllables: syllables.buffer, wordStarts: wordStarts.buffer,
                entryStarts: entryStarts.buffer, syllableBytes: syllableBytes.buffer, syllableStarts: syllableStarts.buffer,
                syllableInitialLengths: syllableInitialLengths.buffer, query: tokens, memo: memo, memoWidth: longest + 1)
            body(&matcher)
        }
    }
}

extension SearchKey {
    /// Matches this key alone against `query` (tests and one-off uses; a table is faster for many).
    public func match(_ query: SearchQuery) -> TextMatch? {
        SearchKeyTable(keys: [self]).match(query, entry: 0)
    }
}
