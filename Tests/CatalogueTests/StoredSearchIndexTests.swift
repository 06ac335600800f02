import ChineseText
import Testing
@testable import Catalogue

/// The search index as a compiled catalogue stores it, read in place (`SearchIndex(image:)`).
@Suite struct StoredSearchIndexTests {
    let built = SearchFixture.index
    static let queries = ["s", "sh", "she", "shek", "sk", "skz", "skzx", "f", "ft", "fts", "ftsk", "ftskzx", "社", "社区", "社康",
                          "社區", "y", "yi", "yin", "yinh", "yinhang", "g", "ga", "gan", "gangxia", "h", "hq", "hqb", "d", "db",
                          "db4403", "z", "zx", "lh", "lhs", "cg", "cgm", "jy", "fw", "fwz", "x", "sq", "sqf", "zgyh", "bjf", "qu"]

    @Test func theStoredIndexGivesTheBuiltIndexsHits() throws {
        let stored = try SearchIndex(image: ImageBytes(copying: built.image))
        #expect(stored.image == built.image)
        #expect(stored.recordCount == built.recordCount && stored.textCount == built.textCount)
        for query in Self.queries {
            for kinds in [nil, [.point], [.item, .standard]] as [Set<SearchKind>?] {
                for limit in [1, 3, 50] {
                    #expect(stored.search(query, kinds: kinds, limit: limit) == built.search(query, kinds: kinds, limit: limit),
                            "\(query) limit \(limit)")
                }
            }
        }
        #expect(!stored.foundDamage)
    }

    @Test func deferringOverTheStoredIndexGivesTheSameHitsAsScoringEveryText() throws {
        let stored = try SearchIndex(image: ImageBytes(copying: built.image))
        for query in Self.queries {
            for limit in [1, 2, 4, 50] {
                #expect(stored.search(query, kinds: nil, limit: limit, deferring: true)
                        == stored.search(query, kinds: nil, limit: limit, deferring: false), "\(query) limit \(limit)")
            }
        }
    }

    @Test func aSessionOverTheStoredIndexGivesTheSameHitsAsFreshSearches() throws {
        let stored = try SearchIndex(image: ImageBytes(copying: built.image))
        var session = SearchSession(index: stored)
        for query in ["s", "sh", "she", "shek", "shekz", "shekzx", "g", "ga", "gangxia", "社", "社區", "", "f", "ft", "fts", "ftskzx"] {
            #expect(session.search(query) == built.search(query), "typing \(query)")
        }
    }

    /// Each block of the stored index damaged in turn, checked by block as it is read: every
    /// search either answers as the intact index does or reports the damage, and damage in the
    /// arrays or in a shown text is found.
    @Test func aDamagedBlockIsFoundWhenItIsRead() {
        let original = built.image
        let blockSize = 64
        var foundLater = 0
        for block in 0..<((original.count + blockSize - 1) / blockSize) {
            var damaged = original
            let at = min(block * blockSize + 5, original.count - 1)
            damaged[at] ^= 0x10
            let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: damaged.count, alignment: 8)
            storage.copyBytes(from: damaged)
            let bytes = ImageBytes(buffer: UnsafeRawBufferPointer(storage), blockSize: blockSize, checkBlock: { index, bytes in
                bytes.elementsEqual(original[(index * blockSize)..<min((index + 1) * blockSize, original.count)])
            }, release: { storage.deallocate() })
            guard let index = try? SearchIndex(image: bytes) else { continue }     // found in the counts or string offsets
            var same = true
            for query in ["社康", "skzx", "s", "gangxia", "db4403"] where index.search(query) != built.search(query) { same = false }
            #expect(same || index.foundDamage, "block \(block)")
            if index.foundDamage { foundLater += 1 }
        }
        #expect(foundLater > 0)
    }
}
