/// Which part of the plane a canvas of terminal cells shows, and at what scale: 2×4 dots per
/// cell, north up, with the cell's width-to-height ratio taken into account so circles stay round.
public struct MapViewport: Sendable, Hashable {
    /// Canvas size in terminal cells.
    public let columns: Int
    public let rows: Int
    /// A terminal cell's width divided by its height (1 : 2 is typical).
    public let cellAspect: Double
    /// The plane point at the canvas centre.
    public let centre: MapPoint
    /// Ground metres across one dot, west to east.
    public let metresPerDotEast: Double

    /// One zoom step scales by this factor.
    public static let zoomFactor = 2.0.squareRoot()
    /// The default view shows the radius with this much room around it.
    public static let fitMargin = 1.08

    public init(columns: Int, rows: Int, cellAspect: Double = 0.5, centre: MapPoint, metresPerDotEast: Double) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.cellAspect = cellAspect
        self.centre = centre
        self.metresPerDotEast = metresPerDotEast
    }

    /// A view centred on `centre` that shows a circle of `radiusMetres` whole, zoomed in by
    /// `zoomSteps` (negative: out).
    public static func fitting(radiusMetres: Double, columns: Int, rows: Int, cellAspect: Double = 0.5,
                               centre: MapPoint = MapPoint(eastMetres: 0, northMetres: 0), zoomSteps: Int = 0) -> MapViewport {
        let dotsWide = Double(max(1, columns * 2)), dotsHigh = Double(max(1, rows * 4))
        let span = 2 * radiusMetres * fitMargin
        let byWidth = span / dotsWide
        let byHeight = span / dotsHigh * 2 * cellAspect
        let fitted = max(byWidth, byHeight)
        let scale = fitted / pow(zoomFactor, Double(zoomSteps))
        return MapViewport(columns: columns, rows: rows, cellAspect: cellAspect, centre: centre, metresPerDotEast: scale)
    }

    public var dotsWide: Int { columns * 2 }
    public var dotsHigh: Int { rows * 4 }
    /// Ground metres down one dot: a dot is 1/(2·aspect) times as tall as it is wide.
    public var metresPerDotNorth: Double { metresPerDotEast / (2 * cellAspect) }
    /// Ground metres across one terminal cell.
    public var metresPerColumn: Double { metresPerDotEast * 2 }

    /// The dot a plane point falls in, as fractional dot coordinates (x right, y down).
    @inlinable
    public func dotPosition(_ point: MapPoint) -> (x: Double, y: Double) {
        ((point.eastMetres - centre.eastMetres) / metresPerDotEast + Double(dotsWide) / 2,
         (centre.northMetres - point.northMetres) / metresPerDotNorth + Double(dotsHigh) / 2)
    }

    /// The dot a plane point falls in, or nil when it is off the canvas.
    @inlinable
    public func dot(_ point: MapPoint) -> (x: Int, y: Int)? {
        let (x, y) = dotPosition(point)
        guard x >= 0, y >= 0, x < Double(dotsWide), y < Double(dotsHigh) else { return nil }
        return (Int(x), Int(y))
    }

    /// The plane point at the middle of a dot.
    public func point(atDotX x: Int, y: Int) -> MapPoint {
        MapPoint(eastMetres: centre.eastMetres + (Double(x) + 0.5 - Double(dotsWide) / 2) * metresPerDotEast,
                 northMetres: centre.northMetres - (Double(y) + 0.5 - Double(dotsHigh) / 2) * metresPerDotNorth)
    }

    /// The same view moved by a number of cells (right and down are positive).
    public func panned(columns dx: Int, rows dy: Int) -> MapViewport {
        MapViewport(columns: columns, rows: rows, cellAspect: cellAspect,
                    centre: MapPoint(eastMetres: centre.eastMetres + Double(dx) * metresPerDotEast * 2,
                                     northMetres: centre.northMetres - Double(dy) * metresPerDotNorth * 4),
                    metresPerDotEast: metresPerDotEast)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
