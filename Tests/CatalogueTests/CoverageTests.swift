import Foundation
import Geodesy
import Testing
@testable import Catalogue

/// Square districts with points placed in metres from their centre, built in the grid's own
/// plane (so a square of side L holds (L / cell)² whole cells).
enum SquareDistrict {
    static let centre = GeoCoordinate(latitude: 22.54, longitude: 114.06)
    static let north = Ellipsoid.wgs84.metresPerDegreeLatitude(atLatitude: centre.latitude)
    static let east = Ellipsoid.wgs84.metresPerDegreeLongitude(atLatitude: centre.latitude)

    static func at(east x: Double, north y: Double) -> GeoCoordinate {
        GeoCoordinate(latitude: centre.latitude + y / north, longitude: centre.longitude + x / east)
    }

    /// A closed anticlockwise rectangle from (x0, y0) to (x1, y1) metres.
    static func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Boundary {
        Boundary(polygons: [[[at(east: x0, north: y0), at(east: x1, north: y0), at(east: x1, north: y1),
                              at(east: x0, north: y1), at(east: x0, north: y0)]]])
    }

    static func catalogue(side: Double, points: [(Double, Double, Provenance)], halves: Bool = false) -> ServiceCatalogue {
        let h = side / 2
        let metadata = CatalogueMetadata(name: "square", nameEnglish: "square", district: "方区", districtCode: "1",
                                         version: "1", coordinateDatum: "WGS-84", notes: "",
                                         counts: .init(domains: 1, items: 0, futianItems: 0, points: points.count, standards: 0))
        let located = points.enumerated().map { i, p in
            ServicePoint(id: String(format: "P%04d", i + 1), name: "点\(i + 1)", typeID: "shekang", itemIDs: [], subdistrictCode: "S1",
                         community: nil, address: nil, phone: nil, hours: nil, location: at(east: p.0, north: p.1),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: p.2)
        }
        let unlocated = ServicePoint(id: "P9999", name: "无坐标社康", typeID: "shekang", itemIDs: [], subdistrictCode: nil,
                                     community: nil, address: nil, phone: nil, hours: nil, location: nil, sourceDatum: nil,
                                     sourceCoordinate: nil, note: nil, provenance: .reference(source: "t"))
        let subdistricts = [Subdistrict(code: "S1", name: "西街道", pinyin: "xi", communities: [], centre: nil, centreNote: nil, provenance: .sample),
                            Subdistrict(code: "S2", name: "东街道", pinyin: "dong", communities: [], centre: nil, centreNote: nil, provenance: .sample)]
        let polygons = halves ? [SubdistrictBoundary(code: "S1", name: "西街道", area: rectangle(-h - 10, -h - 10, 0, h + 10), note: nil, provenance: .sample)] : []
        return ServiceCatalogue(metadata: metadata, sources: [], pointTypes: [PointType(id: "shekang", name: "社康中心", nameEnglish: "Clinic", domainID: "D4")],
                                domains: [Domain(id: "D4", name: "病有良医", nameEnglish: "Health", summary: "", provenance: .sample)],
                                items: [], points: located + [unlocated], standards: [], subdistricts: subdistricts, landmarks: [],
                                boundary: rectangle(-h, -h, h, h), subdistrictBoundaries: polygons)
    }
}

