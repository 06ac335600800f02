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
            let a = built.query(query), b = stored.query(query)
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

    /// A damaged block among the stored arrays fails its check when the index is opened: the
    /// index is built from the points instead.
    @Test func aDamagedStoredTableIsNotRead() throws {
        let catalogue = try #require(CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue)
        let original = catalogue.image
        let blockSize = 256
        func sum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        }
        let sums = original.withUnsafeBytes { all in
            stride(from: 0, to: all.count, by: blockSize).map { sum(UnsafeRawBufferPointer(rebasing: all[$0..<min($0 + blockSize, all.count)])) }
        }
        // The grid's latitudes, as stored: damage the first of them.
        let built = NearbyIndex(catalogue: catalogue).tables
        let latitudes = built.latitudes.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        let at = try #require((0...(original.count - latitudes.count)).first {
            original[$0..<($0 + latitudes.count)].elementsEqual(latitudes)
        })
        var damaged = original
        damaged[at] ^= 0x01
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: damaged.count, alignment: 8)
        damaged.withUnsafeBytes { storage.copyMemory(from: $0) }
        let owner = ImageBytes(buffer: UnsafeRawBufferPointer(storage), blockSize: blockSize,
                               checkBlock: { block, bytes in sum(bytes) == sums[block] }, release: { storage.deallocate() })
        let lazy = try ServiceCatalogue(image: owner)
        let index = NearbyIndex(catalogue: lazy)
        #expect(!index.readsStoredTables)
        let query = try NearbyQuery(origin: GeoCoordinate(latitude: 22.5431, longitude: 114.0579), radiusMetres: 1000)
        #expect(Self.same(index.query(query), NearbyIndex(catalogue: catalogue).query(query)))
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
        var indices = Array(grid.originalIndices)
        indices[0] = Int32(l.count)
        #expect(SpatialGrid(layout: l, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: FlatArray(indices)) == nil)
        var wide = l
        wide.columns += 1
        #expect(SpatialGrid(layout: wide, cellStart: grid.cellStart, latitudes: grid.latitudes, longitudes: grid.longitudes,
                            originalIndices: grid.originalIndices) == nil)
        #expect(SpatialGrid(layout: l, cellStart: grid.cellStart, latitudes: FlatArray(Array(grid.latitudes.dropLast())),
                            longitudes: grid.longitudes, originalIndices: grid.originalIndices) == nil)
    }
}
