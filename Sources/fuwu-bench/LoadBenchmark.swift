import Foundation

/// `fuwu-bench load [--sizes 10000,100000,1000000] [--catalogue DIR] [--fuwu PATH] [--baseline PATH]`:
/// generates catalogues of the given numbers of points from the Futian catalogue's shapes, then
/// runs the `fuwu` binary on each as a child process — `validate`, `build` into an empty cache,
/// then `fuwu --help` (the process floor) and `stats`, `domains`, `item D4-01`, `point P0505` (`P0000500` when generated),
/// `nearby --at 22.5431,114.0579` (all within its 1000 m, and the first 20) and a one-shot
/// `search` from that cache (cached starts, which read what they need of the start-up file) — and prints wall time and the child's peak RSS
/// (`wait4`; CPU time too, which a shared machine disturbs less than wall time), beside the figures measured before the streaming loader (issue 15) or beside a
/// second binary given with `--baseline`.
enum LoadBenchmark {
    /// Figures of the tree-building loader (release, this machine), from issue 15 and
    /// docs/performance.md: seconds and peak MB per step, by number of points.
    static let recorded: [Int: [String: (seconds: Double, megabytes: Double)]] = [
        2082: ["validate": (0.39, 44), "build": (0.83, 55), "cached stats": (0.04, 31)],
        100_000: ["validate": (8.5, 860), "build": (11.7, 860)],
        1_000_000: ["validate": (88.8, 8200)],
    ]