@Suite struct CoverageSquareTests {
    @Test func onePointInASquareCoversTheCircleOverTheSquareWithinTheGridBound() throws {
        let side = 4000.0, cell = 50.0, radius = 1000.0
        let catalogue = SquareDistrict.catalogue(side: side, points: [(0, 0, .reference(source: "t"))])
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: [], cellMetres: cell)
        #expect(grid.cellCount == 80 * 80)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4")])
        let figure = try #require(analysis.figures(layer: 0, radiusMetres: radius).last)
        #expect(figure.subdistrictCode == nil)
        let exact = Double.pi * radius * radius / (side * side)
        // Every cell the circle only partly covers lies in the annulus r ± cell·√2/2, so the grid
        // area is off by at most 2πr · cell·√2/2; over the square's area that is 0.0139 here.
        let bound = 2 * Double.pi * radius * cell * 2.0.squareRoot() / 2 / (side * side)
        let share = try #require(figure.share)
        #expect(abs(share - exact) <= bound)
        #expect(abs(share - exact) < 0.002)
        #expect(figure.officialPoints == 0 && figure.referencePoints == 1 && figure.samplePoints == 0 && !figure.restsOnSample)
        #expect(analysis.unlocatedPoints[0].map { catalogue.points[$0].id } == ["P9999"])
        #expect(analysis.pointCounts(layer: 0) == ProvenanceCounts(reference: 1))
    }

    @Test func aRadiusBeyondTheCornersCoversEverythingAndATypeLayerMatchesItsDomain() {
        let catalogue = SquareDistrict.catalogue(side: 2000, points: [(0, 0, .sample)])
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: [], cellMetres: 100)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4"), .type("shekang")])
        let domain = analysis.figures(layer: 0, radiusMetres: 1500)
        #expect(domain.last?.share == 1)
        #expect(domain.last?.restsOnSample == true)
        #expect(analysis.figures(layer: 1, radiusMetres: 1500) == domain.map { var f = $0; f.layer = .type("shekang"); return f })
    }

    @Test func cellsOutsideEveryPolygonAreUnassignedWithTheirAreaNeverDropped() throws {
        let catalogue = SquareDistrict.catalogue(side: 2000, points: [(-500, 0, .reference(source: "t"))], halves: true)
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries, cellMetres: 50)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4")])
        let figures = analysis.figures(layer: 0, radiusMetres: 500)
        #expect(figures.map(\.subdistrictCode) == ["S1", nil])
        #expect(figures.map(\.areaSquareMetres) == [2_000_000, 2_000_000])
        #expect(figures.reduce(0) { $0 + $1.areaSquareMetres } == 4_000_000)
    }

    @Test func theLargestUncoveredPatchIsTheSquareOutsideTheCircle() throws {
        let catalogue = SquareDistrict.catalogue(side: 2000, points: [(-1000, -1000, .reference(source: "t"))])
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: [], cellMetres: 50)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4")])
        let patches = analysis.patches(layer: 0, radiusMetres: 1000)
        #expect(patches.count == 1)
        let patch = try #require(patches.first)
        let figure = try #require(analysis.figures(layer: 0, radiusMetres: 1000).last)
        #expect(patch.areaSquareMetres == figure.areaSquareMetres - figure.coveredSquareMetres)
        // A quarter circle in the south-west corner: the rest's centre lies north-east of the middle.
        let offset = LocalTangentPlane(origin: SquareDistrict.centre).offsetMetres(to: patch.centre)
        #expect(offset.east > 100 && offset.north > 100 && abs(offset.east - offset.north) < 1)
    }

    @Test func aPatchOutlineRunsAlongTheCellEdgesWithNoPatchCellBeyondThem() throws {
        // 4 × 4 cells; a point at the south-west corner covers that corner cell and its east and
        // north neighbours at 80 m (35 m and 79 m away; the diagonal cell is 106 m away).
        let catalogue = SquareDistrict.catalogue(side: 200, points: [(-100, -100, .reference(source: "t"))])
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: [], cellMetres: 50)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4")])
        let patch = try #require(analysis.patches(layer: 0, radiusMetres: 80).first)
        #expect(patch.cellCount == 13)
        func line(_ r0: Double, _ c0: Double, _ r1: Double, _ c1: Double) -> [GeoCoordinate] {
            [grid.coordinate(row: r0, column: c0), grid.coordinate(row: r1, column: c1)]
        }
        // Horizontal runs by grid line (south to north), then vertical runs (west to east).
        #expect(analysis.outline(of: patch) == [
            line(0, 2, 0, 4), line(1, 1, 1, 2), line(2, 0, 2, 1), line(4, 0, 4, 4),
            line(2, 0, 4, 0), line(1, 1, 2, 1), line(0, 2, 1, 2), line(0, 4, 4, 4),
        ])
    }

    @Test func aLayerWithoutLocatedPointsCoversNothingAndHasNoDistance() {
        let catalogue = SquareDistrict.catalogue(side: 1000, points: [])
        let grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: [], cellMetres: 100)
        let analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: [.domain("D4")])
        #expect(analysis.figures(layer: 0, radiusMetres: 1500).last?.share == 0)
        #expect(analysis.distance(layer: 0, cell: 0) == nil)
        #expect(analysis.patches(layer: 0, radiusMetres: 500).first?.areaSquareMetres == 1_000_000)
    }
}

