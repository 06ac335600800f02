import BrowserUI
import Foundation

/// A terminal that writes, for every event, how long the browser took to answer it: from the
/// event's arrival to the end of the frame drawn for it. Switched on by the test-only variable
/// `FUWU_EVENT_TIMES=<file>` (the monkey test reads it to hold every keystroke under 50 ms); one
/// line an event, `<kind> <wall-clock ms> <processor ms> <what>` (`key 1.203 1.150 Enter`),
/// written at once so a killed browser leaves its record. The processor time is the browser
/// thread's own, which a busy machine cannot inflate. `note` adds a line such as `warm 0 0 -`
/// (the indexes warmed after the first frame are built).
final class TimedTerminal: Terminal, @unchecked Sendable {
    /// The environment variable naming the log file.
    static let variable = "FUWU_EVENT_TIMES"

    private let wrapped: any Terminal
    private let log: FileHandle
    private let lock = NSLock()
    private var pending: (kind: String, detail: String, start: UInt64, processorStart: UInt64)?

    /// Wraps `terminal` when the environment asks for a log it can open; else returns it as is.
    static func wrapping(_ terminal: any Terminal, environment: [String: String]) -> any Terminal {
        guard let path = environment[variable], !path.isEmpty else { return terminal }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: path) else { return terminal }
        log.seekToEndOfFile()
        return TimedTerminal(wrapping: terminal, log: log)
    }

    private init(wrapping terminal: any Terminal, log: FileHandle) {
        wrapped = terminal
        self.log = log
    }

    var size: (width: Int, height: Int) { wrapped.size }

    func present(_ screen: Screen) {
        wrapped.present(screen)
        guard let pending else { return }
        self.pending = nil
        let wall = Double(DispatchTime.now().uptimeNanoseconds - pending.start) / 1_000_000
        let processor = Double(Self.threadProcessorNanoseconds() - pending.processorStart) / 1_000_000
        write("\(pending.kind) \(String(format: "%.3f", wall)) \(String(format: "%.3f", processor)) \(pending.detail)")
    }

    func copyToClipboard(_ text: String) { wrapped.copyToClipboard(text) }

    func nextEvent() -> TerminalEvent {
        let event = wrapped.nextEvent()
        pending = (Self.kind(of: event), Self.detail(of: event), DispatchTime.now().uptimeNanoseconds,
                   Self.threadProcessorNanoseconds())
        return event
    }

    /// Adds a line `<kind> 0 0 -` to the log (from any thread).
    func note(_ kind: String) {
        write("\(kind) 0 0 -")
    }

    private func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        log.write(Data((line + "\n").utf8))
    }

    /// The key's label or the event's size or place, without spaces.
    static func detail(of event: TerminalEvent) -> String {
        switch event {
        case .key(let key): key.label.replacingOccurrences(of: " ", with: "Space")
        case .click(let row, let column): "\(row),\(column)"
        case .scroll(let lines, _, _): String(lines)
        case .resize(let width, let height): "\(width)x\(height)"
        case .end: "-"
        }
    }

    /// The calling thread's processor time so far.
    static func threadProcessorNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The log's name for an event.
    static func kind(of event: TerminalEvent) -> String {
        switch event {
        case .key: "key"
        case .click: "click"
        case .scroll: "scroll"
        case .resize: "resize"
        case .end: "end"
        }
    }
}
