import Testing
@testable import Catalogue

/// The compiled binary form of a catalogue gives back every record as it was, including what an
/// import adds: official provenance, where each record was imported from, and the published counts.
@Suite struct CatalogueImageTests {
    @Test func theImageGivesBackEveryRecordWithOfficialProvenanceAndImportOrigins() throws {
        var catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let origin = ImportOrigin(file: "社康中心.xlsx", sheet: "病有良医", row: 7, date: "2026-12-01")
        catalogue.points[0].provenance = .official(source: "futian-official")
        catalogue.points[0].origin = origin
        catalogue.points[1].origin = ImportOrigin(file: "points.csv", date: "2026-12-01")
        catalogue.items[0].provenance = .official(source: "futian-official")
        catalogue.items[0].note = "由区卫健局提供"
        catalogue.items[0].origin = origin
        catalogue.standards[0].origin = ImportOrigin(file: "标准.docx", date: "2026-11-30")
        catalogue.metadata.publishedCounts = .init(domains: 9, items: 143, futianItems: 12, points: 2082, standards: 881)
        let bytes = catalogue.image
        let read = try ServiceCatalogue(image: ImageBytes(copying: bytes))
        #expect(read.metadata == catalogue.metadata)
        #expect(read.items == catalogue.items)
        #expect(read.points == catalogue.points)
        #expect(read.standards == catalogue.standards)
        #expect(read.points[0].provenance == .official(source: "futian-official"))
        #expect(read.points[1].origin?.row == nil && read.points[1].origin?.sheet == nil)
    }

