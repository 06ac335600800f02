/// The matching algorithm over a `SearchKeyTable`'s arrays for one query. Lives only inside
/// `SearchKeyTable.withMatcher`, which keeps the buffers alive.
///
/// A query token meets a key unit in one of these ways: the same character (literal); a whole
/// syllable (full pinyin); the first letter of a syllable, or zh/ch/sh (an initial); or, for the
/// last letters typed, the start of a syllable of two letters or more (still typing). A match is
/// contiguous, or else fuzzy: up to `SearchKeyTable.maximumGaps` units skipped.
struct TableMatcher {
    let scalars: UnsafeBufferPointer<UInt32>
    let leads: UnsafeBufferPointer<UInt32>
    let syllables: UnsafeBufferPointer<UInt16>
    let wordStarts: UnsafeBufferPointer<Bool>
    let entryStarts: UnsafeBufferPointer<Int32>
    let syllableBytes: UnsafeBufferPointer<UInt8>
    let syllableStarts: UnsafeBufferPointer<Int32>
    let syllableInitialLengths: UnsafeBufferPointer<UInt8>
    let query: UnsafeBufferPointer<UInt32>
    let memo: UnsafeMutableBufferPointer<UInt8>
    let memoWidth: Int

    private var base = 0
    private var count = 0
    /// Whether this query may skip characters (letters only, long enough).
    private let allowsSkips: Bool
    /// Bits (see `leadBit`) of the letters after the first: a skip must be followed by a unit
    /// starting with one of them.
    private let laterLeadBits: UInt64
    /// The best class a first consumption by a syllable can have for this query (`whole` when some
    /// syllable starts the query, `unfinished` when the query starts a longer syllable, else
    /// `initial`): with it, `score` stops early once no later unit can do better.
    private var pinyinCeiling = 3

    // Classes of a consumption, worst of a path wins: 4 literal, 3 whole syllable, 2 the start
    // of the syllable still being typed, 1 initial.
    private static let literal = 4
    private static let whole = 3
    private static let unfinished = 2
    private static let unreachable: UInt8 = 255

    init(scalars: UnsafeBufferPointer<UInt32>, leads: UnsafeBufferPointer<UInt32>, syllables: UnsafeBufferPointer<UInt16>,
         wordStarts: UnsafeBufferPointer<Bool>, entryStarts: UnsafeBufferPointer<Int32>,
         syllableBytes: UnsafeBufferPointer<UInt8>, syllableStarts: UnsafeBufferPointer<Int32>,
         syllableInitialLengths: UnsafeBufferPointer<UInt8>, query: UnsafeBufferPointer<UInt32>,
         memo: UnsafeMutableBufferPointer<UInt8>, memoWidth: Int) {
        self.scalars = scalars
        self.leads = leads
        self.syllables = syllables
        self.wordStarts = wordStarts
        self.entryStarts = entryStarts
        self.syllableBytes = syllableBytes
        self.syllableStarts = syllableStarts
        self.syllableInitialLengths = syllableInitialLengths
        self.query = query
        self.memo = memo
        self.memoWidth = memoWidth
        allowsSkips = query.count >= SearchKeyTable.minimumFuzzyLength && !query.contains(where: { $0 >= 0x80 })
        var bits: UInt64 = 0
        for token in query.dropFirst() { bits |= Self.leadBit(token) }
        laterLeadBits = bits
    }

    /// Finds `pinyinCeiling` from the table's syllables (a few hundred); worth it before scoring
    /// many entries.
    mutating func prepareCeiling() {
        guard let first = query.first, first < 0x80 else {
            pinyinCeiling = 0
            return
        }
        var ceiling = 1
        for id in 0..<(syllableStarts.count - 1) {
            let start = Int(syllableStarts[id]), length = Int(syllableStarts[id + 1]) - start
            var m = 0
            while m < length && m < query.count {
                let t = query[m], b = UInt32(syllableBytes[start + m])
                guard t == b || (t == 0x75 && b == 0x76) else { break }
                m += 1
            }
            if m == length { ceiling = Self.whole; break }
            if m == query.count && m >= 2 { ceiling = Self.unfinished }
        }
        pinyinCeiling = ceiling
    }

