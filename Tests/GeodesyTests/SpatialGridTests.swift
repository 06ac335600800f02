import FixtureDamage
import Testing
@testable import Geodesy

@Suite struct SpatialGridTests {
    static func randomPoints(_ count: Int, seed: UInt64, south: Double = 22.45, north: Double = 22.85,
                             west: Double = 113.75, east: Double = 114.62) -> [GeoCoordinate] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            GeoCoordinate(latitude: Double.random(in: south...north, using: &rng),
                          longitude: Double.random(in: west...east, using: &rng))
        }
    }

    static func bruteForce(_ points: [GeoCoordinate], within radius: Double, of origin: GeoCoordinate) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (i, p) in points.enumerated() {
            let d = origin.distanceMetres(to: p)
            if d <= radius { result[i] = d }
        }
        return result
    }

    @Test(arguments: [500.0, 1000.0, 1500.0, 4321.0, 25_000.0])
    func classifiesPointsHalfAMetreInsideAndOutsideTheCircleAtManyBearings(radius: Double) {
        let origins = [GeoCoordinate(latitude: 22.5431, longitude: 114.0579),
                       GeoCoordinate(latitude: 22.8, longitude: 113.8)]
        for origin in origins {
            var points = Self.randomPoints(3000, seed: 7)
            var inside: Set<Int> = [], outside: Set<Int> = []
            for step in 0..<72 {
                let bearing = Double(step) * 5 + 0.7
                inside.insert(points.count)
                points.append(origin.destination(bearingDegrees: bearing, distanceMetres: radius - 0.5))
                outside.insert(points.count)
                points.append(origin.destination(bearingDegrees: bearing, distanceMetres: radius + 0.5))
            }
            let grid = SpatialGrid(coordinates: points)
            let found = Set(grid.points(within: radius, of: origin).map(\.index))
            #expect(inside.isSubset(of: found))
            #expect(outside.isDisjoint(with: found))
        }
    }

    /// Cells in tiles of every size (1 is row-major; 8 the default; 5 leaves partial tiles at the
    /// edges) answer alike.
    @Test(arguments: [1, 5, 8])
    func queriesEqualABruteForceScan(tileSize: Int) {
        let points = Self.randomPoints(8_000, seed: 42)
        let grid = SpatialGrid(coordinates: points, tileSize: tileSize)
        #expect(grid.tileSize == tileSize)
        var rng = SplitMix64(seed: 99)
        var origins = Self.randomPoints(25, seed: 5)
        origins += [GeoCoordinate(latitude: 22.40, longitude: 113.70), GeoCoordinate(latitude: 22.90, longitude: 114.70),
                    GeoCoordinate(latitude: 22.45, longitude: 113.75)]
        for origin in origins {
            for radius in [1.0, 500, 1000, 1500, Double.random(in: 1...50_000, using: &rng), 50_000] {
                let hits = grid.points(within: radius, of: origin)
                let expected = Self.bruteForce(points, within: radius, of: origin)
                #expect(hits.count == expected.count, "origin \(origin) radius \(radius)")
                for hit in hits {
                    #expect(expected[hit.index] == hit.distanceMetres)
                }
            }
        }
    }

    @Test func handlesEmptyAndDegenerateInputs() {
        let origin = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        #expect(SpatialGrid(coordinates: []).points(within: 1000, of: origin).isEmpty)
        let same = SpatialGrid(coordinates: Array(repeating: origin, count: 5))
        #expect(same.points(within: 1, of: origin).map(\.index).sorted() == [0, 1, 2, 3, 4])
        #expect(same.points(within: 1000, of: GeoCoordinate(latitude: 22.6, longitude: 114.0579)).isEmpty)
        let line = SpatialGrid(coordinates: (0..<10).map { GeoCoordinate(latitude: 22.5, longitude: 114 + Double($0) * 0.001) })
        #expect(line.points(within: 150, of: GeoCoordinate(latitude: 22.5, longitude: 114.0)).map(\.index).sorted() == [0, 1])
    }
}

@Suite struct SpatialGridSortTests {
    @Test func sortsHitsNearestFirstWithTiesByIndex() {
        var rng = SplitMix64(seed: 11)
        for count in [0, 1, 2, 31, 33, 500, 5000] {
            var hits = (0..<count).map { i in
                SpatialGrid.Hit(index: i, distanceMetres: (Double.random(in: 0...1500, using: &rng) * 4).rounded() / 4)
            }
            hits.shuffle(using: &rng)
            var expected = hits
            expected.sort { $0.distanceMetres != $1.distanceMetres ? $0.distanceMetres < $1.distanceMetres : $0.index < $1.index }
            SpatialGrid.sortNearestFirst(&hits, radiusMetres: 1500)
            #expect(hits == expected)
        }
    }
}
