/// How many matching points of one domain lie within each summary circle.
public struct NearbyDomainCount: Sendable, Hashable {
    public var domain: Domain
    /// Counts parallel to `NearbyResult.summaryRadiiMetres`.
    public var counts: [Int]

    public init(domain: Domain, counts: [Int]) {
        self.domain = domain
        self.counts = counts
    }
}