    /// One bit per ASCII letter or digit.
    @inline(__always)
    private static func leadBit(_ token: UInt32) -> UInt64 {
        token >= 0x61 ? 1 << UInt64((token &- 0x61) & 63) : 1 << UInt64((token &- 0x30 &+ 26) & 63)
    }

    /// Up to three ways the query at `q` can be consumed by unit `u`: (length, class) pairs.
    private struct Options {
        var n = 0
        var l0 = 0, c0 = 0, l1 = 0, c1 = 0, l2 = 0, c2 = 0

        mutating func add(_ length: Int, _ cls: Int) {
            switch n {
            case 0: l0 = length; c0 = cls
            case 1: l1 = length; c1 = cls
            default: l2 = length; c2 = cls
            }
            n += 1
        }

        func length(_ i: Int) -> Int { i == 0 ? l0 : i == 1 ? l1 : l2 }
        func cls(_ i: Int) -> Int { i == 0 ? c0 : i == 1 ? c1 : c2 }
    }

    @inline(__always)
    private func options(_ q: Int, _ u: Int) -> Options {
        var result = Options()
        let token = query[q]
        let scalar = scalars[base + u]
        if token == scalar {
            result.add(1, Self.literal)
            return result
        }
        guard token < 0x80, scalar >= 0x80 else { return result }
        let id = syllables[base + u]
        guard id != SearchKeyTable.noSyllable else { return result }
        let start = Int(syllableStarts[Int(id)])
        let length = Int(syllableStarts[Int(id) + 1]) - start
        var m = 0
        while m < length && q + m < query.count {
            let t = query[q + m]
            let b = UInt32(syllableBytes[start + m])
            guard t == b || (t == 0x75 && b == 0x76) else { break }
            m += 1
        }
        if m == 0 { return result }
        if m == length {
            result.add(length, Self.whole)
        } else if m >= 2 && q + m == query.count {
            result.add(m, Self.unfinished)
        }
        if length > 1 { result.add(1, 1) }
        if syllableInitialLengths[Int(id)] == 2 && m >= 2 && !(m == 2 && q + m == query.count) {
            result.add(2, 1)
        }
        return result
    }

    /// The best class of a contiguous match of the query from `q` on, starting at unit `u`.
    private func contiguous(_ q: Int, _ u: Int) -> Int {
        if q == query.count { return Self.literal }
        if u == count { return 0 }
        let o = options(q, u)
        var best = 0
        for i in 0..<o.n {
            let cls = o.cls(i)
            if cls <= best { continue }
            let c = min(cls, contiguous(q + o.length(i), u + 1))
            if c > best {
                best = c
                if best == Self.literal { break }
            }
        }
        return best
    }

    /// The end unit of a contiguous match from (`q`, `u`) whose class is at least `cls`.
    private func contiguousEnd(_ q: Int, _ u: Int, _ cls: Int) -> Int? {
        if q == query.count { return u }
        if u == count { return nil }
        let o = options(q, u)
        for i in 0..<o.n where o.cls(i) >= cls {
            if let end = contiguousEnd(q + o.length(i), u + 1, cls) { return end }
        }
        return nil
    }

    /// The fewest units skipped to consume the query from `q` on at unit `u`, skipping one run of
    /// units once, after something was consumed and before the rest matches contiguously;
    /// `unreachable` when there is no such match within `SearchKeyTable.maximumGaps`.
    private func gaps(_ q: Int, _ u: Int) -> Int {
        if q == query.count || u >= count { return Int(Self.unreachable) }
        let slot = q * (count + 1) + u
        let known = memo[slot]
        if known != Self.unreachable - 1 { return Int(known) }
        var best = Int(Self.unreachable)
        var g = 1
        while g <= SearchKeyTable.maximumGaps && u + g < count && g < best {
            if contiguous(q, u + g) > 0 { best = g }
            g += 1
        }
        let o = options(q, u)
        for i in 0..<o.n where q + o.length(i) < query.count {
            best = min(best, gaps(q + o.length(i), u + 1))
        }
        memo[slot] = UInt8(best)
        return best
    }

