import CatalogueImport
import Foundation

/// `fuwu-bench import-read [--rows N] [--folder DIR] [--keep]`: reads a generated N-row point list
/// (default 1 000 000 rows, about 100 MB) with DelimitedTextSource, as UTF-8 and as UTF-16 (the
/// transcoding path GB18030 files take too), and prints rows per second and MB per second with
/// two baselines beside them: counting the file's line feeds in 1 MiB reads in this process, and
/// `wc -l` on the same file. Peak RSS is read from /proc after each step, so a reader that held
/// the file would show it.
enum ImportReadBenchmark {
    typealias Table = NearbyBenchmark.Table

    static func run(_ arguments: [String]) {
        let options = BenchArguments(arguments, values: ["--rows", "--folder"], flags: ["--keep"])
        let rows = max(1, options.int("--rows", default: 1_000_000))
        let folder = URL(fileURLWithPath: options.string("--folder") ?? NSTemporaryDirectory())
            .appendingPathComponent("fuwu-import-bench-\(ProcessInfo.processInfo.processIdentifier)")
        #if DEBUG
        print("warning: debug build; run with -c release for meaningful figures")
        #endif
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            print("fuwu-bench: cannot create \(folder.path): \(error)")
            exit(73)
        }
        defer { if !options.flag("--keep") { try? FileManager.default.removeItem(at: folder) } }
        print("import-read benchmark: \(rows) rows of a 7-column point list (a title row, a quoted 经纬度 column,")
        print("a quoted line break every 1000th row); baselines: line feeds counted in 1 MiB reads, and wc -l")
        print("")
        var table = Table(headers: ["file", "MB", "reader", "rows", "seconds", "rows/s", "MB/s", "peak RSS MB"])
        for encoding in ["UTF-8", "UTF-16LE"] {
            let path = folder.appendingPathComponent("points-\(encoding).csv").path
            let bytes = write(rows: rows, to: path, utf16: encoding == "UTF-16LE")
            let megabytes = Double(bytes) / 1_048_576
            func add(_ reader: String, _ count: Int, _ seconds: Double) {
                table.add([encoding, NearbyBenchmark.format(megabytes, 1), reader, String(count), NearbyBenchmark.format(seconds, 2),
                           NearbyBenchmark.format(Double(count) / seconds, 0), NearbyBenchmark.format(megabytes / seconds, 1),
                           NearbyBenchmark.format(Double(NearbyBenchmark.memoryKilobytes("VmHWM:")) / 1024, 1)])
            }
            var lineFeeds = 0
            add("line feeds (baseline)", 0, NearbyBenchmark.seconds { lineFeeds = countLineFeeds(path) })
            table.rows[table.rows.count - 1][3] = String(lineFeeds)
            var wcLines = ""
            let wcTime = NearbyBenchmark.seconds { wcLines = wordCount(path) }
            add("wc -l (baseline)", Int(wcLines) ?? 0, wcTime)
            var count = 0, cells = 0
            var failure: ImportProblem?
            let time = NearbyBenchmark.seconds {
                do throws(ImportProblem) {
                    let source = try DelimitedTextSource(path: path)
                    try source.forEachRow(sheets: nil) { row throws(ImportProblem) in
                        count += 1
                        cells += row.cells.count
                    }
                } catch {
                    failure = error
                }
            }
            if let failure { print("fuwu-bench: \(failure)"); exit(65) }
            add("DelimitedTextSource", count, time)
            checksum += cells
        }
        print(table.rendered())
        print("")
        print("checksum \(checksum) cells")
    }

    nonisolated(unsafe) static var checksum = 0

    /// Writes the list in 1 MiB pieces and returns its size in bytes.
    static func write(rows: Int, to path: String, utf16: Bool) -> Int {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { print("fuwu-bench: cannot write \(path)"); exit(73) }
        defer { try? handle.close() }
        var written = 0
        var text = "福田区基本公共服务设施清单（基准测试）,,,,,,\r\n序号,服务点名称,类型,地址,经纬度,联系电话,开放时间\r\n"
        func flush(_ force: Bool) {
            guard force || text.utf8.count >= 1 << 20 else { return }
            let data: Data
            if utf16 {
                var units: [UInt8] = written == 0 ? [0xFF, 0xFE] : []
                for unit in text.utf16 { units += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
                data = Data(units)
            } else {
                data = Data(text.utf8)
            }
            handle.write(data)
            written += data.count
            text = ""
        }
        let types = ["社康中心", "幼儿园", "小学", "图书馆", "养老服务站", "公园"]
        for index in 1...rows {
            let longitude = 114.0 + Double(index % 10_000) / 100_000
            let latitude = 22.5 + Double(index % 7_919) / 100_000
            let address = index % 1000 == 0 ? "\"福田区福华路\(index)号\n（东门）\"" : "福田区福华路\(index)号"
            text += "\(index),福田区第\(index)号服务点,\(types[index % types.count]),\(address),\"\(longitude),\(latitude)\",0755-8\(String(format: "%07d", index % 10_000_000)),08:00-17:30\r\n"
            flush(false)
        }
        flush(true)
        return written
    }

    /// The baseline: line feeds counted in 1 MiB reads.
    static func countLineFeeds(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var count = 0
        while let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            count += data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return count
    }

    /// `wc -l PATH`'s count, or "" where wc is missing.
    static func wordCount(_ path: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
        process.arguments = ["-l", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return "" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
