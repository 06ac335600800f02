import Catalogue
import Foundation
import Geodesy

/// `fuwu-bench nearby [--catalogue DIR] [--queries N] [--sizes 100000,1000000]`: index build time,
/// query median and p99 over random origins, memory, and a brute-force scan as the baseline.
enum NearbyBenchmark {
    static let radii: [Double] = [500, 1000, 1500]
    /// Shenzhen's bounding box, over which the synthetic points and origins are spread.
    static let south = 22.45, north = 22.85, west = 113.75, east = 114.62

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--queries", "--sizes", "--catalogue"])
        let queries = options.int("--queries", default: 2000)
        let sizes = options.string("--sizes", default: "100000,1000000").split(separator: ",").compactMap { Int($0) }
        let folder = options.string("--catalogue").map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("data/futian")

        #if DEBUG
        print("warning: debug build; run with -c release for meaningful figures")
        #endif
        print("nearby benchmark: \(queries) random origins per row; times per query; index MB = RSS growth while building (Futian) or the grid arrays' size (synthetic); peak RSS from /proc/self/status")
        print("walking assumptions are not involved; distances are WGS-84 ellipsoidal (tangent plane ≤ 10 km, Vincenty beyond)")
        print("")
        var table = Table(headers: ["catalogue", "points", "radius m", "method", "build ms", "p50 µs", "p99 µs", "mean hits", "index MB"])
        var rng = SplitMix64(state: 2026)
        futian(folder: folder, queries: queries, rng: &rng, table: &table)
        for size in sizes { synthetic(size: size, queries: queries, rng: &rng, table: &table) }
        print(table.rendered())
        print("")
        print("peak RSS \(format(Double(memoryKilobytes("VmHWM:")) / 1024, 1)) MB; checksum \(checksum)")
    }

    nonisolated(unsafe) static var checksum = 0

    // MARK: Futian

    static func futian(folder: URL, queries: Int, rng: inout SplitMix64, table: inout Table) {
        let report = CatalogueLoader.load(folder: folder)
        guard let catalogue = report.loaded?.catalogue else {
            print("cannot load \(folder.path): \(report.errors.first?.description ?? "unknown error"); skipping Futian")
            return
        }
        let before = memoryKilobytes("VmRSS:")
        var index: NearbyIndex?
        let build = seconds { index = NearbyIndex(catalogue: catalogue) }
        guard let index else { return }
        let indexMB = Double(memoryKilobytes("VmRSS:") - before) / 1024
        // Origins over the box the located points span, as a resident standing somewhere in Futian.
        let located = catalogue.points.compactMap(\.location)
        let box = (south: located.map(\.latitude).min() ?? south, north: located.map(\.latitude).max() ?? north,
                   west: located.map(\.longitude).min() ?? west, east: located.map(\.longitude).max() ?? east)
        let origins = (0..<queries).map { _ in
            GeoCoordinate(latitude: Double.random(in: box.south...box.north, using: &rng),
                          longitude: Double.random(in: box.west...box.east, using: &rng))
        }
        let name = "futian (real)"
        for radius in radii {
            let built = origins.map { try? NearbyQuery(origin: $0, radiusMetres: radius) }.compactMap { $0 }
            var hits = 0
            let fast = timings(built) { q in let r = index.query(q); hits += r.totalWithinRadius; checksum &+= r.hitCount }
            table.add([name, "\(catalogue.points.count)", format(radius, 0), "NearbyIndex.query",
                       format(build * 1000, 2), format(fast.median, 1), format(fast.p99, 1),
                       format(Double(hits) / Double(built.count), 1), format(indexMB, 1)])
            let full = timings(built) { q in checksum &+= index.query(q).hits.count }
            table.add([name, "\(catalogue.points.count)", format(radius, 0), "query + read all hits",
                       "—", format(full.median, 1), format(full.p99, 1), "", ""])
            let slow = timings(built) { q in checksum &+= index.bruteForceQuery(q).totalWithinRadius }
            table.add([name, "\(catalogue.points.count)", format(radius, 0), "brute force (baseline)",
                       "—", format(slow.median, 1), format(slow.p99, 1), format(Double(hits) / Double(built.count), 1), "—"])
        }
    }

    // MARK: Synthetic

    static func synthetic(size: Int, queries: Int, rng: inout SplitMix64, table: inout Table) {
        var points: [GeoCoordinate] = []
        points.reserveCapacity(size)
        for _ in 0..<size {
            points.append(GeoCoordinate(latitude: Double.random(in: south...north, using: &rng),
                                        longitude: Double.random(in: west...east, using: &rng)))
        }
        let before = memoryKilobytes("VmRSS:")
        var grid: SpatialGrid?
        let build = seconds { grid = SpatialGrid(coordinates: points) }
        guard let grid else { return }
        let indexMB = Double(grid.storageBytes) / 1_048_576
        _ = before
        let origins = (0..<queries).map { _ in
            GeoCoordinate(latitude: Double.random(in: south...north, using: &rng),
                          longitude: Double.random(in: west...east, using: &rng))
        }
        let name = "synthetic \(size / 1000)k"
        let lats = points.map(\.latitude), lngs = points.map(\.longitude)
        for radius in radii {
            var buffer: [SpatialGrid.Hit] = []
            buffer.reserveCapacity(8192)
            var hits = 0
            let fast = timings(origins) { o in
                buffer.removeAll(keepingCapacity: true)
                grid.collect(within: radius, of: o, into: &buffer)
                hits += buffer.count
            }
            table.add([name, "\(size)", format(radius, 0), "SpatialGrid (unordered)",
                       format(build * 1000, 1), format(fast.median, 1), format(fast.p99, 1),
                       format(Double(hits) / Double(origins.count), 1), format(indexMB, 1)])
            let sorted = timings(origins) { o in
                buffer.removeAll(keepingCapacity: true)
                grid.collect(within: radius, of: o, into: &buffer)
                SpatialGrid.sortNearestFirst(&buffer, radiusMetres: radius)
                checksum &+= buffer.first?.index ?? 0
            }
            table.add([name, "\(size)", format(radius, 0), "SpatialGrid + sort nearest first",
                       "—", format(sorted.median, 1), format(sorted.p99, 1), "", ""])
            // The baseline measures every point with the same tangent-plane distance; fewer origins
            // keep the run short, which the median and p99 tolerate.
            let scanOrigins = Array(origins.prefix(max(20, min(queries, 20_000_000 / max(size, 1)))))
            let slow = timings(scanOrigins) { o in
                let plane = LocalTangentPlane(origin: o)
                let limit = radius * radius
                var found = 0
                for k in 0..<lats.count where plane.planeDistanceSquared(latitudeDelta: lats[k] - o.latitude,
                                                                         longitudeDelta: lngs[k] - o.longitude) <= limit {
                    found += 1
                }
                checksum &+= found
            }
            table.add([name, "\(size)", format(radius, 0), "brute force (\(scanOrigins.count) origins)",
                       "—", format(slow.median, 1), format(slow.p99, 1), "", ""])
        }
    }

    // MARK: Measuring

    static func timings<T>(_ inputs: [T], _ body: (T) -> Void) -> (median: Double, p99: Double) {
        var micros: [Double] = []
        micros.reserveCapacity(inputs.count)
        for input in inputs {
            let start = DispatchTime.now().uptimeNanoseconds
            body(input)
            micros.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
        }
        micros.sort()
        guard !micros.isEmpty else { return (0, 0) }
        let p99 = micros[min(micros.count - 1, Int((Double(micros.count) * 0.99).rounded(.up)) - 1)]
        return (micros[micros.count / 2], p99)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// A field of /proc/self/status in kB (0 where there is no /proc).
    static func memoryKilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    /// A plain left/right-aligned text table (numbers right-aligned).
    struct Table {
        var headers: [String]
        var rows: [[String]] = []
        mutating func add(_ row: [String]) { rows.append(row) }
        func rendered() -> String {
            var widths = headers.map(\.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i <= 1 || i == 3 ? cell + pad : pad + cell
                }.joined(separator: "  ")
            }
            return ([line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
                .joined(separator: "\n")
        }
    }

    /// A small deterministic generator, so every run measures the same points and origins.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
