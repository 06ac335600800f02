import Foundation
import Geodesy

/// The district boundary as polygons in WGS-84, for "is this location in the district" checks.
public struct Boundary: Sendable, Equatable {
    /// Each polygon is an outer ring followed by its holes; rings are closed or open.
    public var polygons: [[[GeoCoordinate]]]

    public init(polygons: [[[GeoCoordinate]]]) { self.polygons = polygons }

    /// True when the coordinate lies inside an outer ring and outside that polygon's holes.
    public func contains(_ c: GeoCoordinate) -> Bool {
        polygons.contains { rings in
            guard let outer = rings.first, Self.ringContains(outer, c) else { return false }
            return !rings.dropFirst().contains { Self.ringContains($0, c) }
        }
    }

    /// Metres from the coordinate to the nearest boundary edge (planar approximation, good to a
    /// few metres at district scale; enough for a tolerance check).
    public func distanceToEdgeMetres(_ c: GeoCoordinate) -> Double {
        let metresPerDegreeLat = 110_574.0
        let metresPerDegreeLon = 111_320.0 * cos(c.latitude * .pi / 180)
        var best = Double.infinity
        for rings in polygons {
            for ring in rings where ring.count > 1 {
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[(i + 1) % ring.count]
                    let ax = (a.longitude - c.longitude) * metresPerDegreeLon, ay = (a.latitude - c.latitude) * metresPerDegreeLat
                    let bx = (b.longitude - c.longitude) * metresPerDegreeLon, by = (b.latitude - c.latitude) * metresPerDegreeLat
                    let dx = bx - ax, dy = by - ay
                    let lengthSquared = dx * dx + dy * dy
                    let t = lengthSquared == 0 ? 0 : max(0, min(1, -(ax * dx + ay * dy) / lengthSquared))
                    let px = ax + t * dx, py = ay + t * dy
                    best = min(best, (px * px + py * py).squareRoot())
                }
            }
        }
        return best
    }

    static func ringContains(_ ring: [GeoCoordinate], _ c: GeoCoordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.latitude > c.latitude) != (b.latitude > c.latitude) {
                let x = (b.longitude - a.longitude) * (c.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
                if c.longitude < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
