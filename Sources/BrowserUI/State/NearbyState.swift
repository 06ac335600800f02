/// The nearby screen's settings and current answer.
struct NearbyState: Sendable {
    /// The published circles (500, 1000, 1500 m).
    static let publishedRadii = [500, 1000, 1500]

    var origin: NearbyOrigin?
    var radiusMetres = 1000
    var filter: NearbyFilter = .none
    var results: [NearbyRow] = []
    /// Domains (by id) with no point within the radius, for the "nothing within reach" summary.
    var emptyDomainIDs: [String] = []
    /// Why there is no answer (no origin, origin without a location), shown instead of rows.
    var problem: String?
}
