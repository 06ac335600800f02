import Catalogue

/// One row of the nearby screen's list: a point within the circle, a point without a location
/// that may be near, or a row of the per-domain summary.
enum NearbyLine: Sendable, Hashable {
    case hit(NearbyHit)
    case unlocated(ServicePoint)
    case notice(String)
    case heading(String)
    /// The head of the per-domain table, over its radius columns.
    case summaryHeading(String)
    case domainCount(NearbyDomainCount)
    case blank

    /// The point Enter opens, if any.
    var pointID: String? {
        switch self {
        case .hit(let hit): hit.point.id
        case .unlocated(let point): point.id
        default: nil
        }
    }
}
