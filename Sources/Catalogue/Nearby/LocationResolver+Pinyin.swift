import ChineseText

extension LocationResolver {
    /// A pinyin scorer for `alternativeMatch`: full pinyin, initials and mixtures (`shiminzhongxin`,
    /// `smzx`), using the search module's keys and ranking. Names missing from `keys` are transcribed here,
    /// which costs ICU time once per distinct character, so pass the compiled keys when there are any.
    public static func pinyinMatch(for catalogue: ServiceCatalogue, keys: [String: SearchKey] = [:]) -> AlternativeMatch {
        pinyinMatch(places: PlaceNameTable(catalogue: catalogue, keys: keys))
    }

    /// The pinyin scorer over place names packed in advance (as the compiled catalogue stores them).
    public static func pinyinMatch(places: PlaceNameTable) -> AlternativeMatch {
        let table = places.table
        let lookup = places.entries
        let nameLengths = places.names.map(\.count)
        return { text in
            // The query is folded once and the table scanned once for all names, so a keystroke
            // costs one scan however many places there are.
            // Without a Latin letter there is no pinyin to match: Han text has already been
            // matched as text (exact, prefix, substring), and scoring every name that shares a
            // character with it would cost most in the commonest case (the command line does
            // not ask then either).
            let query = SearchQuery(text)
            guard query.tokens.contains(where: { (0x61...0x7A).contains($0) }) else { return { _ in nil } }
            var scores: [Int: Int] = [:]
            for candidate in table.scores(for: query) {
                let entry = Int(candidate.entry)
                guard let match = table.match(query, entry: entry), match.tier >= .initials else { continue }
                // Fuzzy matches that skip characters are too loose to pick a place by; a match that
                // covers the whole name (smzx → 市民中心) beats one that covers its start (市民中心社康).
                let covered = match.ranges.reduce(0) { $0 + $1.count }
                scores[entry] = (covered == nameLengths[entry] ? 1 << 20 : 0) + match.score
            }
            let found = scores
            return { name in lookup[name].flatMap { found[$0] } }
        }
    }
}
