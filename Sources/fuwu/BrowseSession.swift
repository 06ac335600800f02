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
        // Build the search index on another core once the first frame is out, so the first
        // keystroke in the find box does not pay for it; a search before then waits for it.
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(200)) {
            _ = search.search("a", limit: 1)
        }
        var app = BrowserApp(catalogue: catalogue, bodies: opened.database, search: search,
                             placeMatch: { text, name in places.value(text, name) }, options: options)
        app.run(terminal: terminal)
    }
}

/// A value computed on first use and kept; thread-safe. The browser's first frame must not wait
/// for the search index, so indexes are built when the user first searches.
final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
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
