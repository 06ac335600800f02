/// One screen on the navigation stack; Back pops it. Positions within pages live in the state,
/// keyed by page, so returning to a page lands where you left it.
public enum Page: Sendable, Hashable {
    case domains
    case items(domainID: String)
    case points(itemID: String)
    case item(String)
    case point(String)
    case reader(standardID: String)
    case contents(standardID: String)
    case find
    case nearby
    /// The nearby answer as a map (with the list beside it on wide terminals).
    case map
    case picker(PickerPurpose)
    case help(Mode)
    /// 各街道均等化: subdistricts × domains coverage.
    case dashboard
    /// The coverage of one dashboard cell: shares at every radius and the uncovered patches.
    case coverageGaps(row: Int, column: Int)
    /// The starred records.
    case favourites
    /// The records opened lately.
    case history

    /// The mode (and so the key map) of this page.
    public var mode: Mode {
        switch self {
        case .domains, .items, .points: .browse
        case .item: .itemDetail
        case .point: .pointDetail
        case .reader: .reader
        case .contents: .contents
        case .find: .find
        case .nearby: .nearby
        case .map: .map
        case .picker: .picker
        case .help: .help
        case .dashboard: .dashboard
        case .coverageGaps: .coverageGaps
        case .favourites, .history: .records
        }
    }

    /// The key under which this page's cursor and scroll position are remembered.
    var positionKey: String {
        switch self {
        case .domains: "domains"
        case .items(let d): "items:\(d)"
        case .points(let i): "points:\(i)"
        case .item(let i): "item:\(i)"
        case .point(let p): "point:\(p)"
        case .reader(let s): "reader:\(s)"
        case .contents(let s): "contents:\(s)"
        case .find: "find"
        case .nearby: "nearby"
        case .map: "map"
        case .picker(let p): "picker:\(p.rawValue)"
        case .help(let m): "help:\(m.rawValue)"
        case .dashboard: "dashboard"
        case .coverageGaps(let r, let c): "coverage:\(r):\(c)"
        case .favourites: "favourites"
        case .history: "history"
        }
    }
}

/// What a picker chooses.
public enum PickerPurpose: String, Sendable, Hashable {
    /// "Where I am" for the nearby screen.
    case origin
    /// The nearby screen's domain, item or type filter.
    case filter
}
