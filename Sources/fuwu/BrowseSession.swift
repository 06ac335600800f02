import BrowserUI
import Catalogue
import CatalogueStore
import ChineseText
import Foundation

/// Runs the browser over an opened catalogue in a terminal until the user quits.
enum BrowseSession {
    static func run(_ opened: OpenedCatalogue, options: BrowserOptions, terminal: any Terminal) {
        let database = opened.database
        let catalogue = opened.catalogue
        // The keys compiled with the catalogue; if unreadable the index computes keys itself,
        // slower but correct.
        let keys = Deferred { (try? SearchKeyStore.keys(of: database)) ?? [:] }
        let search = DeferredNameSearch {
            RankedNameSearch(index: SearchIndex(catalogue: catalogue, keys: keys.value))
        }
        let places = Deferred { LocationResolver.pinyinMatch(for: catalogue, keys: keys.value) }
        // Build the search index on another core once the first frame is out, so the first
        // keystroke in the find box does not pay for it; a search before then waits for it.
        var app = BrowserApp(catalogue: catalogue, bodies: opened.database, search: search,
                             placeMatch: { text in places.value(text) }, options: options)
        let context = app.state.context
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(200)) {
            _ = search.search("a", limit: 1)
            // The place picker's indexes too, so typing a place never pays for them.
            _ = places.value
            context.warmUp()
        }
        app.run(terminal: terminal)
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
