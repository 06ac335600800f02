import ChineseText
import Testing
@testable import Catalogue

/// A small catalogue with the names search must get right.
enum SearchFixture {
    static let catalogue: ServiceCatalogue = {
        let meta = CatalogueMetadata(name: "测试", nameEnglish: "test", district: "福田区", districtCode: "440304",
                                     version: "1", coordinateDatum: "WGS-84", notes: "",
                                     counts: .init(domains: 2, items: 2, futianItems: 0, points: 6, standards: 2))
        let domains = [
            Domain(id: "D1", name: "幼有善育", nameEnglish: "", summary: "", provenance: .sample),
            Domain(id: "D4", name: "病有良医", nameEnglish: "", summary: "", provenance: .sample),
        ]
        let items = [
            item("D1-01", "D1", "儿童健康服务", "预防接种"),
            item("D4-01", "D4", "基本医疗服务", "社康机构基本医疗服务"),
        ]
        let types = [
            PointType(id: "shekang", name: "社康中心", nameEnglish: "", domainID: "D4"),
            PointType(id: "jiuye", name: "就业服务站", nameEnglish: "", domainID: "D3"),
            PointType(id: "dangqun", name: "党群服务中心", nameEnglish: "", domainID: "D7"),
        ]
        let points = [
            point("P1", "福田区样例社康中心001", "shekang", address: "福田区华强北路1号", subdistrict: "440304001", community: "华航社区"),
            point("P2", "中国银行长岭支行", "jiuye", address: "福田区长岭路", subdistrict: nil, community: nil),
            point("P3", "岗厦社区党群服务中心", "dangqun", address: nil, subdistrict: "440304002", community: "岗厦社区"),
            point("P4", "福田区样例社康中心017", "shekang", address: nil, subdistrict: nil, community: nil),
            point("P5", "莲花山公园", "dangqun", address: "红荔路6030号", subdistrict: nil, community: nil),
            point("P6", "车公庙就业服务站", "jiuye", address: nil, subdistrict: nil, community: nil),
        ]
        let standards = [
            StandardText(id: "S1", code: "DB4403/T 236—2022", title: "儿童友好公共服务体系建设指南", kind: .standard,
                         level: .shenzhen, issued: nil, effective: nil, itemIDs: ["D1-01"], provenance: .sample),
            StandardText(id: "S2", code: "样例 FT/NB 001—2022", title: "社康机构基本医疗服务指南", kind: .guide,
                         level: .district, issued: nil, effective: nil, itemIDs: ["D4-01"], provenance: .sample),
        ]
        let subdistricts = [
            Subdistrict(code: "440304001", name: "华强北街道", pinyin: "huaqiangbei", communities: ["华航社区"],
                        centre: nil, centreNote: nil, provenance: .sample),
            Subdistrict(code: "440304002", name: "福田街道", pinyin: "futian", communities: ["岗厦社区"],
                        centre: nil, centreNote: nil, provenance: .sample),
        ]
        return ServiceCatalogue(metadata: meta, sources: [], pointTypes: types, domains: domains, items: items,
                                points: points, standards: standards, subdistricts: subdistricts, landmarks: [])
    }()

    static func item(_ id: String, _ domain: String, _ category: String, _ name: String) -> ServiceItem {
        ServiceItem(id: id, domainID: domain, category: category, name: name, recipients: "", content: "", standard: "",
                    funding: "", lead: "", isFutianSpecific: false, pointTypeIDs: [], standardIDs: [], provenance: .sample)
    }

    static func point(_ id: String, _ name: String, _ type: String, address: String?, subdistrict: String?,
                      community: String?) -> ServicePoint {
        ServicePoint(id: id, name: name, typeID: type, itemIDs: [], subdistrictCode: subdistrict, community: community,
                     address: address, phone: nil, hours: nil, location: nil, sourceDatum: nil, sourceCoordinate: nil,
                     note: nil, provenance: .sample)
    }

    static let index = SearchIndex(catalogue: catalogue)
}

@Suite struct SearchIndexTests {
    let index = SearchFixture.index

    /// Query → (first hit's id, its tier, its field).
    static let firstResults: [(String, String, MatchTier, SearchField)] = [
        ("社康中心", "P1", .wordStart, .name),
        ("社康", "D4-01", .prefix, .name),
        ("shekang", "D4-01", .fullPinyin, .name),
        ("SheKang", "D4-01", .fullPinyin, .name),
        ("skzx", "P1", .initials, .name),
        ("shekzx", "P1", .initials, .name),
        ("skzhx", "P1", .initials, .name),
        ("ＳＫＺＸ", "P1", .initials, .name),
        ("ftskzx", "P1", .fuzzy, .name),
        ("社區", "P3", .wordStart, .name),
        ("岗廈", "P3", .prefix, .name),
        ("yinhang", "P2", .fullPinyin, .name),
        ("changling", "P2", .fullPinyin, .name),
        ("gangxia", "P3", .fullPinyin, .name),
        ("chegongmiao", "P6", .fullPinyin, .name),
        ("lianhua", "P5", .fullPinyin, .name),
        ("db4403t236", "S1", .prefix, .code),
        ("DB4403/T 236", "S1", .prefix, .code),
        ("ftnb001", "S2", .wordStart, .code),
        ("huaqiangbei", "P1", .fullPinyin, .subdistrict),
        ("hqb", "P1", .initials, .subdistrict),
        ("预防", "D1-01", .prefix, .name),
        ("ertong", "S1", .fullPinyin, .name),
    ]

