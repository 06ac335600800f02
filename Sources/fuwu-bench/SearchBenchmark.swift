import Catalogue
import ChineseText
import Foundation

/// `fuwu-bench search [--catalogue DIR] [--runs N] [--scale N] [--show QUERY]`: per-keystroke
/// latency of the search session typing queries one character at a time, over the catalogue and
/// over a synthetic copy `--scale` times larger, beside a plain substring scan of the same texts;
/// and the time to compile the search keys.
enum SearchBenchmark {
    nonisolated(unsafe) static var detail = false
    static let queries = ["shekangzhongxin", "skzx", "社康中心", "ftskzx", "社區", "yinhang", "db4403t236", "gangxia"]

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--catalogue", "--runs", "--scale", "--show", "--queries"],
                                     flags: ["--only-scaled", "--profile", "--detail"])
        let folder = options.string("--catalogue", default: "data/futian")
        let runs = options.int("--runs", default: 20)
        let scale = options.int("--scale", default: 100)
        let show = options.string("--show")
        let queries = options.string("--queries").map { $0.split(separator: ",").map(String.init) } ?? Self.queries
        let onlyScaled = options.flag("--only-scaled")
        let profile = options.flag("--profile")
        Self.detail = options.flag("--detail")
        let report = CatalogueLoader.load(folder: URL(fileURLWithPath: folder))
        guard let loaded = report.loaded else {
            print("cannot load \(folder): \(report.errors.first.map { "\($0)" } ?? "unknown error")")
            return
        }
        let catalogue = loaded.catalogue

        if let show {
            let index = SearchIndex(catalogue: catalogue)
            for hit in index.search(show, limit: 15) {
                let marked = mark(hit.matchedText, hit.ranges)
                print("\(hit.kind.rawValue)\t\(hit.id)\t\(hit.tier.name)\t\(hit.field.rawValue)\t\(hit.title)\t\(marked)")
            }
            return
        }

        print("search benchmark — \(machine())")
        let texts = SearchIndex.texts(of: catalogue)
        var compileSeconds = Double.infinity
        var keys: [String: SearchKey] = [:]
        for _ in 0..<3 {
            let start = DispatchTime.now()
            var transcriber = PinyinTranscriber()
            var compiled: [String: SearchKey] = [:]
            for text in texts { compiled[text] = transcriber.key(for: text) }
            compileSeconds = min(compileSeconds, seconds(since: start))
            keys = compiled
        }
        var serialised = 0
        for key in keys.values { serialised += key.serialised.utf8.count }
        print(String(format: "key compilation, %@: %d texts in %.1f ms (%.1f µs a text), stored form %d KB",
                     folder, texts.count, compileSeconds * 1000, compileSeconds * 1e6 / Double(texts.count), serialised / 1024))
        let buildStart = DispatchTime.now()
        let index = SearchIndex(catalogue: catalogue, keys: keys)
        print(String(format: "index from stored keys: %.1f ms (%d records)", seconds(since: buildStart) * 1000, index.recordCount))
        print()
        if !onlyScaled { table(name: "Futian", catalogue: catalogue, index: index, queries: queries, runs: runs) }

        if scale > 1 {
            let big = scaled(catalogue, by: scale)
            let start = DispatchTime.now()
            let bigIndex = SearchIndex(catalogue: big)
            print()
            if profile {
                // Only the searches, for a profiler: each query typed 20 times.
                for _ in 0..<20 {
                    for query in queries {
                        var session = SearchSession(index: bigIndex)
                        for k in 1...query.count { _ = session.search(String(query.prefix(k)), limit: 50) }
                    }
                }
                return
            }
            print(String(format: "synthetic ×%d: %d records, %d distinct texts, keys compiled and indexed in %.1f s",
                         scale, bigIndex.recordCount, bigIndex.textCount, seconds(since: start)))
            table(name: "×\(scale)", catalogue: big, index: bigIndex, queries: queries, runs: max(1, runs / 10))
        }
    }

    /// Prints one row per query: mean and worst keystroke for the session and for the baseline.
    static func table(name: String, catalogue: ServiceCatalogue, index: SearchIndex, queries: [String], runs: Int) {
        let baseline = SubstringScan(catalogue: catalogue)
        print("\(name): per keystroke, typing each query one character at a time (thread CPU time, median of \(runs) runs, limit 50)")
        print("query              keys  search mean   search worst  first-key  hits | substring mean  worst  hits")
        for query in queries {
            let prefixes = (1...query.count).map { String(query.prefix($0)) }
            var searchTimes = [[Double]](repeating: [], count: prefixes.count)
            var scanTimes = [[Double]](repeating: [], count: prefixes.count)
            var hits = 0
            var scanHits = 0
            for _ in 0..<runs {
                var session = SearchSession(index: index)
                for (k, prefix) in prefixes.enumerated() {
                    let start = cpuSeconds()
                    let result = session.search(prefix, limit: 50)
                    searchTimes[k].append(cpuSeconds() - start)
                    hits = result.count
                }
                for (k, prefix) in prefixes.enumerated() {
                    let start = cpuSeconds()
                    let result = baseline.search(prefix, limit: 50)
                    scanTimes[k].append(cpuSeconds() - start)
                    scanHits = result
                }
            }
            let search = searchTimes.map(median)
            let scan = scanTimes.map(median)
            let line = String(format: "%@ %4d  %8.3f ms  %9.3f ms  %7.3f ms  %4d | %10.3f ms %7.3f ms %4d",
                              pad(query, 17), prefixes.count, mean(search) * 1000, (search.max() ?? 0) * 1000,
                              search[0] * 1000, hits, mean(scan) * 1000, (scan.max() ?? 0) * 1000, scanHits)
            print(line)
            if detail {
                print("    " + zip(prefixes, search).map { String(format: "%@ %.2f", $0.0, $0.1 * 1000) }.joined(separator: "  "))
            }
        }
    }

    /// The baseline: every field text searched byte by byte for the typed UTF-8, the way a plain
    /// list filter does it (no folding, no pinyin, no ranking beyond catalogue order).
    struct SubstringScan {
        let texts: [(record: Int, bytes: [UInt8])]

        init(catalogue: ServiceCatalogue) {
            var texts: [(Int, [UInt8])] = []
            var record = 0
            func add(_ text: String?) { if let text { texts.append((record, Array(text.utf8))) } }
            for d in catalogue.domains { add(d.name); record += 1 }
            for i in catalogue.items { add(i.name); add(i.category); record += 1 }
            for p in catalogue.points {
                add(p.name); add(catalogue.pointType(p.typeID)?.name); add(p.address); add(p.community)
                record += 1
            }
            for s in catalogue.standards { add(s.title); add(s.code); record += 1 }
            self.texts = texts
        }

        /// The number of records found (at most `limit`).
        func search(_ query: String, limit: Int) -> Int {
            let needle = Array(query.utf8)
            guard let first = needle.first else { return 0 }
            var found = 0
            var last = -1
            for (record, bytes) in texts where record != last {
                guard bytes.count >= needle.count else { continue }
                var i = 0
                while i <= bytes.count - needle.count {
                    if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                        found += 1
                        last = record
                        break
                    }
                    i += 1
                }
            }
            return min(found, limit)
        }
    }

    /// A catalogue `factor` times larger: every item, point and standard repeated with a place
    /// word in front and a copy number behind, so texts stay distinct.
    static func scaled(_ catalogue: ServiceCatalogue, by factor: Int) -> ServiceCatalogue {
        let places = ["华强北", "香蜜湖", "莲花", "梅林", "沙头", "上步", "景田", "车公庙", "岗厦", "园岭", "福保", "南园"]
        var items: [ServiceItem] = []
        var points: [ServicePoint] = []
        var standards: [StandardText] = []
        for copy in 0..<factor {
            let place = places[copy % places.count]
            let suffix = copy == 0 ? "" : "-\(copy)"
            for var item in catalogue.items {
                if copy > 0 { item.id += suffix; item.name = place + item.name + suffix }
                items.append(item)
            }
            for var point in catalogue.points {
                if copy > 0 {
                    point.id += suffix
                    point.name = place + point.name + suffix
                    point.address = point.address.map { $0 + "\(copy)号" }
                }
                points.append(point)
            }
            for var standard in catalogue.standards {
                if copy > 0 { standard.id += suffix; standard.title = place + standard.title + suffix; standard.code += suffix }
                standards.append(standard)
            }
        }
        return ServiceCatalogue(metadata: catalogue.metadata, sources: catalogue.sources, pointTypes: catalogue.pointTypes,
                                domains: catalogue.domains, items: items, points: points, standards: standards,
                                subdistricts: catalogue.subdistricts, landmarks: catalogue.landmarks)
    }

    static func mark(_ text: String, _ ranges: [Range<Int>]) -> String {
        var out = ""
        for (i, c) in text.enumerated() {
            if ranges.contains(where: { $0.lowerBound == i }) { out += "[" }
            out.append(c)
            if ranges.contains(where: { $0.upperBound == i + 1 }) { out += "]" }
        }
        return out
    }

    /// This thread's CPU time: unlike wall-clock time it does not count the time other processes
    /// on a shared machine take the core away.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    static func pad(_ text: String, _ columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - DisplayWidth.of(text)))
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, single-threaded"
    }
}
