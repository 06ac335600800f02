import Catalogue

/// The nearby screen's settings and current answer.
struct NearbyState: Sendable {
    var origin: NearbyOrigin?
    var radiusMetres = 1000
    var filter: NearbyFilter = .none
    /// Where the origin stands on WGS-84 and how it was read.
    var location: ResolvedLocation?
    var result: NearbyResult?
    /// The rows of the list, rebuilt with each answer.
    var lines: [NearbyLine] = []
    /// Why there is no answer (no origin, origin without a location).
    var problem: String?
}