@Suite struct CoverageEqualityTests {
    @Test func giniIsZeroForEqualSharesAndAHalfForAllAgainstNothing() {
        #expect(CoverageEquality.gini([(0.5, 1), (0.5, 3)]) == 0)
        #expect(CoverageEquality.gini([(0, 1), (1, 1)]) == 0.5)
        #expect(CoverageEquality.gini([(0, 1), (0, 1)]) == nil)
    }

    @Test func theAreaWeightsTheGini() throws {
        // Shares 0 and 1 with weights 3 and 1: mean 0.25, Σ wᵢwⱼ|Δ| = 2·3·1·1 = 6, G = 6 / (2·16·0.25) = 0.75.
        let gini = try #require(CoverageEquality.gini([(0, 3), (1, 1)]))
        #expect(abs(gini - 0.75) < 1e-12)
    }

    @Test func minMaxAndRatioNameTheirSubdistricts() throws {
        func figure(_ code: String?, _ covered: Double, _ area: Double) -> CoverageFigure {
            CoverageFigure(subdistrictCode: code, layer: .domain("D1"), radiusMetres: 500, areaSquareMetres: area,
                           coveredSquareMetres: covered, officialPoints: 0, referencePoints: 1, samplePoints: 0)
        }
        let equality = try #require(CoverageEquality(figures: [figure("A", 20, 100), figure("B", 80, 100), figure(nil, 0, 50), figure("C", 0, 0)]))
        #expect(equality.minShare == 0.2 && equality.minSubdistrictCode == "A")
        #expect(equality.maxShare == 0.8 && equality.maxSubdistrictCode == "B")
        #expect(equality.ratio == 4)
        #expect(!equality.restsOnSample)
    }
}

@Suite struct CoverageFutianTests {
    static let catalogue = CatalogueLoader.load(folder: FixturePaths.embedded).loaded?.catalogue
    static let domains = catalogue?.domains.map { CoverageLayer.domain($0.id) } ?? []
    static let analysis: CoverageAnalysis? = catalogue.map { c in
        CoverageAnalysis(catalogue: c, grid: CoverageGrid(boundary: c.boundary, subdistricts: c.subdistrictBoundaries), layers: domains)
    }

