import FixtureDamage
import FlatStorage
import Geodesy
import Testing
@testable import Catalogue

/// A compiled catalogue stores its nearby index (grid and per-point arrays), and a start reads it
/// where it lies instead of building it: every answer equals the built index's, and a stored
/// index that no longer fits, or whose bytes are damaged, is never read.
@Suite struct StoredNearbyIndexTests {
    private static func same(_ a: NearbyResult, _ b: NearbyResult) -> Bool {
        a.entries == b.entries && a.totalWithinRadius == b.totalWithinRadius && a.unlocatedPoints == b.unlocatedPoints
            && a.domainCounts == b.domainCounts && a.summaryRadiiMetres == b.summaryRadiiMetres
    }

    /// Origins over Futian and beyond, radii from 1 m to 50 km, each filter kind and a limit.
    private static func queries(_ c: ServiceCatalogue) throws -> [NearbyQuery] {
        var result: [NearbyQuery] = []
        var random = SplitMix64(seed: 15)
        func next() -> Double { Double.random(in: 0..<1, using: &random) }
        for i in 0..<60 {
            let origin = GeoCoordinate(latitude: 22.49 + next() * 0.09, longitude: 113.98 + next() * 0.12)
            let radius = [1.0, 500, 1000, 1500, 3000, 50_000][i % 6]
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius))
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius, domainID: c.domains[i % c.domains.count].id))
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius, itemID: c.items[i % c.items.count].id, limit: 3))
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius, pointTypeID: c.pointTypes[i % c.pointTypes.count].id))
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius,
                                          subdistrictCode: c.subdistricts[i % c.subdistricts.count].code))
            result.append(try NearbyQuery(origin: origin, radiusMetres: radius, domainID: "no-such-domain"))
        }
        return result
    }

    @Test func theStoredIndexAnswersEveryQueryAsTheBuiltOne() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let built = NearbyIndex(catalogue: catalogue)
        let stored = NearbyIndex(catalogue: try ServiceCatalogue(image: ImageBytes(copying: catalogue.image)))
        #expect(!built.readsStoredTables)
        #expect(stored.readsStoredTables)
        #expect(stored.locatedCount == built.locatedCount)
        for query in try Self.queries(catalogue) {
            let a = built.query(query), b = try #require(stored.storedAnswer(query), "\(query)")
            #expect(Self.same(a, b), "\(query)")
            #expect(a.hits.map(\.point.id) == b.hits.map(\.point.id))
        }
    }

    /// Items reordered after the catalogue was read: the stored positions no longer fit, so the
    /// index is built, and answers as before.
    @Test func storedTablesThatNoLongerFitTheCatalogueAreNotRead() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        var reordered = try ServiceCatalogue(image: ImageBytes(copying: catalogue.image))
        reordered.items.reverse()
        let index = NearbyIndex(catalogue: reordered)
        #expect(!index.readsStoredTables)
        var expected = catalogue
        expected.items.reverse()
        let query = try NearbyQuery(origin: GeoCoordinate(latitude: 22.5431, longitude: 114.0579), radiusMetres: 1500,
                                    itemID: catalogue.items[3].id)
        #expect(Self.same(index.query(query), NearbyIndex(catalogue: expected).query(query)))
    }

    /// Where `values` lie in `image` (the first place they do).
    private static func offset(of values: [UInt8], in image: [UInt8]) throws -> Int {
        try #require((0...(image.count - values.count)).first { image[$0..<($0 + values.count)].elementsEqual(values) })
    }

    private static func bytes<T: FixedWidthInteger>(_ values: some Sequence<T>) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    }

    /// A damaged block among the stored arrays fails its check when a query first reads it: that
    /// query is answered by an index built from the points, while a query whose circle reads only
    /// sound blocks is still answered from the stored tables (they are not all checked at start).
    @Test func aDamagedStoredBlockIsNeverFollowed() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let original = catalogue.image
        let blockSize = 256
        func sum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        }
        let sums = original.withUnsafeBytes { all in
            stride(from: 0, to: all.count, by: blockSize).map { sum(UnsafeRawBufferPointer(rebasing: all[$0..<min($0 + blockSize, all.count)])) }
        }
        // The grid's latitudes, as stored: damage the middle one (the blocks at either end hold the
        // cell table and the next array's count, which are checked when the index opens).
        let built = NearbyIndex(catalogue: catalogue)
        let tables = built.tables
        let at = try Self.offset(of: Self.bytes(tables.latitudes.map(\.bitPattern)), in: original)
        let middle = tables.latitudes.count / 2
        var damaged = original
        damaged[at + middle * 8] ^= 0x01
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: damaged.count, alignment: 8)
        damaged.withUnsafeBytes { storage.copyMemory(from: $0) }
        let owner = ImageBytes(buffer: UnsafeRawBufferPointer(storage), blockSize: blockSize,
                               checkBlock: { block, bytes in sum(bytes) == sums[block] }, release: { storage.deallocate() })
        let index = NearbyIndex(catalogue: try ServiceCatalogue(image: owner))
        let readsStoredTables = index.readsStoredTables
        #expect(readsStoredTables)
        // 市民中心 is kilometres from the damaged point: its circle reads sound blocks.
        let far = try NearbyQuery(origin: GeoCoordinate(latitude: 22.5431, longitude: 114.0579), radiusMetres: 1000)
        #expect(Self.same(try #require(index.storedAnswer(far)), built.query(far)))
        let damagedPoint = GeoCoordinate(latitude: tables.latitudes[middle], longitude: tables.longitudes[middle])
        for query in [try NearbyQuery(origin: damagedPoint, radiusMetres: 500), try NearbyQuery(origin: damagedPoint, radiusMetres: 3000, limit: 5)] {
            #expect(index.storedAnswer(query) == nil)
            #expect(Self.same(index.query(query), built.query(query)))
        }
    }

    /// Stored values out of range (a point past the last, a domain the catalogue does not have) in
    /// blocks whose checks pass are refused as the query reads them, never followed.
    @Test func storedValuesOutOfRangeAreNeverFollowed() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let original = catalogue.image
        let built = NearbyIndex(catalogue: catalogue)
        let slots = built.tables.slots
        let query = try NearbyQuery(origin: GeoCoordinate(latitude: 22.5431, longitude: 114.0579), radiusMetres: 1500)
        // A slot the query reads: its first hit's.
        let hit = try #require(built.query(query).entries.first)
        let slot = try #require(slots.point.firstIndex(of: hit.point))
        for (column, bad) in [(slots.point, Int32(catalogue.pointCount)), (slots.domain, Int32(catalogue.domains.count)),
                              (slots.type, Int32(-5))] {
            var damaged = original
            let at = try Self.offset(of: Self.bytes(column), in: original) + slot * 4
            damaged.replaceSubrange(at..<(at + 4), with: Self.bytes([bad]))
            let index = NearbyIndex(catalogue: try ServiceCatalogue(image: ImageBytes(copying: damaged)))
            let readsStoredTables = index.readsStoredTables
            #expect(readsStoredTables)
            #expect(index.storedAnswer(query) == nil)
            #expect(Self.same(index.query(query), built.query(query)))
        }
    }

    /// A grid whose parts disagree is refused, never read.
    @Test func aGridFromPartsThatDisagreeIsRefused() throws {
        let grid = SpatialGrid(coordinates: (0..<50).map { GeoCoordinate(latitude: 22.5 + Double($0) * 0.001, longitude: 114.05) })
        let l = grid.layout
        #expect(SpatialGrid(layout: l, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: grid.originalIndices) != nil)
        var starts = Array(grid.cellStart)
        starts[starts.count / 2] = Int32(l.count + 1)
        #expect(SpatialGrid(layout: l, cellStart: FlatArray(starts), latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: grid.originalIndices) == nil)
        var indices = Array(try #require(grid.originalIndices))
        indices[0] = Int32(l.count)
        #expect(SpatialGrid(layout: l, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: FlatArray<Int32>(indices)) == nil)
        // In its own order (no indices), a hit's index is its sorted position.
        let own = grid.inOwnOrder
        #expect(own.originalIndices == nil)
        let origin = GeoCoordinate(latitude: 22.52, longitude: 114.05)
        #expect(Set(own.points(within: 5000, of: origin).map { Int(grid.originalIndices![$0.index]) })
                == Set(grid.points(within: 5000, of: origin).map(\.index)))
        var wide = l
        wide.columns += l.tileSize
        #expect(SpatialGrid(layout: wide, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: grid.originalIndices) == nil)
        var tiled = l
        tiled.tileSize += 1
        #expect(SpatialGrid(layout: tiled, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: grid.originalIndices) == nil)
        #expect(SpatialGrid(layout: l, cellStart: grid.cellStart, latitudes: FlatArray(Array(grid.latitudes.dropLast())),
                            longitudes: grid.longitudes, originalIndices: grid.originalIndices) == nil)
    }
}
