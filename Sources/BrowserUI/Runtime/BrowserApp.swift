import Catalogue

/// The browser: a state, the key map, and the loop that draws a frame, waits for an event and
/// applies it until the user quits or input ends.
public struct BrowserApp: Sendable {
    /// The browser's state; after `run` returns, where the user left it.
    public private(set) var state: BrowserState

    /// A browser over a catalogue. `bodies` supplies standard texts; `search` ranks name hits
    /// (nil: plain substring search); `placeMatch` lets typed places match by pinyin.
    public init(catalogue: ServiceCatalogue, bodies: any StandardBodySource,
                search: (any NameSearching)? = nil, placeMatch: LocationResolver.AlternativeMatch? = nil,
                userState: (any UserStateStore)? = nil, now: (@Sendable () -> Int64)? = nil,
                options: BrowserOptions = BrowserOptions(), startMessage: String? = nil) {
        let context = BrowserContext(catalogue: catalogue, bodies: bodies, search: search, placeMatch: placeMatch,
                                     userState: userState, now: now)
        state = BrowserState(context: context, options: options)
        state.message = startMessage
    }

    /// A browser starting from a prepared state (tests, restored sessions).
    public init(state: BrowserState) {
        self.state = state
    }

    /// Runs until `q` or the end of input. Every frame is drawn whole; the terminal sends only
    /// what changed. `afterFirstFrame` runs once the first frame is out (to start work the
    /// first frame must not wait for); `afterFrame` after every frame, the first included (to
    /// start work the page on screen is about to need).
    public mutating func run(terminal: any Terminal, afterFirstFrame: () -> Void = {},
                             afterFrame: (BrowserState) -> Void = { _ in }) {
        let size = terminal.size
        state.resize(width: size.width, height: size.height)
        terminal.present(BrowserView.frame(state))
        afterFirstFrame()
        afterFrame(state)
        while true {
            let outcome = state.handle(terminal.nextEvent())
            // Copying is the terminal's business: hand it over after the event that asked for it.
            if let text = state.takeClipboard() { terminal.copyToClipboard(text) }
            if outcome == .quit { break }
            terminal.present(BrowserView.frame(state))
            afterFrame(state)
        }
    }
}
