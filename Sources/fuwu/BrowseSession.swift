import BrowserUI
import Catalogue

/// Runs the browser over a catalogue in a terminal until the user quits.
enum BrowseSession {
    static func run(catalogue: ServiceCatalogue, bodies: any StandardBodySource,
                    search: (any NameSearching)? = nil, options: BrowserOptions,
                    terminal: any Terminal) {
        var app = BrowserApp(catalogue: catalogue, bodies: bodies, search: search, options: options)
        app.run(terminal: terminal)
    }
}
