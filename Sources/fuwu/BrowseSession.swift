import BrowserUI
import Catalogue
import CatalogueStore
import ChineseText
import Foundation

/// Runs the browser over an opened catalogue in a terminal until the user quits.
enum BrowseSession {
    static func run(_ opened: OpenedCatalogue, options: BrowserOptions, terminal: any Terminal) {
        let catalogue = opened.catalogue
        // The index and keys compiled with the catalogue (if unreadable, computed: slower but correct).
        let search = DeferredNameSearch { RankedNameSearch(index: opened.searchIndex()) }
        let places = Deferred { LocationResolver.pinyinMatch(places: opened.placeNames()) }
        var app = BrowserApp(catalogue: catalogue, bodies: opened.database, search: search,
                             placeMatch: { text in places.value(text) }, options: options)
        let context = app.state.context
        let timed = TimedTerminal.wrapping(terminal, environment: ProcessInfo.processInfo.environment)
        // Once the first frame is out, build the indexes on other cores, so that the first
        // keystroke in the find box or a picker does not pay for them (one that comes sooner
        // waits for the build already under way).
        app.run(terminal: timed) {
            let group = DispatchGroup()
            DispatchQueue.global(qos: .utility).async(group: group) { _ = search.search("a", limit: 1) }
            DispatchQueue.global(qos: .utility).async(group: group) {
                _ = places.value
                context.warmUp()
            }
            group.notify(queue: .global(qos: .utility)) { (timed as? TimedTerminal)?.note("warm") }
        }
    }
}

/// The ranked name search, built on the first query.
final class DeferredNameSearch: NameSearching {
    private let deferred: Deferred<RankedNameSearch>

    init(_ make: @escaping @Sendable () -> RankedNameSearch) { deferred = Deferred(make) }

    func search(_ query: String, limit: Int) -> [FoundRecord] {
        query.isEmpty ? [] : deferred.value.search(query, limit: limit)
    }
}
