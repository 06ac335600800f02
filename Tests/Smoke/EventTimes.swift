import Foundation

/// The browser's own record of how long it took to answer each event (`FUWU_EVENT_TIMES`): one
/// line an event, `<kind> <wall-clock ms> <processor ms> <what>`.
struct EventTimes {
    /// The most time a keystroke may take: every keystroke answered within 50 ms.
    static let budgetMilliseconds = 50.0

    struct Entry {
        var kind: String
        var wallMilliseconds: Double
        var processorMilliseconds: Double
        var detail: String
    }

    let entries: [Entry]

    init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        entries = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, let wall = Double(fields[1]), let processor = Double(fields[2]) else { return nil }
            return Entry(kind: String(fields[0]), wallMilliseconds: wall, processorMilliseconds: processor,
                         detail: String(fields[3]))
        }
    }

    /// Keys, clicks and wheel turns: what a person does.
    var keys: [Entry] { entries.filter { ["key", "click", "scroll"].contains($0.kind) } }

    /// The slowest keystroke, described for a failure message.
    var slowestKey: String {
        guard let slowest = keys.max(by: { $0.processorMilliseconds < $1.processorMilliseconds }) else { return "none" }
        return "\(slowest.kind) \(slowest.detail): \(slowest.processorMilliseconds) ms processor, \(slowest.wallMilliseconds) ms wall"
    }

    /// Whether the browser has noted that its indexes are built.
    var isWarm: Bool { entries.contains { $0.kind == "warm" } }

    /// Waits until the browser notes that its indexes are built (so no keystroke measured pays
    /// for a one-time build), polling the log.
    static func waitUntilWarm(_ path: String) throws {
        let deadline = Date().addingTimeInterval(TmuxSession.deadlineSeconds)
        while Date() < deadline {
            if let times = try? EventTimes(contentsOf: path), times.isWarm { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw SmokeFailure(description: "the browser never noted \"warm\" in \(path)")
    }

    /// The most processor time any keystroke took (0 with none).
    var slowestKeyProcessorMilliseconds: Double { keys.map(\.processorMilliseconds).max() ?? 0 }

    /// The most processor time any event took, resizes included.
    var slowestProcessorMilliseconds: Double { entries.map(\.processorMilliseconds).max() ?? 0 }
}
