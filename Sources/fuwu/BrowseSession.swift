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
        // and the compiled catalogue is removed so that the next start rebuilds it. A large stored
        // index is checked here, before the first search, rather than found damaged by it.
        let search = DeferredNameSearch {
            let stored = try? opened.searchIndex()
            if let stored, (try? opened.confirmUsable(stored)) != nil { return RankedNameSearch(index: stored) }
            return RankedNameSearch(index: SearchIndex(catalogue: catalogue))
        }
        let places = Deferred {
            LocationResolver.pinyinMatch(places: (try? opened.placeNames()) ?? PlaceNameTable(catalogue: catalogue))
        }
        let warning = state.warnings.last.map { options.language == .chinese ? $0.chinese : $0.english }
        var app = BrowserApp(catalogue: catalogue, bodies: opened.database, search: search,
                             placeMatch: { text in places.value(text) }, userState: state.store, now: now,
                             options: options, startMessage: warning)
        let context = app.state.context
        let timed = TimedTerminal.wrapping(terminal, environment: ProcessInfo.processInfo.environment)
        // Once the first frame is out, build on another core what a page one key away needs to
        // draw itself (the pickers' names, the dashboard's figures; and the pinyin place keys),
        // so that the key that opens it does not pay for it (one that comes sooner waits for the
        // build under way). What only the next key on such a page reads — the name search's
        // index (the find box opens empty), the place resolver (a picker's typed text), the full
        // coverage (the gaps pages below the dashboard) — is built on another core when that
        // page opens, so a browser that never goes there never holds it; the browser thread
        // waits only until the build holds its lock, so its next key waits for the build
        // (blocked) rather than doing it.
        var prepared = Set<Mode>()
        app.run(terminal: timed, afterFirstFrame: {
            let group = DispatchGroup()
            DispatchQueue.global(qos: .utility).async(group: group) {
                _ = places.value
                context.warmUp()
            }
            group.notify(queue: .global(qos: .utility)) { (timed as? TimedTerminal)?.note("warm") }
        }, afterFrame: { state in
            let mode = state.mode
            guard BrowserContext.preparedModes.contains(mode), prepared.insert(mode).inserted else { return }
            let held = DispatchSemaphore(value: 0)
            DispatchQueue.global(qos: .userInitiated).async { context.prepare(for: mode, onceHeld: { held.signal() }) }
            held.wait()
        })
    }
}

/// The ranked name search, built on the first query.
final class DeferredNameSearch: NameSearching {
    private let deferred: Deferred<RankedNameSearch>

    init(_ make: @escaping @Sendable () -> RankedNameSearch) { deferred = Deferred(make) }

    func search(_ query: String, limit: Int) -> [FoundRecord] {
        query.isEmpty ? [] : deferred.value.search(query, limit: limit)
    }

    func prepare(onceHeld held: () -> Void) { _ = deferred.value(onceHeld: held) }
}