    @Test(arguments: firstResults)
    func theExpectedRecordComesFirst(_ row: (String, String, MatchTier, SearchField)) throws {
        let (query, id, tier, field) = row
        let first = try #require(index.search(query).first)
        #expect(first.id == id)
        #expect(first.tier == tier)
        #expect(first.field == field)
    }

    @Test(arguments: ["yinxing", "zhangling", "gangsha", "xyzzy", "社康医院", "db4404", "", "，。"])
    func queriesThatFindNothing(_ query: String) {
        #expect(index.search(query).isEmpty)
    }

    @Test func rankingFollowsTierThenLengthThenCatalogueOrder() {
        let ids = index.search("社康").map(\.id)
        // Item and standard titles start with 社康 (the shorter title first); the two points have it
        // at a word start (catalogue order breaks their tie); type-field matches come last.
        #expect(ids == ["D4-01", "S2", "P1", "P4"])
        let fields = index.search("社康中心").map(\.field)
        #expect(fields == [.name, .name])
    }

    @Test func nameMatchesRankAboveOtherFieldMatches() {
        let hits = index.search("岗厦")
        #expect(hits.map(\.id) == ["P3"])
        #expect(hits.map(\.field) == [.name])
        let community = index.search("华航")
        #expect(community.map(\.id) == ["P1"])
        #expect(community.map(\.field) == [.community])
    }

    @Test func highlightsAreOnTheOriginalHanziWhateverWasTyped() throws {
        for query in ["skzx", "shekangzhongxin", "社康中心", "社康中心"] {
            let hit = try #require(index.search(query).first)
            #expect(hit.matchedText == "福田区样例社康中心001")
            #expect(hit.ranges == [5..<9])
        }
        let code = try #require(index.search("db4403t236").first)
        #expect(code.matchedText == "DB4403/T 236—2022")
        #expect(code.ranges == [0..<12])
        let fuzzy = try #require(index.search("ftskzx").first)
        #expect(fuzzy.ranges == [0..<2, 5..<9])
    }

    @Test func aSmallLimitGivesThePrefixOfALargerOne() {
        for query in ["社康", "s", "sq", "福田", "shequ", "hq", "社区", "fu"] {
            let all = index.search(query, limit: 50)
            for limit in 1...4 {
                #expect(index.search(query, limit: limit) == Array(all.prefix(limit)), "\(query) limit \(limit)")
            }
        }
    }

    @Test func kindsFilterTheResults() {
        #expect(index.search("社康", kinds: [.standard]).map(\.id) == ["S2"])
        #expect(index.search("社康", kinds: [.point], limit: 1).map(\.id) == ["P1"])
    }

    @Test func aSessionTypingGivesTheSameHitsAsFreshSearches() {
        var session = SearchSession(index: index)
        for query in ["s", "sh", "she", "shek", "shekz", "shekzx", "shekz", "g", "ga", "gangxia", "社", "社區", "", "d",
                      "db4403t2", "s", "sx", "sxi", "f", "ft", "fts", "ftsk", "ftskzx"] {
            #expect(session.search(query) == index.search(query), "typing \(query)")
        }
        #expect(index.search("sxi").first?.id == "P1")
        #expect(index.search("sxi").first?.tier == .fuzzy)
    }

    @Test func deferringTextsGivesTheSameHitsAsScoringEveryText() {
        let queries = ["s", "sh", "she", "shek", "sk", "skz", "skzx", "f", "ft", "fts", "ftsk", "ftskzx", "社", "社区", "社康",
                       "y", "yi", "yin", "yinh", "yinhang", "g", "ga", "gan", "gangxia", "h", "hq", "hqb", "d", "db", "db4403",
                       "z", "zx", "lh", "lhs", "cg", "cgm", "jy", "fw", "fwz", "x", "sq", "sqf", "zgyh", "bjf", "qu"]
        for query in queries {
            for kinds in [nil, [.point], [.item, .standard]] as [Set<SearchKind>?] {
                for limit in [1, 2, 3, 4, 50] {
                    #expect(index.search(query, kinds: kinds, limit: limit, deferring: true)
                            == index.search(query, kinds: kinds, limit: limit, deferring: false),
                            "\(query) \(kinds.map { "\($0)" } ?? "all") limit \(limit)")
                }
            }
        }
    }

    @Test func aSessionWithASmallLimitGivesTheSameHitsAsScoringEveryText() {
        let typed = ["s", "sh", "she", "shek", "shekz", "shekzx", "f", "ft", "fts", "ftsk", "ftskzx", "y", "yi", "yin", "yinh",
                     "yinhang", "社", "社區", "g", "ga", "gan", "gangxia", "fu", "fw", "fwz", "h", "hq", "hqb", "hqbl"]
        for limit in [1, 2, 3] {
            var session = SearchSession(index: index)
            for query in typed {
                #expect(session.search(query, limit: limit) == index.search(query, kinds: nil, limit: limit, deferring: false),
                        "typing \(query) limit \(limit)")
            }
        }
    }

    @Test func skippingStartsAtThreeLetters() {
        #expect(index.search("sx").isEmpty)
        for query in ["skx", "ftsk"] {
            #expect(index.search(query).first?.tier == .fuzzy, "\(query)")
        }
    }
}