    static func run(_ arguments: [String]) {
        let command = BenchArguments(arguments, values: ["--sizes", "--catalogue", "--fuwu", "--baseline", "--keep"])
        let sizes = command.string("--sizes", default: "10000,100000,1000000").split(separator: ",").compactMap { Int($0) }
        let source = URL(fileURLWithPath: command.string("--catalogue", default: "data/futian"), isDirectory: true)
        let fuwu = command.string("--fuwu") ?? siblingBinary("fuwu")
        let baseline = command.string("--baseline")
        guard FileManager.default.isExecutableFile(atPath: fuwu) else {
            print("fuwu-bench load: no fuwu binary at \(fuwu); build it with `swift build -c release --product fuwu` or pass --fuwu PATH")
            exit(66)
        }
        let work = URL(fileURLWithPath: command.string("--keep") ?? NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("fuwu-bench-load-\(getpid())", isDirectory: true)
        defer { if command.string("--keep") == nil { try? FileManager.default.removeItem(at: work) } }

        print("fuwu-bench load: \(fuwu)\(baseline.map { " against baseline \($0)" } ?? " against the figures recorded before issue 15")")
        print("| points | step | wall s | CPU s | peak MB | baseline s | baseline MB | result |")
        print("|---:|---|---:|---:|---:|---:|---:|---|")
        var rows: [(Int, String, Double, Double)] = []  // points, step, CPU seconds, peak MB
        for size in [0] + sizes {
            let folder: URL
            let points: Int
            if size == 0 {
                folder = source
                points = 2082
            } else {
                folder = work.appendingPathComponent("catalogue-\(size)", isDirectory: true)
                do {
                    try CatalogueGenerator(source: source).write(points: size, to: folder)
                } catch {
                    print("fuwu-bench load: cannot generate \(size) points: \(error)")
                    exit(74)
                }
                points = size
            }
            for (step, measured) in measureSteps(binary: fuwu, folder: folder, cache: work.appendingPathComponent("cache-\(size)"),
                                                 pointID: pointID(size)) {
                var base = recorded[points]?[step]
                if let baseline, points <= 100_000 || step != "build" {
                    base = measureSteps(binary: baseline, folder: folder, cache: work.appendingPathComponent("base-cache-\(size)"),
                                        pointID: pointID(size), only: step).first.map { (seconds: $0.1.seconds, megabytes: $0.1.megabytes) }
                }
                let result = measured.status == 0 ? "ok" : "exit \(measured.status)"
                print("| \(points) | \(step) | \(format(measured.seconds)) | \(format(measured.cpuSeconds)) | \(Int(measured.megabytes.rounded())) | "
                      + "\(base.map { format($0.seconds) } ?? "—") | \(base.map { String(Int($0.megabytes.rounded())) } ?? "—") | \(result) |")
                rows.append((points, step, measured.cpuSeconds, measured.megabytes))
            }
            if size != 0 && command.string("--keep") == nil { try? FileManager.default.removeItem(at: folder) }
        }
        growth(rows)
    }

    /// How cost grows: for each step, the CPU microseconds and bytes of peak RSS that each point
    /// adds between one size and the next (so the fixed part — Futian's standard texts, items and
    /// process start — drops out), and the whole figure per point at each size.
    private static func growth(_ rows: [(Int, String, Double, Double)]) {
        print("\nper point (µs of CPU, KB of peak RSS): whole figure / added since the size before")
        for (index, (points, step, seconds, megabytes)) in rows.enumerated() where points > 2082 {
            var line = "  \(points) \(step): \(format(seconds / Double(points) * 1_000_000)) µs, "
                + "\(format(megabytes * 1024 / Double(points))) KB"
            if let before = rows[..<index].last(where: { $0.1 == step }), points > before.0 {
                let added = Double(points - before.0)
                line += " / \(format((seconds - before.2) / added * 1_000_000)) µs, \(format((megabytes - before.3) * 1024 / added)) KB"
            }
            print(line)
        }
    }

    /// Wall time, CPU time (user + system) and peak RSS of one child, and its exit status.
    struct Measured { var seconds: Double; var cpuSeconds: Double; var megabytes: Double; var status: Int32 }

    /// A point that the catalogue of `size` points holds: Futian's own ids (size 0) are four
    /// digits, a generated catalogue's seven.
    private static func pointID(_ size: Int) -> String { size == 0 ? "P0505" : "P0000500" }

    private static func measureSteps(binary: String, folder: URL, cache: URL, pointID: String,
                                     only: String? = nil) -> [(String, Measured)] {
        try? FileManager.default.removeItem(at: cache)
        let environment = ["FUWU_CACHE_DIR": cache.path]
        var results: [(String, Measured)] = []
        let steps: [(String, [String])] = [
            ("validate", ["validate", folder.path]),
            ("build", ["build", "--catalogue", folder.path]),
            ("--help (the floor)", ["--help"]),
            ("cached stats", ["stats", "--catalogue", folder.path]),
            ("cached domains", ["domains", "--catalogue", folder.path]),
            ("cached item", ["item", "D4-01", "--catalogue", folder.path]),
            ("cached point", ["point", pointID, "--catalogue", folder.path]),
            ("cached nearby", ["nearby", "--at", "22.5431,114.0579", "--catalogue", folder.path]),
            ("cached nearby --limit 20", ["nearby", "--at", "22.5431,114.0579", "--limit", "20", "--catalogue", folder.path]),
            ("cached search", ["search", "社康", "--no-body", "--limit", "20", "--catalogue", folder.path]),
        ]
        for (name, arguments) in steps where only == nil || only == name {
            if only?.hasPrefix("cached") == true { _ = spawn(binary, ["build", "--catalogue", folder.path], environment) }
            results.append((name, spawn(binary, arguments, environment)))
        }
        try? FileManager.default.removeItem(at: cache)
        return results
    }

    /// Runs a child with stdout and stderr discarded; wall time and its peak RSS from `wait4`.
    static func spawn(_ binary: String, _ arguments: [String], _ environment: [String: String]) -> Measured {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else {
            return Measured(seconds: 0, cpuSeconds: 0, megabytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measured(seconds: seconds, cpuSeconds: cpu, megabytes: Double(usage.ru_maxrss) / 1024, status: exitStatus)
    }

    /// A binary beside this one (the same build folder).
    static func siblingBinary(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }

    private static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
}
