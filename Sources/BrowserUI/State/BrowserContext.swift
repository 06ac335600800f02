import Catalogue
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the browser browses: the catalogue, where standard bodies come from, the name search,
/// and lookups computed once so that drawing a frame costs only its visible rows.
public final class BrowserContext: Sendable {
    public let catalogue: ServiceCatalogue
    /// Where the reader gets standard bodies.
    public let bodies: any StandardBodySource
    /// The name search behind `/`.
    public let search: any NameSearching
    /// Item indices (into `catalogue.items`) per domain id, in catalogue order.
    let itemsByDomain: [String: [Int]]
    /// Point indices (into `catalogue.points`) per item id, in catalogue order.
    let pointsByItem: [String: [Int]]
    /// Distinct points per domain (through their items).
    let pointCountByDomain: [String: Int]
    /// The spatial index the nearby screen and the map query; read (or built) when a place
    /// picker opens (`prepare(for:onceHeld:)`), since no page before a place is chosen reads it.
    let nearbyIndex: Deferred<NearbyIndex>
    /// Matches typed place names another way (pinyin) when plain text finds nothing.
    public let placeMatch: LocationResolver.AlternativeMatch?
    /// What the browser remembers across runs (saved places, favourites, history, reading positions).
    public let userState: any UserStateStore
    /// The clock, as Unix seconds, that open-now and history use.
    public let now: @Sendable () -> Int64
    /// Reads place names for "where I am"; built when a picker opens (`prepare(for:onceHeld:)`),
    /// since only its typed text reads it and it costs more than the first frame.
    let locations: Deferred<LocationResolver>
    /// The names pickers narrow by, folded once; built after the first frame (`warmUp`), since
    /// a picker lists them as it opens.
    let pickerNames: Deferred<PickerNames>
    /// The 各街道均等化 figures at every standard radius; built after the first frame (`warmUp`),
    /// since a coverage grid costs far more than a keystroke may.
    let coverage: Deferred<DashboardState>
    /// The full coverage of every domain, which the gaps pages read; built when the dashboard
    /// is opened (`prepare(for:onceHeld:)`).
    let coverageAnalysis: Deferred<CoverageAnalysis>

    /// Builds the lookups; `search` defaults to the plain substring search over names, and
    /// `placeMatch` (pinyin for place names) to none.
    public init(catalogue: ServiceCatalogue, bodies: any StandardBodySource,
                search: (any NameSearching)? = nil, placeMatch: LocationResolver.AlternativeMatch? = nil,
                userState: (any UserStateStore)? = nil, now: (@Sendable () -> Int64)? = nil) {
        self.catalogue = catalogue
        self.userState = userState ?? InMemoryUserState()
        self.now = now ?? { Int64(time(nil)) }
        self.placeMatch = placeMatch
        self.bodies = bodies
        self.search = search ?? SubstringNameSearch(catalogue: catalogue)
        var itemsByDomain: [String: [Int]] = [:]
        for (index, item) in catalogue.items.enumerated() { itemsByDomain[item.domainID, default: []].append(index) }
        var pointsByItem: [String: [Int]] = [:]
        for item in catalogue.items where pointsByItem[item.id] == nil {
            let indices = catalogue.pointIndices(servingItem: item.id)
            if !indices.isEmpty { pointsByItem[item.id] = indices }
        }
        self.itemsByDomain = itemsByDomain
        self.pointsByItem = pointsByItem
        pointCountByDomain = catalogue.pointCountsByDomain()
        nearbyIndex = Deferred { NearbyIndex(catalogue: catalogue) }
        locations = Deferred { LocationResolver(catalogue: catalogue, alternativeMatch: placeMatch) }
        pickerNames = Deferred { PickerNames(catalogue: catalogue) }
        coverage = Deferred { DashboardState.compute(catalogue) }
        coverageAnalysis = Deferred { DashboardState.analysis(catalogue) }
    }

    /// Builds what the pages one key from the start draw as they open (the pickers' names, the
    /// dashboard's figures) now, on the calling thread (another core, after the first frame),
    /// so that no keystroke pays for it.
    public func warmUp() {
        _ = pickerNames.value
        if !catalogue.boundary.polygons.isEmpty { _ = coverage.value }
    }

    /// Builds, on the calling thread (another core), what a page in `mode` is about to ask for
    /// and nothing opened before needs: the name search's index once the find box is open (it
    /// opens empty), the place resolver and the nearby index once a picker is (its typed text
    /// reads the one, the place it picks the other), the full
    /// coverage once the dashboard is (its gaps pages read it). `held` runs once the build holds
    /// its value's lock (at once when there is nothing to build), so the caller can wait for that
    /// and the browser's next key then waits for the build instead of doing it. A browser that
    /// never goes there never pays their memory.
    public func prepare(for mode: Mode, onceHeld held: () -> Void) {
        switch mode {
        case .find: search.prepare(onceHeld: held)
        case .picker:
            // Both held before `held` runs: the next key waits for whichever it reads.
            _ = nearbyIndex.value(onceHeld: { _ = locations.value(onceHeld: held) })
        case .dashboard where !catalogue.boundary.polygons.isEmpty: _ = coverageAnalysis.value(onceHeld: held)
        default: held()
        }
    }

    /// The modes `prepare(for:onceHeld:)` builds something for.
    public static let preparedModes: Set<Mode> = [.find, .picker, .dashboard]

    func items(inDomain id: String) -> [Int] { itemsByDomain[id] ?? [] }
    /// The Shenzhen wall clock now.
    var shenzhenTime: ShenzhenTime { ShenzhenTime(unixSeconds: now()) }
    func points(servingItem id: String) -> [Int] { pointsByItem[id] ?? [] }
}
