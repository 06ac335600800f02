import FlatStorage
import Testing
@testable import ChineseText

@Suite struct TextMatchTests {
    private func match(_ query: String, _ text: String) -> TextMatch? {
        SearchKey(text).match(SearchQuery(query))
    }

    /// Query, text, expected tier, expected highlighted characters.
    static let table: [(String, String, MatchTier, String)] = [
        ("社康中心", "社康中心", .exact, "社康中心"),
        ("社康", "社康中心", .prefix, "社康"),
        ("社康", "福田区样例社康中心017", .wordStart, "社康"),
        ("康中", "福田区样例社康中心017", .substring, "康中"),
        ("shekang", "福田区样例社康中心017", .fullPinyin, "社康"),
        ("she kang zhong xin", "社康中心", .fullPinyin, "社康中心"),
        ("shekan", "社康中心", .fullPinyin, "社康"),
        ("skzx", "福田区样例社康中心017", .initials, "社康中心"),
        ("shekzx", "社康中心", .initials, "社康中心"),
        ("skzhx", "社康中心", .initials, "社康中心"),
        ("ftskzx", "福田区样例社康中心017", .fuzzy, "福田社康中心"),
        ("SKZX", "社康中心", .initials, "社康中心"),
        ("ｓｋｚｘ", "社康中心", .initials, "社康中心"),
        ("社區", "福田区样例社区服务站", .wordStart, "社区"),
        ("yinhang", "中国银行福田支行", .fullPinyin, "银行"),
        ("changling", "长岭社区", .fullPinyin, "长岭"),
        ("gangxia", "岗厦地铁站", .fullPinyin, "岗厦"),
        ("chegongmiao", "车公庙", .fullPinyin, "车公庙"),
        ("lv", "绿地", .fullPinyin, "绿"),
        ("lu", "绿地", .fullPinyin, "绿"),
        ("db4403t236", "DB4403/T 236—2022", .prefix, "DB4403/T 236"),
        ("ftnb001", "样例 FT/NB 001—2022", .wordStart, "FT/NB 001"),
        ("xian", "西安", .fullPinyin, "西安"),
        ("社kang", "社康中心", .fullPinyin, "社康"),
    ]

    @Test(arguments: table)
    func queriesMatchWithTheirTierAndHighlight(_ row: (String, String, MatchTier, String)) throws {
        let (query, text, tier, highlighted) = row
        let result = try #require(match(query, text))
        #expect(result.tier == tier)
        let characters = Array(text)
        let shown = result.ranges.map { String(characters[$0]) }.joined()
        #expect(shown == highlighted)
    }

    @Test(arguments: [
        ("yinxing", "中国银行"), ("zhangling", "长岭社区"), ("gangsha", "岗厦"), ("xyz", "社康中心"),
        ("社康", "社区健康"), ("skzxq", "社康中心"), ("zhonx", "中心"), ("db4404", "DB4403/T 236—2022"),
    ])
    func queriesThatMustNotMatch(_ query: String, _ text: String) {
        #expect(match(query, text) == nil)
    }

    @Test func highlightSpansAreCharacterOffsetsIntoTheOriginal() throws {
        let result = try #require(match("skzx", "福田区样例社康中心017"))
        #expect(result.ranges == [5..<9])
        let fuzzy = try #require(match("ftskzx", "福田区样例社康中心017"))
        #expect(fuzzy.ranges == [0..<2, 5..<9])
    }

    @Test func tiersRankInTheDocumentedOrder() throws {
        let tiers = try [("社康中心", "社康中心"), ("社康", "社康中心"), ("社康", "样例社康"), ("康中", "社康中心"),
                         ("shekang", "社康中心"), ("skzx", "社康中心"), ("skx", "社康中心")]
            .map { try #require(match($0.0, $0.1)).tier }
        #expect(tiers == [.exact, .prefix, .wordStart, .substring, .fullPinyin, .initials, .fuzzy])
    }

    @Test func pinyinAtTheStartScoresAboveLaterPinyin() throws {
        let start = try #require(match("shekang", "社康中心"))
        let later = try #require(match("shekang", "福田社康"))
        let inside = try #require(match("kang", "福田社康"))
        #expect(start.score > later.score)
        #expect(later.score > inside.score)
        #expect(start.tier == later.tier)
    }

    @Test func fewerSkippedCharactersScoreHigher() throws {
        let one = try #require(match("skzx", "社康大中心"))
        let two = try #require(match("skzx", "社康大大中心"))
        #expect(one.tier == .fuzzy)
        #expect(one.score > two.score)
        #expect(match("skzx", "社康大大大大大中心") == nil)
    }

    @Test func aTableScansOnlyTheGivenCandidates() {
        let table = SearchKeyTable(keys: ["社康中心", "社区", "学校", "社康"].map { SearchKey($0) })
        let all = table.scores(for: SearchQuery("sk"))
        #expect(all.map(\.entry) == [0, 3])
        #expect(table.scores(for: SearchQuery("sk"), among: [3]).map(\.entry) == [3])
    }
}

@Suite struct LetterPostingTests {
    @Test func oneLetterQueriesScoreAsTheFullMatcherDoes() {
        let texts = ["社康中心", "福田区样例社康中心017", "DB4403/T 236—2022", "a", "阿姨", "儿童", "绿地", "样例 FT/NB 001—2022", "s"]
        for table in InPlaceTable.both(texts.map { SearchKey($0) }) {
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789" {
            let query = SearchQuery(String(letter))
            let fast = table.scores(for: query)
            let full = table.scores(for: query, among: nil, shortcuts: false)
            #expect(fast == full, "letter \(letter)")
        }
        }
    }
}

