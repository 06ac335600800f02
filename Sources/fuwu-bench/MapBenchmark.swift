import BrowserUI
import Catalogue
import Foundation
import Geodesy
import ServiceMap

/// `fuwu-bench map [--catalogue DIR] [--runs N] [--points N]`: the map page's redraw with every
/// located Futian point in view at 200×60 (5 ms budget), a synthetic cloud of points drawn onto
/// a 200×60 canvas (50 ms budget for a million), and how many cells outside the canvas change
/// when the map pans or zooms (none: ncurses then sends only the canvas's changed cells).
enum MapBenchmark {
    struct Bodies: StandardBodySource {
        func body(ofStandard id: String) throws -> String { "" }
    }

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--catalogue", "--runs", "--points"])
        let folder = URL(fileURLWithPath: options.string("--catalogue", default: "data/futian"))
        let runs = max(1, options.int("--runs", default: 200))
        let cloud = max(1, options.int("--points", default: 1_000_000))
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            print("cannot load \(folder.path): \(report.errors.first.map { "\($0)" } ?? "unknown error")")
            return
        }
        print("map benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(runs) runs")
        let context = BrowserContext(catalogue: loaded.catalogue, bodies: Bodies())
        var state = BrowserState(context: context, width: 200, height: 60)
        for command in [Command.nearby] + "市民中心".map({ Command.insert($0) }) + [.submit, .toggleMap, .zoomOut, .zoomOut, .zoomOut, .zoomOut] {
            _ = state.apply(command)
        }
        let located = loaded.catalogue.points.filter { $0.location != nil }.count
        let frame = BrowserView.frame(state)
        let drawnCells = (0..<frame.height).reduce(0) { sum, row in
            sum + (0..<frame.width).filter { frame[row, $0].style.mapDomainIndex != nil }.count
        }
        print("catalogue: \(loaded.catalogue.points.count) points, \(located) with a location (all on the map); \(drawnCells) point cells drawn")

        // 1. A whole map frame at 200×60, panning back and forth.
        var total = 0.0, worst = 0.0
        for n in 0..<runs {
            let start = DispatchTime.now()
            _ = state.apply(n % 2 == 0 ? .panRight : .panLeft)
            let screen = BrowserView.frame(state)
            let us = microseconds(since: start)
            if screen.width != 200 { print("wrong size") }
            total += us
            worst = max(worst, us)
        }
        print(String(format: "pan + map frame, 200×60, all points:  mean %7.1f µs  worst %7.1f µs   (budget 5000 µs)", total / Double(runs), worst))

        // 2. A synthetic cloud over the district, projected and plotted.
        var generator = NearbyBenchmark.SplitMix64(state: 8)
        let origin = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        let coordinates = (0..<cloud).map { _ in
            GeoCoordinate(latitude: Double.random(in: 22.50...22.58, using: &generator),
                          longitude: Double.random(in: 113.98...114.11, using: &generator))
        }
        let projection = MapProjection(origin: origin)
        let viewport = MapViewport.fitting(radiusMetres: 6000, columns: 200, rows: 56)
        var best = Double.infinity
        var dotsSet = 0
        for _ in 0..<5 {
            let start = DispatchTime.now()
            var raster = BrailleRaster(columns: viewport.columns, rows: viewport.rows)
            for coordinate in coordinates {
                if let dot = viewport.dot(projection.project(coordinate)) { raster.plot(x: dot.x, y: dot.y, layer: .point, tag: 0) }
            }
            best = min(best, microseconds(since: start))
            dotsSet = raster.bits.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        print(String(format: "%d synthetic points → 200×56 canvas:  best %8.1f µs  (budget 50000 µs); %d distinct dots set (shared dots drawn once)",
                     cloud, best, dotsSet))

        // 3. Pan and zoom change only canvas cells.
        var outside = 0, inside = 0
        let canvas = (top: 1, rows: 57)
        for command in [Command.panRight, .panUp, .zoomIn, .zoomOut, .panLeft, .panDown] {
            let before = BrowserView.frame(state)
            _ = state.apply(command)
            let after = BrowserView.frame(state)
            for row in 0..<after.height {
                for column in 0..<after.width where before[row, column] != after[row, column] {
                    if row >= canvas.top && row < canvas.top + canvas.rows { inside += 1 } else { outside += 1 }
                }
            }
        }
        print("pan/zoom ×6: \(inside) canvas cells changed, \(outside) cells outside the canvas changed (0 expected)")
    }

    static func microseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1000
    }
}

