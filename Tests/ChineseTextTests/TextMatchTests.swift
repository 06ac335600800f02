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
        let table = SearchKeyTable(keys: texts.map { SearchKey($0) })
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789" {
            let query = SearchQuery(String(letter))
            let fast = table.scores(for: query)
            let full = table.scores(for: query, among: (0..<Int32(texts.count)).map { $0 })
            #expect(fast == full, "letter \(letter)")
        }
    }
}