    private func startBonus(_ u: Int) -> Int {
        u == 0 ? 2 : wordStarts[base + u] ? 1 : 0
    }

    private mutating func select(_ entry: Int) {
        base = Int(entryStarts[entry])
        count = Int(entryStarts[entry + 1]) - base
    }

    /// The score of entry `entry`: tier × 256 + a bonus within the tier; 0 when it does not match.
    /// `stopEarly` uses `pinyinCeiling` and `hasFirstLiteral` (whether the entry holds the query's
    /// first character itself, so that a later unit could still match it literally) to stop once
    /// no later unit can score higher.
    mutating func score(entry: Int, hasFirstLiteral: Bool = true, stopEarly: Bool = false) -> Int {
        let contiguous = contiguousScore(entry: entry, hasFirstLiteral: hasFirstLiteral, stopEarly: stopEarly)
        return contiguous.mayMatchBySkipping ? fuzzyScore() : contiguous.score
    }

    /// The best score a pinyin match can have with the given start bonus (see `startBonus`).
    private func pinyinBound(startBonus: Int) -> Int {
        pinyinCeiling == 0 ? 0
            : pinyinCeiling >= Self.unfinished ? MatchTier.fullPinyin.rawValue << 8 | startBonus | (pinyinCeiling == Self.whole ? 4 : 0)
            : MatchTier.initials.rawValue << 8 | startBonus
    }

    /// A bound on entry `entry`'s score found without matching: a literal match could be anything
    /// up to exact, a pinyin one is at best `pinyinBound`, with the text-start bonus only when the
    /// text's first unit meets the first letter. Needs `prepareCeiling`.
    func ceiling(entry: Int, hasFirstLiteral: Bool) -> Int {
        let first = query[0]
        if first >= 0x80 || hasFirstLiteral { return MatchTier.exact.rawValue << 8 | 0xFF }
        let start = Int(entryStarts[entry])
        guard start < Int(entryStarts[entry + 1]) else { return 0 }
        let lead = leads[start]
        return pinyinBound(startBonus: lead == first || (first == 0x75 && lead == 0x76) ? 2 : 1)
    }

    /// The score of entry `entry`'s best contiguous match (see `score`), and whether, having none,
    /// it may still match by skipping characters (then `score` would try that, at far greater cost).
    mutating func contiguousScore(entry: Int, hasFirstLiteral: Bool, stopEarly: Bool)
        -> (score: Int, mayMatchBySkipping: Bool) {
        select(entry)
        let first = query[0]
        let starts = first >= 0x80 ? scalars : leads
        // The best score a match starting after the current unit could still have: literal ones
        // there are at best word starts; pinyin ones at best whole syllables at a word start.
        let literalBound = first >= 0x80 || hasFirstLiteral ? MatchTier.wordStart.rawValue << 8 : 0
        let laterBound = stopEarly ? max(literalBound, pinyinBound(startBonus: 1)) : Int.max
        var best = 0
        // A match that skips characters starts at a word start meeting the first letter and goes
        // on, after the skip, at a later unit meeting one of the later letters: the leads seen
        // after such a start. Its second letter is either a later unit's lead or, when the first
        // unit takes two letters or more, its syllable's second letter.
        var started = false
        var startTakesTwo = false
        var leadsAfterStart: UInt64 = 0
        for u in 0..<count {
            // A cheap test of the first token before trying the unit.
            let lead = starts[base + u]
            if started && lead < 0x80 { leadsAfterStart |= Self.leadBit(lead) }
            if lead != first && !(first == 0x75 && lead == 0x76) { continue }
            if allowsSkips && wordStarts[base + u] {
                started = true
                if !startTakesTwo { startTakesTwo = syllableSecondMeets(query[1], unit: u) }
            }
            let cls = contiguous(0, u)
            if cls == 0 { continue }
            let tier: MatchTier
            let bonus: Int
            if cls == Self.literal {
                if u == 0 { tier = query.count == count ? .exact : .prefix }
                else { tier = wordStarts[base + u] ? .wordStart : .substring }
                bonus = 0
            } else {
                tier = cls >= Self.unfinished ? .fullPinyin : .initials
                bonus = startBonus(u) | (cls == Self.whole ? 4 : 0)
            }
            let score = tier.rawValue << 8 | bonus
            if score > best {
                best = score
                if tier == .exact || tier == .prefix || best >= laterBound { break }
            }
        }
        // Skipping is for pinyin typed quickly; typed characters are meant as written.
        // Two letters with a gap between them match too much to be useful.
        let mayMatchBySkipping = best == 0 && started && leadsAfterStart & laterLeadBits != 0
            && (startTakesTwo || leadsAfterStart & Self.leadBit(query[1]) != 0)
        return (best, mayMatchBySkipping)
    }

