/// The share of one subdistrict's area (or of the unassigned cells) within a radius of the
/// nearest point of one layer.
public struct CoverageFigure: Sendable, Equatable {
    /// The subdistrict's code; nil for the cells no polygon holds (未归属).
    public var subdistrictCode: String?
    public var layer: CoverageLayer
    public var radiusMetres: Double
    /// Area of the subdistrict's cells inside the district, in square metres.
    public var areaSquareMetres: Double
    /// Area of those cells whose centre lies within the radius of a point of the layer.
    public var coveredSquareMetres: Double
    /// Distinct points that are the nearest point of a covered cell, by provenance.
    public var officialPoints: Int
    public var referencePoints: Int
    public var samplePoints: Int

    /// Covered area over area, 0–1; nil when the subdistrict has no cell.
    public var share: Double? { areaSquareMetres > 0 ? coveredSquareMetres / areaSquareMetres : nil }

    /// True when a covered cell's nearest point is a sample point: the figure is not a finding.
    public var restsOnSample: Bool { samplePoints > 0 }
}
