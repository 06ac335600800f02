import BrowserUI
import Catalogue

/// Runs the browser over a catalogue in a terminal until the user quits.
enum BrowseSession {
    static func run(catalogue: ServiceCatalogue, bodies: any StandardBodySource,
                    ambiguousWide: Bool, terminal: any Terminal) {
        // Placeholder until BrowserUI's run loop lands: lists the domains; q quits.
        while true {
            var screen = Screen(width: terminal.size.width, height: terminal.size.height,
                                ambiguousWide: ambiguousWide)
            screen.put(catalogue.metadata.name, row: 0, column: 0, style: .title)
            for (index, domain) in catalogue.domains.enumerated() {
                screen.put(domain.name, row: 2 + index, column: 2)
            }
            if let point = catalogue.points.first { screen.put(point.name, row: 12, column: 2) }
            terminal.present(screen)
            switch terminal.nextEvent() {
            case .key(.character("q")), .end: return
            default: continue
            }
        }
    }
}
