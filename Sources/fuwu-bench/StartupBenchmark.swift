import BrowserUI
import Catalogue
import CatalogueStore
import Foundation
import UserState

/// `fuwu-bench startup [--catalogue DIR] [--runs N]`: the in-process stages between exec and the
/// browser's first frame (open the cached catalogue, build the browser, render 80×24), beside the
/// baseline of loading the sources without the compiled cache. Keys are `fuwu-bench frame`; the
/// whole path through a real terminal is Tests/Performance/measure-tui.sh.
enum StartupBenchmark {
    static func run(_ arguments: [String]) {
        let command = BenchArguments(arguments, values: ["--catalogue", "--runs"])
        let folder = command.string("--catalogue", default: "data/futian")
        let runs = max(1, command.int("--runs", default: 30))
        let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
        let cacheURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("fuwu-bench-startup-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: cacheURL) }
        let cache = CatalogueCache(directory: cacheURL)
        guard let first = try? cache.open(folder: folderURL) else {
            print("cannot open the catalogue in \(folder)")
            return
        }
        let databasePath = first.database.path
        let options = BrowserOptions()

        var rows: [(String, [Double])] = []
        func measure(_ label: String, _ body: () -> Void) {
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            rows.append((label, samples))
        }

        measure("open cached catalogue (CatalogueCache.open)") { _ = try? cache.open(folder: folderURL) }
        measure("for comparison: read every record from SQLite (catalogue())") {
            _ = try? CatalogueDatabase(path: databasePath).catalogue()
        }
        measure("build the browser (BrowserApp.init)") {
            _ = BrowserApp(catalogue: first.catalogue, bodies: first.database, options: options)
        }
        let app = BrowserApp(catalogue: first.catalogue, bodies: first.database, options: options)
        var state = app.state
        state.resize(width: 80, height: 24)
        measure("render the first frame 80×24 (BrowserView.frame)") { _ = BrowserView.frame(state) }
        // The user state a long-time user has: 100 history records, 50 favourites, 5 places.
        let stateURL = cacheURL.appendingPathComponent("state", isDirectory: true)
        let filled = UserStateOpening.open(directory: stateURL, environment: [:]).store
        for (n, point) in first.catalogue.points.prefix(100).enumerated() {
            try? filled.recordOpened(RecordReference(kind: .point, id: point.id), at: Int64(n))
            if n < 50 { try? filled.setFavourite(RecordReference(kind: .point, id: point.id), true, at: Int64(n)) }
        }
        measure("open the user state and read the favourites (UserStateOpening.open)") {
            _ = UserStateOpening.open(directory: stateURL, environment: [:]).store.favourites()
        }
        var toggle = false
        measure("  one save (star a point: a WAL transaction)") {
            toggle.toggle()
            try? filled.setFavourite(RecordReference(kind: .item, id: "bench"), toggle, at: 1)
        }
        measure("baseline: load the sources without the cache (CatalogueLoader.load)") {
            _ = CatalogueLoader.load(folder: folderURL)
        }

        print("fuwu-bench startup: \(runs) runs per row, catalogue \(folder) "
              + "(\(first.catalogue.points.count) points); milliseconds")
        print("| stage | median ms | p95 ms | max ms |")
        print("|---|---:|---:|---:|")
        for (label, samples) in rows {
            let sorted = samples.sorted()
            let median = sorted[sorted.count / 2]
            let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
            print("| \(label) | \(format(median)) | \(format(p95)) | \(format(sorted.last ?? 0)) |")
        }
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
