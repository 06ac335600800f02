import Catalogue
import CatalogueImport
import Foundation

/// `fuwu-bench import`: a generated CSV of N service points (1 000 000 by default) in UTF-8 with
/// GCJ-02 coordinates in one 经纬度 column, imported into a copy of the Futian catalogue. First in
/// this process phase by phase — parsing, conversion, merging (added points spooled to a file, as
/// `fuwu import` does), writing, validation — with wall and
/// CPU seconds and peak RSS, beside the baseline of reading the same bytes and counting lines; then
/// end to end by the `fuwu` binary beside this one (`fuwu import … --into COPY`) as a child process,
/// whose wall and CPU time and peak RSS are the release figures against the 30 s target.
enum ImportBenchmark {
    /// The issue's target for a million rows, end to end.
    static let targetSeconds = 30.0

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--rows", "--catalogue", "--fuwu"], flags: ["--skip-validation", "--only-binary", "--only-phases"])
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
        print("phase                          wall s    CPU s  peak RSS MB")
        // Baseline: touch every byte and count the lines.
        var lines = 0
        let baseline = Phase.measure {
            guard let handle = FileHandle(forReadingAtPath: csv.path) else { return }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { lines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        }
        print(baseline.line("baseline: read + count lines", note: "\(lines) lines"))
        if !options.flag("--only-binary") {
            runPhases(csv: csv, base: base, folder: folder, scratch: scratch, skipValidation: options.flag("--skip-validation"))
        }
        if !options.flag("--only-phases") {
            let binary = options.string("--fuwu", default: LoadBenchmark.siblingBinary("fuwu"))
            let target = scratch.appendingPathComponent("end-to-end", isDirectory: true)
            let mapping = scratch.appendingPathComponent("mapping.toml")
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.copyItem(at: folder, to: target)
            try? Data(mappingText.utf8).write(to: mapping)
            let measured = LoadBenchmark.spawn(binary, ["import", csv.path, "--mapping", mapping.path, "--into", target.path, "--lang", "en"],
                                               ["FUWU_IMPORT_DATE": "2026-12-01"])
            let written = (try? FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("points.geojson").path)[.size] as? Int) ?? 0
            print(Phase(wall: measured.seconds, cpu: measured.cpuSeconds, peakKilobytes: Int(measured.megabytes * 1024))
                .line("fuwu import (child, end to end)", note: "status \(measured.status); points.geojson \(NearbyBenchmark.format(Double(written) / 1_048_576, 0)) MB; target < \(Int(targetSeconds)) s"))
        }
    }

    /// The mapping the end-to-end run passes to `fuwu import`.
    static let mappingText = """
    [[table]]
    file = "points.csv"
    kind = "points"
    datum = "GCJ-02"
    point_type = "shekang"

    [table.columns]
    name = "名称"
    address = "地址"
    coordinates = "经纬度"
    phone = "联系电话"

    """

    /// The same work as `fuwu import` in this process, one phase at a time.
    static func runPhases(csv: URL, base: LoadedCatalogue, folder: URL, scratch: URL, skipValidation: Bool) {
        let table = TableMapping(file: "points.csv", kind: .points, datum: .gcj02, pointType: "shekang",
                                 columns: [.name: "名称", .address: "地址", .coordinates: "经纬度", .phone: "联系电话"])
        var parsed = 0
        let parse = Phase.measure {
            do {
                try DelimitedTextSource(path: csv.path).forEachRow(sheets: nil) { _ in parsed += 1 }
            } catch { print("fuwu-bench: \(error)") }
        }
        print(parse.line("parse (CSV reader)", note: "\(parsed) rows"))
        // As `fuwu import` does it: the points added are spooled to a file, not kept.
        let spool = try? AddedPointSpool(path: scratch.appendingPathComponent("points.spool").path)
        defer { spool?.remove() }
        var merge = CatalogueMerge(base: base, prefer: nil, spool: spool)
        merge.add(source: SourceInfo(id: "bench", title: "bench", origin: "fuwu-bench", licence: "none", datum: "GCJ-02",
                                     snapshot: "2026-12-01", reliability: nil, note: nil))
        // As `fuwu import` does it: each record merged as soon as it is converted, so the rows are
        // never held; the time inside the merge is measured per record (thread CPU and wall clock).
        var mergeWall = 0.0, mergeCPU = 0.0
        var rejections: [ImportProblem] = []
        let readConvertAndMerge = Phase.measure {
            let context = ImportContext(catalogue: merge.current, date: "2026-12-01", provenance: .official(source: "bench"))
            do {
                let result = try TableImport.read(DelimitedTextSource(path: csv.path), mappings: [table], context: context, each: { row in
                    let (wall, cpu) = (Phase.monotonicSeconds(), Phase.threadCPUSeconds())
                    merge.apply(row: row)
                    mergeWall += Phase.monotonicSeconds() - wall
                    mergeCPU += Phase.threadCPUSeconds() - cpu
                })
                rejections = result.rejected
            } catch { print("fuwu-bench: \(error)") }
        }
        let mergedRows = Phase(wall: mergeWall, cpu: mergeCPU, peakKilobytes: readConvertAndMerge.peakKilobytes)
        let readAndConvert = readConvertAndMerge.minus(mergedRows)
        print(readAndConvert.minus(parse).line("convert (rows → records)", note: "read + convert \(pad(readAndConvert.wall)) s less parse"))
        var plan: ImportPlan?
        let finishing = Phase.measure {
            merge.reject(rejections)
            plan = merge.finish()
        }
        let merging = Phase(wall: mergedRows.wall + finishing.wall, cpu: mergedRows.cpu + finishing.cpu, peakKilobytes: finishing.peakKilobytes)
        print(merging.line("merge (match, ids, counts)", note: "per record \(pad(mergedRows.cpu)) s CPU, finish \(pad(finishing.cpu)) s"))
        let target = scratch.appendingPathComponent("catalogue", isDirectory: true)
        var written: WrittenPoints?
        let writing = Phase.measure {
            guard let plan else { return }
            try? FileManager.default.copyItem(at: folder, to: target)
            let url = target.appendingPathComponent("points.geojson")
            try? FileManager.default.removeItem(at: url)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            if let handle = FileHandle(forWritingAtPath: url.path) {
                written = try? CatalogueWriter.writePoints(plan.result.catalogue.points, spooled: plan.spooledPoints) { handle.write(Data(buffer: $0)) }
                try? handle.close()
            }
            if let text = try? String(contentsOf: folder.appendingPathComponent("catalogue.json"), encoding: .utf8),
               let node = try? JSONParser.parse(text) {
                let m = plan.result.catalogue.metadata
                try? Data(CatalogueWriter.catalogueJSON(original: node, counts: m.counts, published: m.publishedCounts,
                                                        addedSources: plan.addedSources).utf8).write(to: target.appendingPathComponent("catalogue.json"))
            }
        }
        print(writing.line("write (points.geojson …)"))
        let rejected = plan?.rejected.count ?? 0
        plan = nil
        var errors = -1
        let validation = skipValidation ? Phase(wall: 0, cpu: 0, peakKilobytes: 0) : Phase.measure {
            errors = CatalogueLoader.validate(folder: target, writtenPoints: written).errors.count
        }
        print(skipValidation ? "validate                       skipped" : validation.line("validate (as fuwu import)", note: "\(errors) errors"))
        let total = [parse, readAndConvert.minus(parse), merging, writing, validation]
        print(Phase(wall: total.map(\.wall).reduce(0, +), cpu: total.map(\.cpu).reduce(0, +), peakKilobytes: validation.peakKilobytes)
            .line("total in process", note: "rejected rows \(rejected)"))
    }

    /// Seconds of one phase and the process's peak RSS after it.
    struct Phase {
        var wall: Double
        var cpu: Double
        var peakKilobytes: Int

        static func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }

        static func monotonicSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }

        static func threadCPUSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }

        static func measure(_ body: () -> Void) -> Phase {
            let cpu = cpuSeconds()
            let wall = NearbyBenchmark.seconds(body)
            return Phase(wall: wall, cpu: cpuSeconds() - cpu, peakKilobytes: NearbyBenchmark.memoryKilobytes("VmHWM:"))
        }

        func minus(_ other: Phase) -> Phase { Phase(wall: wall - other.wall, cpu: cpu - other.cpu, peakKilobytes: peakKilobytes) }

        func line(_ name: String, note: String = "") -> String {
            let label = name + String(repeating: " ", count: max(0, 30 - name.count))
            return label + ImportBenchmark.pad(wall) + "  " + ImportBenchmark.pad(cpu) + "  "
                + ImportBenchmark.pad(Double(peakKilobytes) / 1024, decimals: 0, width: 11) + (note.isEmpty ? "" : "   (\(note))")
        }
    }

    static func pad(_ value: Double, decimals: Int = 2, width: Int = 7) -> String {
        let text = NearbyBenchmark.format(value, decimals)
        return String(repeating: " ", count: max(0, width - text.count)) + text
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