    @Test func theGridAssignsEachCellAsThePolygonsDoCentreByCentre() throws {
        let c = try #require(Self.catalogue)
        let grid = CoverageGrid(boundary: c.boundary, subdistricts: c.subdistrictBoundaries, cellMetres: 200)
        var inside = 0
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let centre = grid.coordinate(row: Double(row) + 0.5, column: Double(column) + 0.5)
                if c.boundary.contains(centre) { inside += 1 }
            }
        }
        #expect(grid.cellCount == inside)
        for cell in 0..<grid.cellCount {
            let centre = grid.centre(of: cell)
            #expect(c.boundary.contains(centre))
            #expect(grid.subdistrict(of: cell)?.code == c.subdistrictBoundary(containing: centre)?.code, "cell \(cell)")
        }
    }

    @Test func theFutianGridAt50mHasAbout31000CellsAndAboutSevenPercentUnassigned() throws {
        let analysis = try #require(Self.analysis)
        #expect((30_000...32_000).contains(analysis.grid.cellCount))
        let unassigned = analysis.grid.cellSubdistrict.filter { $0 < 0 }.count
        let fraction = Double(unassigned) / Double(analysis.grid.cellCount)
        #expect((0.05...0.09).contains(fraction))
    }

    @Test func nearestDistancesEqualABruteForceOverEveryPoint() throws {
        let analysis = try #require(Self.analysis)
        let c = analysis.catalogue
        for cell in stride(from: 0, to: analysis.grid.cellCount, by: 97) {
            let centre = analysis.grid.centre(of: cell)
            for (l, points) in analysis.locatedPoints.enumerated() {
                let best = points.compactMap { c.points[$0].location.map(centre.distanceMetres(to:)) }.min()
                let found = try #require(analysis.distance(layer: l, cell: cell))
                #expect(abs(found - (best ?? .infinity)) < 0.01, "cell \(cell) layer \(l)")
            }
        }
    }

    /// The independent check: quasi-random points (a Halton sequence, uniform over each
    /// subdistrict's polygon inside the district), the nearest point of each domain found by
    /// measuring every point. Its sampling error is well under half a percentage point.
    @Test func everyShareAgreesWithAnIndependentSampleWithinOnePercentagePoint() throws {
        let analysis = try #require(Self.analysis)
        let c = analysis.catalogue
        let samplesPerSubdistrict = 3000
        let domainOf: [Int] = c.points.map { p in c.domains.firstIndex { $0.id == c.domainID(ofPoint: p) } ?? -1 }
        let sites: [(Double, Double, Int)] = c.points.indices.compactMap { i in
            guard let location = c.points[i].location, domainOf[i] >= 0 else { return nil }
            return (location.latitude, location.longitude, domainOf[i])
        }
        var south = 90.0, north = -90.0, west = 180.0, east = -180.0
        for ring in c.boundary.polygons.flatMap({ $0 }) {
            for p in ring { south = min(south, p.latitude); north = max(north, p.latitude); west = min(west, p.longitude); east = max(east, p.longitude) }
        }
        func halton(_ index: Int, _ base: Int) -> Double {
            var f = 1.0, r = 0.0, i = index
            while i > 0 { f /= Double(base); r += f * Double(i % base); i /= base }
            return r
        }
        var covered = [[[Int]]](repeating: [[Int]](repeating: [0, 0, 0], count: c.domains.count), count: c.subdistrictBoundaries.count)
        var taken = [Int](repeating: 0, count: c.subdistrictBoundaries.count)
        var k = 0
        while taken.contains(where: { $0 < samplesPerSubdistrict }) && k < 3_000_000 {
            k += 1
            let p = GeoCoordinate(latitude: south + halton(k, 2) * (north - south), longitude: west + halton(k, 3) * (east - west))
            guard c.boundary.contains(p), let owner = c.subdistrictBoundary(containing: p),
                  let s = c.subdistrictBoundaries.firstIndex(where: { $0.code == owner.code }), taken[s] < samplesPerSubdistrict else { continue }
            taken[s] += 1
            var best = [Double](repeating: .infinity, count: c.domains.count)
            let plane = LocalTangentPlane(origin: p)
            for (latitude, longitude, domain) in sites {
                // Squared plane distances: the plane is `nearby`'s measure within 10 km.
                let d = plane.planeDistanceSquared(latitudeDelta: latitude - p.latitude, longitudeDelta: longitude - p.longitude)
                if d < best[domain] { best[domain] = d }
            }
            for (d, squared) in best.enumerated() {
                let distance = squared.squareRoot()
                for (r, radius) in CoverageAnalysis.standardRadiiMetres.enumerated() where distance <= radius { covered[s][d][r] += 1 }
            }
        }
        #expect(taken.allSatisfy { $0 == samplesPerSubdistrict })
        for (l, _) in c.domains.enumerated() {
            for (r, radius) in CoverageAnalysis.standardRadiiMetres.enumerated() {
                let figures = analysis.figures(layer: l, radiusMetres: radius)
                for (s, boundary) in c.subdistrictBoundaries.enumerated() {
                    let figure = try #require(figures.first { $0.subdistrictCode == boundary.code })
                    let independent = Double(covered[s][l][r]) / Double(samplesPerSubdistrict)
                    let share = try #require(figure.share)
                    #expect(abs(share - independent) <= 0.01, "\(boundary.name) \(c.domains[l].id) \(Int(radius)) m: grid \(share), sample \(independent)")
                }
            }
        }
    }
}
