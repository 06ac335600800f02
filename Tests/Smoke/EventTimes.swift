import Foundation

/// The browser's own record of how long it took to answer each event (`FUWU_EVENT_TIMES`): one
/// line an event, `<kind> <wall-clock ms> <processor ms>`.
struct EventTimes {
    /// The most time a keystroke may take: every keystroke answered within 50 ms.
    static let budgetMilliseconds = 50.0

    struct Entry {
        var kind: String
        var wallMilliseconds: Double
        var processorMilliseconds: Double
    }

    let entries: [Entry]

    init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        entries = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let wall = Double(fields[1]), let processor = Double(fields[2]) else { return nil }
            return Entry(kind: String(fields[0]), wallMilliseconds: wall, processorMilliseconds: processor)
        }
    }

    /// Keys, clicks and wheel turns: what a person does.
    var keys: [Entry] { entries.filter { $0.kind != "resize" && $0.kind != "end" } }

    /// The most processor time any keystroke took (0 with none).
    var slowestKeyProcessorMilliseconds: Double { keys.map(\.processorMilliseconds).max() ?? 0 }

    /// The most wall-clock time any keystroke took (0 with none); a loaded machine inflates it.
    var slowestKeyWallMilliseconds: Double { keys.map(\.wallMilliseconds).max() ?? 0 }

    /// The most processor time any event took, resizes included.
    var slowestProcessorMilliseconds: Double { entries.map(\.processorMilliseconds).max() ?? 0 }
}
