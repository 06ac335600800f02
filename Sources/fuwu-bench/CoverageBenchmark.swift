import Catalogue
import Foundation
import Geodesy

/// `fuwu-bench coverage [--catalogue DIR] [--runs N] [--sizes CELLSxPOINTS,...]`: the coverage
/// engine on the Futian grid (50 m, 9 domains, 3 radii) and on synthetic square districts, with
/// a brute-force scan (every cell against every point of its layer) as the baseline.
enum CoverageBenchmark {
    typealias Table = NearbyBenchmark.Table

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--catalogue", "--runs", "--sizes"])
        let runs = max(1, options.int("--runs", default: 5))
        let sizes = options.string("--sizes", default: "250000x25000,1000000x25000,250000x100000,1000000x100000")
            .split(separator: ",").compactMap { pair -> (Int, Int)? in
                let parts = pair.split(separator: "x").compactMap { Int($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        let folder = options.string("--catalogue").map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("data/futian")
        #if DEBUG
        print("warning: debug build; run with -c release for meaningful figures")
        #endif
        print("coverage benchmark: median of \(runs) runs; grid = cells inside the boundary and their subdistricts;")
        print("nearest = nearest point of each of 9 domains from every cell (layers in parallel; CPU = both cores' time); shares = 3 radii × 9 domains by subdistrict;")
        print("brute = every cell measured against every point of its domain (the baseline); MB = distance and cell arrays")
        print("")
        var table = Table(headers: ["district", "cells", "points", "method", "grid ms", "nearest ms", "nearest CPU ms", "shares ms", "total ms", "MB"])
        futian(folder: folder, runs: runs, table: &table)
        var rng = NearbyBenchmark.SplitMix64(state: 9)
        for (cells, points) in sizes { synthetic(cells: cells, points: points, runs: runs, rng: &rng, table: &table) }
        print(table.rendered())
        print("")
        print("peak RSS \(NearbyBenchmark.format(Double(NearbyBenchmark.memoryKilobytes("VmHWM:")) / 1024, 1)) MB; checksum \(checksum)")
    }

    nonisolated(unsafe) static var checksum = 0.0

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func ms(_ seconds: Double) -> String { NearbyBenchmark.format(seconds * 1000, 1) }

    /// Times grid, nearest and shares over `runs` runs and adds a row (plus the brute-force row when asked).
    static func measure(_ name: String, catalogue: ServiceCatalogue, runs: Int, brute: Bool, table: inout Table) {
        let layers = catalogue.domains.map { CoverageLayer.domain($0.id) }
        var gridTimes: [Double] = [], nearestTimes: [Double] = [], nearestCPUTimes: [Double] = [], shareTimes: [Double] = []
        var last: CoverageAnalysis?
        for _ in 0..<runs {
            var grid: CoverageGrid?
            gridTimes.append(NearbyBenchmark.seconds {
                grid = CoverageGrid(boundary: catalogue.boundary, subdistricts: catalogue.subdistrictBoundaries)
            })
            guard let grid else { return }
            var analysis: CoverageAnalysis?
            let cpuBefore = processCPUSeconds()
            nearestTimes.append(NearbyBenchmark.seconds { analysis = CoverageAnalysis(catalogue: catalogue, grid: grid, layers: layers) })
            nearestCPUTimes.append(processCPUSeconds() - cpuBefore)
            guard let analysis else { return }
            shareTimes.append(NearbyBenchmark.seconds {
                for radius in CoverageAnalysis.standardRadiiMetres {
                    for l in layers.indices { checksum += analysis.figures(layer: l, radiusMetres: radius).reduce(0) { $0 + ($1.share ?? 0) } }
                }
            })
            last = analysis
        }
        guard let analysis = last else { return }
        let located = catalogue.points.filter { $0.location != nil }.count
        let total = median(gridTimes) + median(nearestTimes) + median(shareTimes)
        table.add([name, String(analysis.grid.cellCount), String(located), "grid + index", ms(median(gridTimes)), ms(median(nearestTimes)),
                   ms(median(nearestCPUTimes)), ms(median(shareTimes)), ms(total), NearbyBenchmark.format(Double(analysis.storageBytes) / 1_048_576, 1)])
        guard brute else { return }
        let time = NearbyBenchmark.seconds { checksum += bruteForce(analysis) }
        table.add([name, String(analysis.grid.cellCount), String(located), "brute force", "", ms(time), ms(time), "", "", ""])
    }

    /// User and system CPU time of the whole process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The baseline: every cell against every located point of each layer.
    static func bruteForce(_ analysis: CoverageAnalysis) -> Double {
        let c = analysis.catalogue
        let layers = analysis.locatedPoints.map { points in points.compactMap { c.points[$0].location } }
        var sum = 0.0
        for cell in 0..<analysis.grid.cellCount {
            let centre = analysis.grid.centre(of: cell)
            let plane = LocalTangentPlane(origin: centre)
            for points in layers {
                var best = Double.infinity
                for p in points {
                    best = min(best, plane.planeDistanceSquared(latitudeDelta: p.latitude - centre.latitude, longitudeDelta: p.longitude - centre.longitude))
                }
                sum += best.squareRoot()
            }
        }
        return sum
    }

    static func futian(folder: URL, runs: Int, table: inout Table) {
        guard let catalogue = CatalogueLoader.load(folder: folder).loaded?.catalogue else {
            print("cannot load \(folder.path); skipping Futian")
            return
        }
        measure("futian 50 m", catalogue: catalogue, runs: runs, brute: true, table: &table)
    }

    /// A square district of `cells` 50 m cells with `points` uniform random points in 9 domains.
    static func synthetic(cells: Int, points: Int, runs: Int, rng: inout NearbyBenchmark.SplitMix64, table: inout Table) {
        let centre = GeoCoordinate(latitude: 22.6, longitude: 114.1)
        let side = (Double(cells).squareRoot() * CoverageGrid.defaultCellMetres)
        let dLat = side / 2 / Ellipsoid.wgs84.metresPerDegreeLatitude(atLatitude: centre.latitude)
        let dLng = side / 2 / Ellipsoid.wgs84.metresPerDegreeLongitude(atLatitude: centre.latitude)
        let (s, n, w, e) = (centre.latitude - dLat, centre.latitude + dLat, centre.longitude - dLng, centre.longitude + dLng)
        let ring = [GeoCoordinate(latitude: s, longitude: w), GeoCoordinate(latitude: s, longitude: e),
                    GeoCoordinate(latitude: n, longitude: e), GeoCoordinate(latitude: n, longitude: w), GeoCoordinate(latitude: s, longitude: w)]
        let domains = (1...9).map { Domain(id: "D\($0)", name: "D\($0)", nameEnglish: "", summary: "", provenance: .sample) }
        let types = (1...9).map { PointType(id: "t\($0)", name: "t\($0)", nameEnglish: "", domainID: "D\($0)") }
        let located = (0..<points).map { i in
            ServicePoint(id: "P\(i)", name: "", typeID: "t\(i % 9 + 1)", itemIDs: [], subdistrictCode: nil, community: nil, address: nil,
                         phone: nil, hours: nil,
                         location: GeoCoordinate(latitude: Double.random(in: s...n, using: &rng), longitude: Double.random(in: w...e, using: &rng)),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: .sample)
        }
        // Four quadrant subdistricts, so assignment is measured too.
        let quadrants = [(s, w), (s, centre.longitude), (centre.latitude, w), (centre.latitude, centre.longitude)].enumerated().map { k, corner in
            let (a, b) = corner
            let q = [GeoCoordinate(latitude: a, longitude: b), GeoCoordinate(latitude: a, longitude: b + dLng),
                     GeoCoordinate(latitude: a + dLat, longitude: b + dLng), GeoCoordinate(latitude: a + dLat, longitude: b),
                     GeoCoordinate(latitude: a, longitude: b)]
            return SubdistrictBoundary(code: "S\(k)", name: "S\(k)", area: Boundary(polygons: [[q]]), note: nil, provenance: .sample)
        }
        let metadata = CatalogueMetadata(name: "synthetic", nameEnglish: "", district: "", districtCode: "", version: "", coordinateDatum: "WGS-84",
                                         notes: "", counts: .init(domains: 9, items: 0, futianItems: 0, points: points, standards: 0))
        let catalogue = ServiceCatalogue(metadata: metadata, sources: [], pointTypes: types, domains: domains, items: [], points: located,
                                         standards: [], subdistricts: [], landmarks: [], boundary: Boundary(polygons: [[ring]]),
                                         subdistrictBoundaries: quadrants)
        let before = NearbyBenchmark.memoryKilobytes("VmRSS:")
        measure("synthetic square", catalogue: catalogue, runs: runs, brute: false, table: &table)
        let grown = Double(NearbyBenchmark.memoryKilobytes("VmRSS:") - before) / 1024
        checksum += grown * 0
    }
}
