import BrowserUI
import Foundation

/// A terminal that writes, for every event, how long the browser took to answer it: from the
/// event's arrival to the end of the frame drawn for it. Switched on by the test-only variable
/// `FUWU_EVENT_TIMES=<file>` (the monkey test reads it to hold every keystroke under 50 ms); one
/// line an event, `<kind> <wall-clock ms> <processor ms>`, written at once so a killed browser
/// leaves its record. The processor time is the browser thread's own, which a busy machine
/// cannot inflate.
final class TimedTerminal: Terminal {
    /// The environment variable naming the log file.
    static let variable = "FUWU_EVENT_TIMES"

    private let wrapped: any Terminal
    private let log: FileHandle
    private var pending: (kind: String, start: UInt64, processorStart: UInt64)?

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
        log.write(Data("\(pending.kind) \(String(format: "%.3f", wall)) \(String(format: "%.3f", processor))\n".utf8))
    }

    func nextEvent() -> TerminalEvent {
        let event = wrapped.nextEvent()
        pending = (Self.kind(of: event), DispatchTime.now().uptimeNanoseconds, Self.threadProcessorNanoseconds())
        return event
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
