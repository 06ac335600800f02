import Foundation
import Testing

@Suite struct SearchCommandTests {
    let fuwu = FuwuProcess()
    let fixture = FuwuProcess.validFixture.path

    @Test func initialsFindThePointAndMarkTheMatchedHanzi() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "skzx", "--catalogue", fixture])
        #expect(result == .init(status: 0, stdout: """
        类别    编号   名称                   匹配字段  匹配内容                 方式    数据
        ------  -----  ---------------------  --------  -----------------------  ------  ----
        服务点  P0001  福田区样例社康中心001  名称      福田区样例[社康中心]001  首字母  样例

        """, stderr: ""))
    }

    @Test func jsonGivesHighlightsAsCharacterOffsets() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "tushuguan", "--kind", "point", "--limit", "1", "--format", "json",
                                   "--catalogue", fixture])
        #expect(result == .init(status: 0, stdout: """
        [
          {
            "kind": "point",
            "id": "P0002",
            "title": "福田区图书馆",
            "field": "name",
            "text": "福田区图书馆",
            "highlights": [
              {
                "start": 3,
                "end": 6
              }
            ],
            "tier": "pinyin",
            "provenance": {
              "kind": "reference",
              "source": "test-source"
            }
          }
        ]

        """, stderr: ""))
    }

    @Test func traditionalTwoCharacterQueriesFindStandardBodies() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "預約", "--format", "csv", "--catalogue", fixture])
        #expect(result == .init(status: 0, stdout: """
        类别,编号,名称,匹配字段,匹配内容,高亮,方式
        standard,S0001,家庭医生签约服务指南,body,…5 服务流程 ### 5.1 预约 居民通过电话预约，工作人员在一个工作日内回复。,16-18,body

        """, stderr: ""))
    }

    @Test func looselyTypedCodesFindTheirStandard() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "db4403t999", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 0, stdout: """
        kind      id     title           field  match                how     data
        --------  -----  --------------  -----  -------------------  ------  ---------
        standard  S0002  图书馆服务规范  code   [DB4403/T 999]—2022  prefix  reference

        """, stderr: ""))
    }

    @Test func aQueryThatFindsNothingPrintsAnEmptyTable() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "yinhang", "--catalogue", fixture, "--format", "json"])
        #expect(result == .init(status: 0, stdout: "[]\n", stderr: ""))
    }

    @Test func anEmptyQueryIsAUsageError() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "  ", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 64, stdout: "",
                                stderr: "fuwu: error: the query is empty: type Chinese, pinyin or initials\n"))
    }

    @Test func aQueryWithoutSearchableCharactersSaysSoRatherThanCallingItEmpty() throws {
        defer { fuwu.cleanUp() }
        let result = try fuwu.run(["search", "😀", "--catalogue", fixture, "--lang", "en"])
        #expect(result == .init(status: 64, stdout: "",
                                stderr: "fuwu: error: the query \"😀\" has no searchable characters: type Chinese, pinyin, initials or digits\n"))
    }
}
