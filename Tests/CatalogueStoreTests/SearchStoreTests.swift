import Catalogue
import ChineseText
import Foundation
import Testing
@testable import CatalogueStore

/// The embedded Futian catalogue compiled once into a private cache.
enum CompiledFutian {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/futian")

    static let opened: Result<OpenedCatalogue, StoreError> = {
        let cache = CatalogueCache(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-search-\(UUID().uuidString)"))
        return Result { () throws(StoreError) in try cache.open(folder: folder) }
    }()

    static let bodies: [String: String] = CatalogueLoader.load(folder: folder).loaded?.bodies ?? [:]
}

@Suite struct SearchStoreTests {
    @Test func theStoredIndexIsTheIndexCompiledNow() throws {
        let opened = try CompiledFutian.opened.get()
        let stored = try opened.searchIndex()
        #expect(stored.image == SearchIndex(catalogue: opened.catalogue).image)
        #expect(stored.textCount == SearchIndex.texts(of: opened.catalogue).count)
    }

    /// A large search section is checked by block as the index reads it (forced here for Futian's
    /// small one): damage in its arrays is found by the first search, which reports it; the
    /// compiled catalogue is removed, and the rebuilt one answers as before.
    @Test func damageInASearchBlockIsFoundByTheSearchThatReadsItAndARebuildAnswersTheSame() throws {
        let cache = CatalogueCache(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-search-damage-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        let first = try cache.open(folder: CompiledFutian.folder)
        let good = try first.searchIndex(checkingWholeUpTo: 0).search("社康", limit: 20)
        let url = URL(fileURLWithPath: first.image.path)
        var bytes = [UInt8](try Data(contentsOf: url))
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        // The search section (1): its arrays fill its second half.
        let (offset, length) = (u64(48 + 24), u64(48 + 24 + 8))
        bytes[offset + length * 3 / 4] ^= 0x01
        try Data(bytes).write(to: url)
        let reopened = try cache.open(folder: CompiledFutian.folder)
        let index = try reopened.searchIndex(checkingWholeUpTo: 0)
        #expect(!index.foundDamage)
        #expect(index.search("社康", limit: 20).isEmpty)
        #expect(index.foundDamage)
        #expect(throws: StoreError.self) { try reopened.confirmIntact(index) }
        let rebuilt = try cache.open(folder: CompiledFutian.folder)
        guard case .compiled = rebuilt.status else { Issue.record("not rebuilt: \(rebuilt.status)"); return }
        let again = try rebuilt.searchIndex(checkingWholeUpTo: 0)
        #expect(again.search("社康", limit: 20) == good)
        #expect(!again.foundDamage)
    }

    @Test func storedPlaceNameKeysReadBackAsCompiled() throws {
        let opened = try CompiledFutian.opened.get()
        let keys = try opened.placeNames().keys
        let compiled = SearchKeyStore.keys(of: opened.catalogue)
        let names = Set(LocationResolver.placeNames(of: opened.catalogue))
        #expect(keys.count == names.count)
        #expect(names.allSatisfy { keys[$0] == compiled[$0] })
        #expect(keys["市民中心"]?.serialised == "^市shi ^民min ^中zhong 心xin")
        #expect(keys["福田区样例社康中心001"] == SearchKey("福田区样例社康中心001"))
    }

    @Test(arguments: [("skzx", "P0505"), ("shekang", "D4-17"), ("shekzx", "P0505"), ("社區", "D1-14"),
                      ("ftskzx", "P0505"), ("db4403t236", "S0001"), ("gangxia", "P0231")])
    func theCompiledIndexPutsTheExpectedRecordFirst(_ query: String, _ id: String) throws {
        let opened = try CompiledFutian.opened.get()
        let index = try opened.searchIndex()
        #expect(index.search(query, limit: 1).first?.id == id)
    }

    @Test func aSmallLimitGivesThePrefixOfTheFullRanking() throws {
        let opened = try CompiledFutian.opened.get()
        let index = try opened.searchIndex()
        for query in ["s", "ft", "社", "sh", "y", "fts", "社区", "zx"] {
            let all = index.search(query, limit: 5000)
            for limit in [1, 7, 50] {
                #expect(index.search(query, limit: limit) == Array(all.prefix(limit)), "\(query) \(limit)")
            }
        }
    }

    @Test(arguments: ["叶", "叶酸", "婴幼儿照护", "aed", "AED", "社康", "婚姻", "样例文本"])
    func bodySearchAgreesWithTheInMemorySearch(_ query: String) throws {
        let store = SearchBodyIndex(database: try CompiledFutian.opened.get().database)
        let memory = BodyTextSearch(bodies: CompiledFutian.bodies)
        #expect(try store.searchBodies(query, limit: 20) == memory.searchBodies(query, limit: 20))
    }

    @Test func twoCharacterQueriesFindBodiesWithTheirSnippet() throws {
        let store = SearchBodyIndex(database: try CompiledFutian.opened.get().database)
        let hits = try store.searchBodies("叶酸", limit: 50)
        #expect(hits.count == 7)
        for hit in hits {
            let snippet = Array(hit.snippet)
            #expect(hit.ranges.map { String(snippet[$0]) } == ["叶酸"])
        }
        #expect(try store.searchBodies("婚姻", limit: 50).isEmpty)
    }
}
