import Catalogue
import CatalogueImport
import Foundation

/// `fuwu-bench import`: a generated CSV of N service points (1 000 000 by default) in GBK-free
/// UTF-8 with GCJ-02 coordinates in one 经纬度 column, imported into a copy of the Futian
/// catalogue, timed phase by phase — parsing, conversion, merging, writing, validation — with peak
/// RSS, beside the baseline of reading the same bytes and counting lines.
enum ImportBenchmark {
    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--rows", "--catalogue"], flags: ["--skip-validation"])
        let rows = options.int("--rows", default: 1_000_000)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = URL(fileURLWithPath: options.string("--catalogue", default: root.appendingPathComponent("data/futian").path))
        guard let base = CatalogueLoader.load(folder: folder).loaded else {
            print("fuwu-bench: the catalogue \(folder.path) does not load"); exit(65)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-bench-import-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let csv = scratch.appendingPathComponent("points.csv")
        let generation = NearbyBenchmark.seconds { write(rows: rows, to: csv) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        print("import of \(rows) rows (\(NearbyBenchmark.format(Double(bytes) / 1_048_576, 1)) MB CSV, generated in \(NearbyBenchmark.format(generation, 1)) s) into \(folder.lastPathComponent) (\(base.catalogue.points.count) points)")

        // Baseline: touch every byte and count the lines.
        var lines = 0
        let baseline = NearbyBenchmark.seconds {
            guard let handle = FileHandle(forReadingAtPath: csv.path) else { return }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { lines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        }
        let table = TableMapping(file: "points.csv", kind: .points, datum: .gcj02, pointType: "shekang",
                                 columns: [.name: "名称", .address: "地址", .coordinates: "经纬度", .phone: "联系电话"])
        var parsed = 0
        let parse = NearbyBenchmark.seconds {
            do {
                try DelimitedTextSource(path: csv.path).forEachRow(sheets: nil) { _ in parsed += 1 }
            } catch { print("fuwu-bench: \(error)") }
        }
        let rssParse = NearbyBenchmark.memoryKilobytes("VmHWM:")
        var merge = CatalogueMerge(base: base, prefer: nil)
        merge.add(source: SourceInfo(id: "bench", title: "bench", origin: "fuwu-bench", licence: "none", datum: "GCJ-02",
                                     snapshot: "2026-12-01", reliability: nil, note: nil))
        var result = TableImport.Result()
        let convert = NearbyBenchmark.seconds {
            let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "bench"))
            do { result = try TableImport.read(DelimitedTextSource(path: csv.path), mappings: [table], context: context) } catch { print("fuwu-bench: \(error)") }
        }
        var plan: ImportPlan?
        let merging = NearbyBenchmark.seconds {
            merge.apply(result.rows)
            merge.reject(result.rejected)
            plan = merge.finish()
        }
        result = TableImport.Result()
        let target = scratch.appendingPathComponent("catalogue", isDirectory: true)
        let writing = NearbyBenchmark.seconds {
            guard let plan else { return }
            try? FileManager.default.copyItem(at: folder, to: target)
            try? Data(CatalogueWriter.points(plan.result.catalogue.points).utf8).write(to: target.appendingPathComponent("points.geojson"))
            if let text = try? String(contentsOf: folder.appendingPathComponent("catalogue.json"), encoding: .utf8),
               let node = try? JSONParser.parse(text) {
                let m = plan.result.catalogue.metadata
                try? Data(CatalogueWriter.catalogueJSON(original: node, counts: m.counts, published: m.publishedCounts,
                                                        addedSources: plan.addedSources).utf8).write(to: target.appendingPathComponent("catalogue.json"))
            }
        }
        let rejected = plan?.rejected.count ?? 0
        plan = nil
        let rssBeforeValidation = NearbyBenchmark.memoryKilobytes("VmHWM:")
        var errors = -1
        let validation = options.flag("--skip-validation") ? 0 : NearbyBenchmark.seconds {
            errors = CatalogueLoader.load(folder: target).errors.count
        }
        let mb = { (kb: Int) in NearbyBenchmark.format(Double(kb) / 1024, 0) }
        print("phase                        seconds   peak RSS MB")
        print("baseline: read + count lines \(pad(baseline))            (\(lines) lines)")
        print("parse (CSV reader)           \(pad(parse))   \(mb(rssParse))        (\(parsed) rows)")
        print("convert (rows → records)     \(pad(convert))")
        print("merge (match, ids, counts)   \(pad(merging))")
        print("write (points.geojson …)     \(pad(writing))   \(mb(rssBeforeValidation))")
        print("validate (CatalogueLoader)   \(options.flag("--skip-validation") ? "skipped" : pad(validation))   \(mb(NearbyBenchmark.memoryKilobytes("VmHWM:")))        (\(errors) errors)")
        print("total without generation     \(pad(parse + convert + merging + writing + validation)) s; rejected rows \(rejected)")
    }

    static func pad(_ seconds: Double) -> String {
        let text = NearbyBenchmark.format(seconds, 2)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }

    /// Points in a box well inside Futian, GCJ-02, longitude first in one column.
    static func write(rows: Int, to url: URL) {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else { return }
        var state: UInt64 = 2026
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var buffer = "福田区社区健康服务中心一览表（基准）,,,\n名称,地址,经纬度,联系电话\n"
        for i in 1...max(1, rows) {
            let lon = 114.045 + next() * 0.03, lat = 22.538 + next() * 0.018
            buffer += "基准社康\(i),福田区基准路\(i)号,\"\(String(format: "%.6f,%.6f", lon, lat))\",0755-8\(String(format: "%07d", i % 10_000_000))\n"
            if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
        }
        handle.write(Data(buffer.utf8))
        try? handle.close()
    }
}
