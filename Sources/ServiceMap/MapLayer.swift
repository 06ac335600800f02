/// What a canvas cell shows, in order of priority: a cell shows one layer only, the highest that
/// reached it.
public enum MapLayer: UInt8, Sendable, Comparable, CaseIterable {
    case empty = 0
    /// The district and subdistrict boundaries.
    case boundary
    /// Extra shapes drawn by another page (uncovered patches, for example).
    case overlay
    /// The published circles other than the current radius.
    case circle
    /// The circle of the current radius.
    case currentCircle
    /// A service point.
    case point
    /// The service point nearest the origin.
    case nearestPoint
    /// Where the distances are measured from.
    case origin
    /// The point chosen with Tab.
    case selectedPoint

    public static func < (a: MapLayer, b: MapLayer) -> Bool { a.rawValue < b.rawValue }
}