@Suite struct PairFilterTests {
    @Test func twoLetterQueriesFindWhatTheFullMatcherFinds() {
        let texts = ["社康中心", "福田区样例社康中心017", "DB4403/T 236—2022", "绿地", "阿姨", "中国银行", "样例 FT/NB 001"]
        let letters = Array("abcdfghklmnqstuvxyz0123")
        for table in InPlaceTable.both(texts.map { SearchKey($0) }) {
        for a in letters {
            for b in letters {
                let query = SearchQuery(String([a, b]))
                let expected = table.scores(for: query, among: nil, shortcuts: false)
                #expect(table.scores(for: query) == expected, "\(a)\(b)")
            }
        }
        }
    }
}

@Suite struct SkipCandidateTests {
    @Test func threeLetterQueriesFindTheSameFromTheirTwoLetterMatches() throws {
        let texts = ["社康中心", "福田区样例社康中心017", "社康大中心", "社区服务中心", "中国银行长岭支行", "样例 FT/NB 001", "深圳市福田区"]
        for table in InPlaceTable.both(texts.map { SearchKey($0) }) {
        for text in ["sxi", "skx", "fts", "ftskzx", "yin", "shz", "ftn", "sqf", "zgh", "szf"] {
            let query = SearchQuery(text)
            let two = table.scores(for: SearchQuery(String(text.prefix(2)))).map(\.entry)
            let candidates = try #require(table.candidatesAllowingSkips(for: query, twoLetterMatches: two))
            #expect(table.scores(for: query, among: candidates) == table.scores(for: query, among: nil, shortcuts: false), "\(text)")
        }
        #expect(table.scores(for: SearchQuery("sxi")).map(\.entry) == [0, 1, 2, 3])
        }
    }
}

@Suite struct EarlyStopTests {
    @Test func scanningScoresEqualSingleMatchScores() {
        let texts = ["社康中心", "福田区样例社康中心017", "DB4403/T 236—2022", "绿地", "阿姨", "中国银行长岭支行", "样例 FT/NB 001",
                     "深圳市福田区华强北路1号", "沙头街道", "二手", "ft社康", "社康ft", "安居", "儿童", "福深圳社会", "福田ft", "市社康"]
        let table = SearchKeyTable(keys: texts.map { SearchKey($0) })
        let inPlace = InPlaceTable.of(table)
        let queries = ["ft", "sh", "she", "fts", "a", "an", "e", "er", "ftsk", "s", "sk", "shek", "skzx", "社", "社康", "lv", "lu",
                       "db", "ftn", "xa", "hq", "hqb", "zg", "yh", "yinh", "sha", "st"]
        for text in queries {
            let query = SearchQuery(text)
            let scanned = Dictionary(uniqueKeysWithValues: table.scores(for: query).map { (Int($0.entry), Int($0.score)) })
            #expect(inPlace.scores(for: query) == table.scores(for: query), "\(text) in place")
            for entry in texts.indices {
                #expect(scanned[entry] == table.match(query, entry: entry)?.score, "\(text) in \(texts[entry])")
                #expect(inPlace.match(query, entry: entry) == table.match(query, entry: entry), "\(text) in \(texts[entry]) in place")
            }
        }
    }
}