    /// A catalogue read from its image answers single points and an item's points from the
    /// section without decoding the rest; each answer equals the one from the whole list.
    @Test func pointsReadOneAtATimeFromTheImageEqualTheWholeList() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let lazy = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        #expect(lazy.pointCount == catalogue.points.count)
        for (i, point) in catalogue.points.enumerated() {
            #expect(lazy.point(at: i) == point)
            #expect(lazy.point(point.id) == catalogue.point(point.id))
        }
        for item in catalogue.items {
            #expect(lazy.pointIndices(servingItem: item.id) == catalogue.pointIndices(servingItem: item.id))
            #expect(lazy.points(servingItem: item.id) == catalogue.points.filter { $0.itemIDs.contains(item.id) })
        }
        for missing in ["", "P", "P0000", "P99999", "p0505", "ZZZ", "D4-01"] {
            #expect(lazy.point(missing) == nil)
            #expect(catalogue.point(missing) == nil)
        }
        #expect(lazy.pointIndices(servingItem: "no-such-item").isEmpty)
        #expect(lazy.pointCountsByItem() == catalogue.pointCountsByItem())
        #expect(lazy.pointCountsByDomain() == catalogue.pointCountsByDomain())
        #expect(lazy.pointPositions() == catalogue.pointPositions())
        #expect(lazy.pointPositions().type.count == catalogue.points.count)
        #expect(lazy.pointIDRanks() == catalogue.pointIDRanks())
        #expect(lazy.pointIndicesKeyedLikeCoordinates() == catalogue.pointIndicesKeyedLikeCoordinates())
        #expect(lazy.pointTallies() == PointTally.of(catalogue.points))
        #expect(lazy.pointTallies().map(\.count).reduce(0, +) == catalogue.points.count)
        #expect(lazy.points == catalogue.points)
    }

    /// Standard texts stay in the image until asked for; looked up one by one or listed, and
    /// whichever comes first, they are those of the catalogue, a repeated id finding the first.
    @Test func standardsDecodedOnDemandEqualTheCatalogues() throws {
        var catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let lookedUp = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        for standard in catalogue.standards { #expect(lookedUp.standard(standard.id) == standard) }
        for missing in ["", "S", "S99999", "s0001", "D4-01"] { #expect(lookedUp.standard(missing) == nil) }
        #expect(lookedUp.standards == catalogue.standards)
        let listed = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        #expect(listed.standards == catalogue.standards)
        #expect(listed.standards(forItem: catalogue.items[0].id) == catalogue.standards(forItem: catalogue.items[0].id))
        var repeated = Array(catalogue.standards.prefix(3))
        repeated[2].id = repeated[0].id
        catalogue.standards = repeated
        let read = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        #expect(read.standard(repeated[0].id) == repeated[0])
        #expect(catalogue.standard(repeated[0].id) == repeated[0])
        var changed = read
        changed.standards[0].title = "改过的标题"
        #expect(changed.standard(repeated[0].id)?.title == "改过的标题")
        #expect(read.standard(repeated[0].id) == repeated[0])
    }

    /// Points per domain count each point once per domain, however the items of the domains
    /// are interleaved.
    @Test func domainCountsFromTheImageDoNotDependOnItemOrder() throws {
        let c = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let interleaved = c.items.enumerated().sorted { ($0.offset % 7, $0.offset) < ($1.offset % 7, $1.offset) }.map(\.element)
        let shuffled = ServiceCatalogue(metadata: c.metadata, sources: c.sources, pointTypes: c.pointTypes, domains: c.domains,
                                        items: interleaved, points: c.points, standards: c.standards, subdistricts: c.subdistricts,
                                        landmarks: c.landmarks, boundary: c.boundary, subdistrictBoundaries: c.subdistrictBoundaries)
        let lazy = try ServiceCatalogue(image: ImageBytes(copying: shuffled.image))
        #expect(lazy.pointCountsByDomain() == c.pointCountsByDomain())
        #expect(lazy.pointCountsByItem() == c.pointCountsByItem())
        // Reordering the items of a catalogue read from its image keeps each item's points.
        var reordered = lazy
        reordered.items.reverse()
        for item in c.items { #expect(reordered.pointIndices(servingItem: item.id) == c.pointIndices(servingItem: item.id)) }
        #expect(reordered.item(c.items[0].id) == c.items[0])
    }

    /// Ids are found whatever their script or normalisation, and a repeated id finds its first
    /// point, as the array lookup does.
    @Test func anImageFindsHanIdsAndTheFirstOfARepeatedId() throws {
        var catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        var points = Array(catalogue.points.prefix(6))
        points[1].id = "福田-1"; points[2].id = "Ω"; points[3].id = "Q1"; points[4].id = "a"; points[5].id = "Q1"
        points[5].name = "第二个 Q1"
        catalogue.points = points
        let lazy = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        for id in ["福田-1", "Ω", "a", points[0].id] { #expect(lazy.point(id)?.id == id) }
        points[4].id = "caf\u{E9}"
        catalogue.points = points
        let decomposed = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        #expect(decomposed.point("cafe\u{301}")?.id == "caf\u{E9}")
        #expect(catalogue.point("cafe\u{301}")?.id == "caf\u{E9}")
        #expect(lazy.point("Q1")?.name == points[3].name)
        #expect(catalogue.point("Q1")?.name == points[3].name)
    }

    /// A point table with a value out of range is not followed: the image opens (its tables are
    /// checked as they are read), and what the table would answer comes from the records instead.
    @Test func aPointTableOutOfRangeIsNeverFollowed() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let tables = PointImage.tables(points: catalogue.points, items: catalogue.items)
        func stored(_ values: [UInt32]) -> [UInt8] { values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } } }
        func damaging(_ values: [UInt32], at position: Int) throws -> ServiceCatalogue {
            var bytes = catalogue.image
            let table = stored(values)
            let start = try #require((0...(bytes.count - table.count)).first { bytes[$0..<($0 + table.count)].elementsEqual(table) })
            bytes.replaceSubrange((start + position * 4)..<(start + position * 4 + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
            return try ServiceCatalogue(image: ImageBytes(copying: bytes))
        }
        // The list of points serving each item: the last of them past the end.
        let serving = try damaging(tables.itemPoints, at: tables.itemPoints.count - 1)
        let lastItem = try #require(catalogue.items.last { !catalogue.pointIndices(servingItem: $0.id).isEmpty })
        #expect(serving.pointIndices(servingItem: lastItem.id) == catalogue.pointIndices(servingItem: lastItem.id))
        #expect(serving.pointCountsByItem() == catalogue.pointCountsByItem())
        // The id order: the middle entry past the end (the binary search reads it first).
        let byID = try damaging(tables.byID, at: catalogue.pointCount / 2)
        for id in ["P0001", catalogue.points[catalogue.pointCount / 2].id, catalogue.points.last!.id, "P9999"] {
            #expect(byID.point(id) == catalogue.point(id), "\(id)")
        }
        #expect(byID.pointIDRanks() == catalogue.pointIDRanks())
    }

    /// Bytes checked block by block: opening reads and checks only the blocks the rest of the
    /// catalogue is in, a point is checked when it is read, and a point in a damaged block comes
    /// back as a point that says so while the others read as they were.
    @Test func aDamagedBlockSpoilsOnlyThePointsInItAndOnlyReadBlocksAreChecked() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let original = catalogue.image
        let blockSize = 256
        func sum(_ bytes: UnsafeRawBufferPointer) -> UInt64 { bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 } }
        let sums = original.withUnsafeBytes { all in
            stride(from: 0, to: all.count, by: blockSize).map { sum(UnsafeRawBufferPointer(rebasing: all[$0..<min($0 + blockSize, all.count)])) }
        }
        let victim = catalogue.points[1500]
        let name = Array(victim.name.utf8)
        var damaged = original
        let at = try #require((0...(damaged.count - name.count)).first { damaged[$0..<($0 + name.count)].elementsEqual(name) })
        damaged[at] ^= 0x01
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: damaged.count, alignment: 8)
        damaged.withUnsafeBytes { storage.copyMemory(from: $0) }
        final class Counter: @unchecked Sendable { var checks = 0 }
        let counter = Counter()
        let owner = ImageBytes(buffer: UnsafeRawBufferPointer(storage), blockSize: blockSize,
                               checkBlock: { block, bytes in counter.checks += 1; return sum(bytes) == sums[block] },
                               release: { storage.deallocate() })
        let lazy = try ServiceCatalogue(image: owner)
        #expect(counter.checks < sums.count / 2)
        #expect(lazy.point(at: 0) == catalogue.points[0])
        #expect(lazy.point(at: 1500).name == "（启动文件中的记录损坏：请运行 fuwu build）")
        #expect(lazy.point(at: 1500).id == "#1501")
        #expect(lazy.point(catalogue.points[3].id) == catalogue.points[3])
        #expect(!owner.verify(at..<(at + 1)))
        #expect(owner.verify(0..<1))
        #expect(!owner.verify(0..<(damaged.count + 1)))
    }
}
