import Testing
@testable import Catalogue

@Suite struct SearchBodyTests {
    let search = BodyTextSearch(bodies: [
        "S1": "## 1 范围\n本文件规定了婚姻登记服务的要求。\n## 2 术语\n婚姻登记机关应当公开办事指南。",
        "S2": "## 1 范围\n本文件规定了社康机构的服务要求，适用于DB4403所列机构。",
        "S3": "## 前言\n本文件由区卫生健康局提出。",
    ])

    @Test func twoCharacterQueriesFindBodiesWithASnippet() throws {
        let hits = try search.searchBodies("婚姻", limit: 10)
        #expect(hits.map(\.standardID) == ["S1"])
        #expect(hits.first?.occurrences == 2)
        #expect(hits.first?.snippet == "## 1 范围 本文件规定了婚姻登记服务的要求。 ## 2 术语 婚姻登记机关应当公开办事指南。")
        #expect(hits.first?.ranges == [14..<16])
    }

    @Test func oneCharacterQueriesRankByOccurrences() throws {
        let hits = try search.searchBodies("要", limit: 10)
        #expect(hits.map(\.standardID) == ["S1", "S2"])
        #expect(try search.searchBodies("求", limit: 1).map(\.standardID) == ["S1"])
    }

    @Test func queriesFoldTraditionalFullWidthAndCase() throws {
        #expect(try search.searchBodies("婚姻登記", limit: 10).map(\.standardID) == ["S1"])
        #expect(try search.searchBodies("ｄｂ4403", limit: 10).map(\.standardID) == ["S2"])
        #expect(try search.searchBodies("  社康  ", limit: 10).map(\.standardID) == ["S2"])
    }

    @Test func longBodiesAreCutWithAnEllipsis() throws {
        let long = BodyTextSearch(bodies: ["S9": String(repeating: "甲", count: 30) + "社康" + String(repeating: "乙", count: 50)])
        let hit = try #require(try long.searchBodies("社康", limit: 1).first)
        #expect(hit.snippet == "…" + String(repeating: "甲", count: 16) + "社康" + String(repeating: "乙", count: 40) + "…")
        #expect(hit.ranges == [17..<19])
    }

    @Test(arguments: ["医院", "xyz", "", "   "])
    func queriesThatFindNoBody(_ query: String) throws {
        #expect(try search.searchBodies(query, limit: 10).isEmpty)
    }
}