@Suite struct DeferredScoreTests {
    static let texts = ["社康中心", "福田区样例社康中心017", "DB4403/T 236—2022", "绿地", "阿姨", "中国银行长岭支行", "样例 FT/NB 001",
                        "深圳市福田区华强北路1号", "沙头街道", "二手", "ft社康", "社康ft", "安居", "儿童", "福深圳社会", "福田ft", "市社康",
                        "岗厦社区", "银湖", "香蜜湖"]
    static let queries: [String] = {
        let letters = Array("afghiknqstxyz")
        var result = ["社", "社康", "社区", "yinhang", "shekang", "ftskzx", "skzx", "gangxia", "db4403", "lv", "ftsk", "hqb"]
        for a in letters {
            result.append(String(a))
            for b in letters {
                result.append(String([a, b]))
                for c in letters where (Int(a.asciiValue!) + Int(b.asciiValue!) + Int(c.asciiValue!)) % 3 == 0 { result.append(String([a, b, c])) }
            }
        }
        return result
    }()

    /// Scores with deferral under a given admission rule: what was scored, what was deferred, what
    /// `found` saw, and every (entry, ceiling) offered.
    static func scan(_ table: SearchKeyTable, _ query: SearchQuery, among candidates: [Int32]?, lowRanked: [Bool],
                     admits: (Int32, Int32) -> Bool) -> (scores: [EntryScore], deferred: [Int32], found: [EntryScore],
                                                          offers: [(Int32, Int32)]) {
        var scores: [EntryScore] = []
        var deferred: [Int32] = []
        var found: [EntryScore] = []
        var offers: [(Int32, Int32)] = []
        table.scores(for: query, among: candidates, into: &scores, lowRanked: FlatArray(lowRanked), deferred: &deferred,
                     admits: { entry, ceiling in
                         offers.append((entry, ceiling))
                         return admits(entry, ceiling)
                     }, found: { found.append($0) })
        return (scores, deferred, found, offers)
    }

    @Test func scoredAndDeferredEntriesTogetherHoldEveryMatchWithItsScore() {
        let table = SearchKeyTable(keys: Self.texts.map { SearchKey($0) })
        let lowRanked = Self.texts.indices.map { $0 % 3 == 1 }
        let rules: [(String, (Int32, Int32) -> Bool)] = [
            ("all", { _, _ in true }), ("none", { _, _ in false }), ("odd", { entry, _ in entry % 2 == 1 }),
            ("pinyin-at-start", { _, ceiling in ceiling >= Int32(MatchTier.fullPinyin.rawValue << 8 | 2) }),
        ]
        for text in Self.queries {
            let query = SearchQuery(text)
            let expected = table.scores(for: query, among: nil, shortcuts: false)
            let expectedScore = Dictionary(uniqueKeysWithValues: expected.map { ($0.entry, $0.score) })
            for (name, rule) in rules {
                for candidates in [nil, Array(0..<Int32(Self.texts.count))] as [[Int32]?] {
                    let result = Self.scan(table, query, among: candidates, lowRanked: lowRanked, admits: rule)
                    let label = "\(text) \(name) \(candidates == nil ? "scan" : "candidates")"
                    #expect(result.found == result.scores, "\(label)")
                    #expect(result.deferred == result.deferred.sorted(), "\(label)")
                    #expect(Set(result.deferred).isDisjoint(with: result.scores.map(\.entry)), "\(label)")
                    for score in result.scores {
                        #expect(expectedScore[score.entry] == score.score, "\(label) entry \(score.entry)")
                    }
                    let covered = Set(result.deferred).union(result.scores.map(\.entry))
                    #expect(Set(expected.map(\.entry)).isSubset(of: covered), "\(label)")
                    if name == "all" { #expect(result.scores == expected, "\(label)") }
                }
            }
        }
    }

    @Test func ceilingsBoundTheScores() {
        let table = SearchKeyTable(keys: Self.texts.map { SearchKey($0) })
        let lowRanked = [Bool](repeating: false, count: Self.texts.count)
        for text in Self.queries {
            let query = SearchQuery(text)
            let expected = Dictionary(uniqueKeysWithValues: table.scores(for: query, among: nil, shortcuts: false)
                .map { ($0.entry, $0.score) })
            let result = Self.scan(table, query, among: nil, lowRanked: lowRanked) { _, _ in true }
            var firstOffers: [Int32: Int32] = [:]
            for (entry, ceiling) in result.offers where firstOffers[entry] == nil { firstOffers[entry] = ceiling }
            for (entry, score) in expected where score >= Int32(MatchTier.initials.rawValue << 8) {
                if let ceiling = firstOffers[entry] { #expect(score <= ceiling, "\(text) in \(Self.texts[Int(entry)])") }
            }
        }
    }

    @Test func skippingQueriesFilteredByStartPairsFindWhatTheFullMatcherFinds() {
        let table = SearchKeyTable(keys: Self.texts.map { SearchKey($0) })
        for text in Self.queries where text.count >= 3 {
            let query = SearchQuery(text)
            #expect(table.scores(for: query) == table.scores(for: query, among: nil, shortcuts: false), "\(text)")
        }
    }
}
