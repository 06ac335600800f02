@testable import BrowserUI

/// A terminal that feeds scripted events and keeps every frame, on one thread, without sleeps.
final class ScriptedTerminal: Terminal {
    private var events: [TerminalEvent]
    private(set) var frames: [Screen] = []
    private(set) var size: (width: Int, height: Int)

    init(width: Int, height: Int, events: [TerminalEvent]) {
        size = (width, height)
        self.events = events
    }

    /// Types each character of `text` as a key.
    static func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }

    func present(_ screen: Screen) { frames.append(screen) }

    func nextEvent() -> TerminalEvent {
        guard !events.isEmpty else { return .end }
        let event = events.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }
}