    /// True when unit `u` (of the selected entry) has a syllable whose second letter is `token`
    /// (ü typed as u counting).
    private func syllableSecondMeets(_ token: UInt32, unit u: Int) -> Bool {
        let id = syllables[base + u]
        guard id != SearchKeyTable.noSyllable else { return false }
        let start = Int(syllableStarts[Int(id)])
        guard Int(syllableStarts[Int(id) + 1]) - start >= 2 else { return false }
        let b = UInt32(syllableBytes[start + 1])
        return token == b || (token == 0x75 && b == 0x76)
    }

    private func resetMemo() {
        // Rows of the current entry's width, packed: only this much is reset.
        let used = (query.count + 1) * (count + 1)
        memo.baseAddress?.update(repeating: Self.unreachable - 1, count: min(used, memo.count))
    }

    /// The score of the selected entry's best match that skips characters (after `contiguousScore`).
    func fuzzyScore() -> Int {
        guard count <= memoWidth - 1 else { return 0 }
        resetMemo()
        var best = 0
        for u in 0..<count where wordStarts[base + u] {
            let o = options(0, u)
            for i in 0..<o.n where o.length(i) < query.count {
                let g = gaps(o.length(i), u + 1)
                if g > SearchKeyTable.maximumGaps { continue }
                let score = MatchTier.fuzzy.rawValue << 8 | (SearchKeyTable.maximumGaps - g) << 2 | startBonus(u)
                best = max(best, score)
            }
        }
        return best
    }

    /// The units of the entry's best match, in order, for highlighting.
    mutating func matchedUnits(entry: Int, score: Int) -> [Int] {
        select(entry)
        let tier = MatchTier(rawValue: score >> 8) ?? .fuzzy
        if tier != .fuzzy {
            let cls = tier >= .substring ? Self.literal
                : tier == .initials ? 1 : (score & 4 != 0 ? Self.whole : Self.unfinished)
            for u in 0..<count {
                if tier >= .substring {
                    if tier == .exact || tier == .prefix, u != 0 { continue }
                    if tier == .wordStart, u == 0 || !wordStarts[base + u] { continue }
                } else if startBonus(u) != score & 3 {
                    continue
                }
                if let end = contiguousEnd(0, u, cls) { return Array(u..<end) }
            }
            return []
        }
        resetMemo()
        let target = SearchKeyTable.maximumGaps - (score & 0xFF) >> 2
        for u in 0..<count where wordStarts[base + u] && startBonus(u) == score & 3 {
            let o = options(0, u)
            for i in 0..<o.n where o.length(i) < query.count && gaps(o.length(i), u + 1) == target {
                var path = [u]
                var q = o.length(i)
                var v = u + 1
                // Before the gap: follow consumptions that keep the target; then the gap; then the rest.
                walk: while true {
                    if v + target < count, let end = contiguousEnd(q, v + target, 1) {
                        return path + Array((v + target)..<end)
                    }
                    let next = options(q, v)
                    for j in 0..<next.n where q + next.length(j) < query.count
                        && gaps(q + next.length(j), v + 1) == target {
                        path.append(v)
                        q += next.length(j)
                        v += 1
                        continue walk
                    }
                    return path
                }
            }
        }
        return []
    }
}
