import Foundation
import Testing

/// The built `fuwu` binary and the shell line that runs it in a tmux pane and then reports how
/// it ended and what it left behind.
enum FuwuProgram {
    /// The package root (Tests/Smoke/FuwuProgram.swift → ../..).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The embedded catalogue's source folder.
    static let embeddedCatalogue = packageRoot.appendingPathComponent("data/futian", isDirectory: true)

    /// `FUWU_BINARY`, else `fuwu` beside the test bundle (SwiftPM builds it for this target).
    static func binary() throws -> String {
        if let path = ProcessInfo.processInfo.environment["FUWU_BINARY"], !path.isEmpty { return path }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("fuwu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        throw SmokeFailure(description: "cannot find the built fuwu binary near \(runner.path); set FUWU_BINARY")
    }

    /// Compiles a catalogue into a cache folder (`fuwu build`) before a test starts the browser,
    /// so no screen wait includes a first compile (slow in a debug build on a busy machine).
    static func compile(catalogue folder: URL? = nil, cacheDirectory: String) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("fuwu-smoke-build-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let arguments = [try binary(), "build"] + (folder.map { ["--catalogue", $0.path] } ?? [])
        let status = try TmuxSession.spawnAndWait(arguments, outputPath: log, errorPath: log,
                                                  environment: ["FUWU_CACHE_DIR": cacheDirectory])
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw SmokeFailure(description: "fuwu build failed (\(status)): \(text)")
        }
    }

    /// A tmux session running fuwu (see `shellLine`) over the smoke tests' compiled catalogue,
    /// in C.UTF-8 unless `environment` says otherwise.
    static func session(_ arguments: [String] = [], environment: [String: String] = [:],
                        width: Int = 80, height: Int = 24) throws -> TmuxSession {
        var environment = environment
        environment["FUWU_CACHE_DIR"] = environment["FUWU_CACHE_DIR"] ?? SmokeTests.cacheDirectory
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        return try TmuxSession(command: try shellLine(arguments: arguments, environment: environment),
                               width: width, height: height)
    }

    /// The wrapper's report once fuwu has ended, e.g. `EXIT=0 MODES: icanon echo`.
    static func exitReport(_ session: TmuxSession) throws -> String {
        let screen = try session.waitFor("MODES:")
        return screen.split(separator: "\n").first { $0.hasPrefix("EXIT=") }.map(String.init) ?? ""
    }

    /// Whether fuwu still runs under the pane's shell.
    static func isRunning(in session: TmuxSession) throws -> Bool {
        !children(of: try session.panePID()).isEmpty
    }

    /// Single-quotes a word for /bin/sh.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A shell line: run fuwu with `arguments` under `environment` (LC_ALL and LC_CTYPE cleared
    /// first), then print `EXIT=<status> MODES: <echo/icanon flags>` and stay open so the pane
    /// can be read. Core dumps are off for the fatal-signal tests.
    static func shellLine(arguments: [String], environment: [String: String] = [:],
                          inputFromNull: Bool = false) throws -> String {
        // Each session remembers into its own state folder, so one test's reading positions,
        // favourites and history never change what another one sees.
        var environment = environment
        if environment["FUWU_STATE_DIR"] == nil {
            environment["FUWU_STATE_DIR"] = FileManager.default.temporaryDirectory
                .appendingPathComponent("fuwu-smoke-state-\(UUID().uuidString)").path
        }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }
        let command = (["env", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "NO_COLOR"] + assignments
                       + [quoted(try binary())] + arguments.map(quoted)).joined(separator: " ")
            + (inputFromNull ? " < /dev/null" : "")
        return """
            ulimit -c 0; trap : INT QUIT; \(command); s=$?; m=""; \
            for f in $(stty -a); do case $f in echo|-echo|icanon|-icanon) m="$m $f";; esac; done; \
            echo "EXIT=$s MODES:$m"; exec sleep 600
            """
    }

    /// The pids of a process's children (from /proc), to signal the program under the shell.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // Fields after "comm)": state ppid ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }
}
