import BrowserUI
import Catalogue
import Foundation

/// `fuwu-bench frame [--catalogue DIR] [--runs N]`: the time to apply a key and draw a whole frame
/// of each browser screen at 80×24, 40×12 and 200×60, beside a floor (a blank screen filled with
/// one line of text per row, the least any frame costs) and the 5 ms budget.
enum FrameBenchmark {
    struct Bodies: StandardBodySource {
        var texts: [String: String]
        func body(ofStandard id: String) throws -> String { texts[id] ?? "" }
    }

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--catalogue", "--runs"])
        let folder = options.string("--catalogue", default: "data/futian")
        let runs = max(1, options.int("--runs", default: 300))
        let report = CatalogueLoader.load(folder: URL(fileURLWithPath: folder))
        guard let loaded = report.loaded else {
            print("cannot load \(folder): \(report.errors.first.map { "\($0)" } ?? "unknown error")")
            return
        }
        print("frame benchmark — \(ProcessInfo.processInfo.hostName), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(runs) runs")
        var start = DispatchTime.now()
        let context = BrowserContext(catalogue: loaded.catalogue, bodies: Bodies(texts: loaded.bodies))
        print(String(format: "browser context (lookups, nearby grid, substring search): %.2f ms", milliseconds(since: start)))
        start = DispatchTime.now()
        _ = BrowserView.frame(BrowserState(context: context))
        print(String(format: "first frame (domains, 80×24): %.2f ms", milliseconds(since: start)))
        print()

        let guide = loaded.catalogue.standards.first { $0.kind == .guide }
        var toGuide: [Command] = [.find]
        toGuide += (guide?.title ?? "").map { Command.insert($0) }
        toGuide.append(.open)
        let screens: [(String, [Command])] = [
            ("domains", []),
            ("items", [.down, .down, .down, .open]),
            ("points", [.down, .down, .down, .open, .open]),
            ("item details", [.down, .down, .down, .open, .details]),
            ("point details", [.down, .down, .down, .open, .open, .open]),
            ("reader", toGuide),
            ("contents", toGuide + [.contents]),
            ("find 社康", [.find, .insert("社"), .insert("康")]),
            ("nearby 1500 m", [.nearby] + "市民中心".map { Command.insert($0) } + [.submit, .radius(metres: 1500)]),
        ]
        let sizes = [(80, 24), (40, 12), (200, 60)]
        print("key + frame, mean / worst µs" + sizes.map { "  \($0.0)×\($0.1)".padding(toLength: 20, withPad: " ", startingAt: 0) }.joined())
        for (name, commands) in screens {
            var row = name.padding(toLength: 29, withPad: " ", startingAt: 0)
            for (width, height) in sizes {
                var state = BrowserState(context: context, width: width, height: height)
                for command in commands { _ = state.apply(command) }
                var total = 0.0
                var worst = 0.0
                for n in 0..<runs {
                    let t = DispatchTime.now()
                    var next = state
                    _ = next.apply(n % 2 == 0 ? .down : .up)
                    let screen = BrowserView.frame(next)
                    let us = milliseconds(since: t) * 1000
                    if screen.width != width { print("wrong size") }
                    total += us
                    worst = max(worst, us)
                    state = next
                }
                row += String(format: "  %7.1f / %7.1f  ", total / Double(runs), worst)
            }
            print(row)
        }
        var row = "floor: blank + text rows".padding(toLength: 29, withPad: " ", startingAt: 0)
        for (width, height) in sizes {
            var total = 0.0
            for _ in 0..<runs {
                let t = DispatchTime.now()
                var screen = Screen(width: width, height: height)
                for r in 0..<height { screen.put("福田区基本公共服务清单 Futian public services", row: r, column: 0) }
                total += milliseconds(since: t) * 1000
            }
            row += String(format: "  %7.1f            ", total / Double(runs))
        }
        print(row)
        print("budget: 5000 µs from key to redrawn frame")
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}
