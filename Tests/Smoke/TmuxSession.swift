import Foundation
import Testing

/// Why a smoke session could not go on.
struct SmokeFailure: Error, CustomStringConvertible {
    let description: String
}

/// A program running in a detached tmux server on a private socket, driven like a person would:
/// send keys, wait for text or a stable screen (polling with a deadline, never a fixed sleep),
/// capture the pane.
final class TmuxSession {
    /// How long to wait for an expected screen before failing.
    static let deadlineSeconds = 30.0
    /// The interval between captures when waiting for a stable screen.
    static let stableIntervalSeconds = 0.05

    private static let counter = Counter()
    let socket: String
    let tmux: String

    /// Starts `command` (run by /bin/sh) in a new detached session of the given size.
    init(command: String, width: Int = 80, height: Int = 24,
         environment: [String: String] = ["LANG": "C.UTF-8"]) throws {
        tmux = try Self.findTmux()
        socket = "fuwu-smoke-\(getpid())-\(Self.counter.next())"
        var arguments = ["-f", "/dev/null", "new-session", "-d",
                         "-x", String(width), "-y", String(height)]
        // -e sets the program's environment; TERM comes from tmux's default-terminal.
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        arguments.append(command)
        try run(arguments)
        // A window size that follows the latest client would undo resize-window; pin it.
        _ = try? run(["set-option", "-g", "window-size", "manual"])
    }

    deinit {
        _ = try? run(["kill-server"])
        // The server may leave its socket file behind; it is ours alone (-L), so remove it.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// The pane's text, one line per row, trailing blanks trimmed.
    func capture() throws -> String {
        try run(["capture-pane", "-p"])
    }

    /// The pane's text with its SGR attribute sequences (`capture-pane -e`).
    func captureWithAttributes() throws -> String {
        try run(["capture-pane", "-p", "-e"])
    }

    /// A tmux format evaluated for the pane, e.g. `#{cursor_flag}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends tmux key names (`Down`, `Enter`, `Escape`, `q`, `C-d`).
    func send(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Sends a list of tmux key names.
    func send(keys: [String]) throws {
        try run(["send-keys"] + keys)
    }

    /// Types text literally (Chinese included).
    func type(_ text: String) throws {
        try run(["send-keys", "-l", "--", text])
    }

    /// Sends raw bytes (`send-keys -H`): escape sequences exactly as a terminal would send them.
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Resizes the window (and so the pane and the program's terminal).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's shell.
    func panePID() throws -> Int32 {
        guard let pid = Int32(try format("#{pane_pid}")) else { throw SmokeFailure(description: "no pane pid") }
        return pid
    }

    /// Waits until the pane shows `text`, then returns the screen.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(sourceLocation: sourceLocation, "the screen to show \"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `condition` holds for the captured screen, then returns it.
    @discardableResult
    func waitUntil(sourceLocation: SourceLocation = #_sourceLocation, _ what: String,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(Self.deadlineSeconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw SmokeFailure(description: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits until a tmux format (e.g. `#{cursor_x}`) evaluates to `expected`; a frame can reach
    /// tmux in more than one write, so a single look could catch the cursor before its move.
    func waitForFormat(_ format: String, toBe expected: String) throws {
        let deadline = Date().addingTimeInterval(Self.deadlineSeconds)
        var value = ""
        while Date() < deadline {
            value = try self.format(format)
            if value == expected { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw SmokeFailure(description: "\(format) stayed \"\(value)\", expected \"\(expected)\"")
    }

    /// Waits until three captures 50 ms apart are identical, then returns that screen.
    @discardableResult
    func waitForStableScreen() throws -> String {
        let deadline = Date().addingTimeInterval(Self.deadlineSeconds)
        var previous = try capture()
        var same = 1
        while Date() < deadline {
            Thread.sleep(forTimeInterval: Self.stableIntervalSeconds)
            let screen = try capture()
            same = screen == previous ? same + 1 : 1
            if same == 3 { return screen }
            previous = screen
        }
        throw SmokeFailure(description: "the screen never settled; last:\n\(previous)")
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // Output goes to files, not pipes: the server that new-session starts keeps the
        // descriptors it inherited, so a pipe would never reach end-of-file.
        let folder = FileManager.default.temporaryDirectory.path
        let outputPath = "\(folder)/\(socket)-\(UUID().uuidString).out"
        let errorPath = "\(folder)/\(socket)-\(UUID().uuidString).err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let status = try Self.spawnAndWait([tmux, "-L", socket] + arguments,
                                           outputPath: outputPath, errorPath: errorPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw SmokeFailure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(errorText)")
        }
        return text
    }

    /// Runs a program and waits for it. posix_spawn rather than Foundation's Process: the test
    /// runner's threads block most signals and a spawned process inherits that mask, so the
    /// tmux server, its shell and fuwu would all ignore kill(2); here the child starts with an
    /// empty mask and default actions, as from a login shell.
    static func spawnAndWait(_ arguments: [String], outputPath: String, errorPath: String,
                             environment extra: [String: String] = [:]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SmokeFailure(description: "cannot start \(arguments[0]): error \(result)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SmokeFailure(description: "waitpid failed: \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS are macros: decode the status word by hand.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The tmux executable; its absence fails the test with what to install.
    static func findTmux() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw SmokeFailure(description: "tmux is not installed; the real-terminal smoke tests need it "
                           + "(apt-get install tmux; .ci/run installs it)")
    }

    /// Numbers sessions within one test process.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
