/// How unequal one layer's shares are across the subdistricts at one radius (unassigned cells
/// and subdistricts without cells are left out).
public struct CoverageEquality: Sendable, Equatable {
    public var layer: CoverageLayer
    public var radiusMetres: Double
    /// The lowest and highest share and the subdistricts that have them (first in order on ties).
    public var minShare: Double
    public var maxShare: Double
    public var minSubdistrictCode: String
    public var maxSubdistrictCode: String
    /// max_share / min_share; nil when the lowest share is 0.
    public var ratio: Double?
    /// Area-weighted Gini coefficient of the shares, 0 (equal) to 1; nil when every share is 0.
    public var gini: Double?
    /// True when any of the figures it is computed from rests on sample data.
    public var restsOnSample: Bool

    /// The equality of a set of figures of one layer and radius; nil when none has an area.
    public init?(figures: [CoverageFigure]) {
        let usable = figures.filter { $0.subdistrictCode != nil && $0.share != nil }
        guard let first = usable.first, let firstShare = first.share, let code = first.subdistrictCode else { return nil }
        layer = first.layer
        radiusMetres = first.radiusMetres
        var low = (firstShare, code), high = (firstShare, code)
        for figure in usable.dropFirst() {
            guard let share = figure.share, let code = figure.subdistrictCode else { continue }
            if share < low.0 { low = (share, code) }
            if share > high.0 { high = (share, code) }
        }
        minShare = low.0
        maxShare = high.0
        minSubdistrictCode = low.1
        maxSubdistrictCode = high.1
        ratio = low.0 > 0 ? high.0 / low.0 : nil
        gini = Self.gini(usable.map { ($0.share ?? 0, $0.areaSquareMetres) })
        restsOnSample = usable.contains(where: \.restsOnSample)
    }

    /// Area-weighted Gini: Σᵢ Σⱼ wᵢ wⱼ |sᵢ − sⱼ| / (2 (Σ w)² mean), mean = Σ wᵢ sᵢ / Σ w.
    public static func gini(_ values: [(share: Double, weight: Double)]) -> Double? {
        let total = values.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let mean = values.reduce(0) { $0 + $1.share * $1.weight } / total
        guard mean > 0 else { return nil }
        var sum = 0.0
        for a in values { for b in values { sum += a.weight * b.weight * abs(a.share - b.share) } }
        return sum / (2 * total * total * mean)
    }
}
