import Catalogue
import Foundation
import Testing
@testable import CatalogueStore

/// The examples docs/search.md gives work in the shipped catalogue, through the compiled search
/// index that `fuwu search` and the browser's `/` both use.
@Suite struct SearchDocsTests {
    static let document = CompiledFutian.folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/search.md")

    /// Title and matched text of the first 20 hits for a query.
    private func results(_ query: String) throws -> [String] {
        let opened = try CompiledFutian.opened.get()
        let index = try opened.searchIndex()
        return index.search(query, limit: 20).map { "\($0.title) \($0.matchedText)" }
    }

    @Test func everyRowOfTheQueryTableFindsWhatItSays() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let table = try #require(text.components(separatedBy: "| typed | finds | how |\n").last)
        let rows = table.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst()  // the |---| rule
            .prefix { $0.hasPrefix("|") }
        #expect(rows.count >= 10)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let queries = cells[0].matches(of: /`([^`]+)`/).map { String($0.1) }
            let expected = cells[1].replacingOccurrences(of: "**", with: "").components(separatedBy: ", ")
                .map { $0.hasSuffix("…") ? String($0.dropLast()) : $0 }
            #expect(!queries.isEmpty && !expected.isEmpty, "\(row)")
            // As many queries as results pair up (`社區`, `岗廈` → 社区…, 岗厦…); else each finds all.
            let pairs = queries.count == expected.count ? zip(queries, expected).map { ($0, [$1]) } : queries.map { ($0, expected) }
            for (query, texts) in pairs {
                let lines = try results(query)
                for text in texts {
                    #expect(lines.contains { $0.contains(text) }, "`\(query)` should find \(text)")
                }
            }
        }
    }

    @Test func thePolyphoneExamplesFindTheirReadingAndNothingForTheOther() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("`zhangzhe` finds 福田区样例长者服务中心001 and `gangxia` finds 深圳市福田区岗厦小学, while `changzhe` and `gangsha` find nothing."))
        #expect(try results("zhangzhe").contains { $0.contains("福田区样例长者服务中心001") })
        #expect(try results("gangxia").contains { $0.contains("深圳市福田区岗厦小学") })
        #expect(try results("changzhe") == [])
        #expect(try results("gangsha") == [])
    }
}
