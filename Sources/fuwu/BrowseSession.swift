import BrowserUI
import Catalogue
import CatalogueStore
import ChineseText
import Foundation
import UserState

/// Runs the browser over an opened catalogue in a terminal until the user quits.
enum BrowseSession {
    static func run(_ opened: OpenedCatalogue, options: BrowserOptions, terminal: any Terminal,
                    state: UserStateOpening, now: (@Sendable () -> Int64)?) {
        let catalogue = opened.catalogue
        // The index and keys compiled with the catalogue; if damaged, computed (slower but correct),
        // and the compiled catalogue is removed so that the next start rebuilds it.
        let search = DeferredNameSearch { RankedNameSearch(index: (try? opened.searchIndex()) ?? SearchIndex(catalogue: catalogue)) }
        let places = Deferred {
            LocationResolver.pinyinMatch(places: (try? opened.placeNames()) ?? PlaceNameTable(catalogue: catalogue))
        }
        let warning = state.warnings.last.map { options.language == .chinese ? $0.chinese : $0.english }
        var app = BrowserApp(catalogue: catalogue, bodies: opened.database, search: search,
                             placeMatch: { text in places.value(text) }, userState: state.store, now: now,
                             options: options, startMessage: warning)
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
