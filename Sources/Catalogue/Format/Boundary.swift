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

    /// Metres from the coordinate to the nearest boundary edge, measured in the tangent plane at
    /// the coordinate (exact enough at district scale for a tolerance check).
    public func distanceToEdgeMetres(_ c: GeoCoordinate) -> Double {
        let plane = LocalTangentPlane(origin: c)
        var best = Double.infinity
        for rings in polygons {
            for ring in rings where ring.count > 1 {
                for i in 0..<ring.count {
                    let a = plane.offsetMetres(to: ring[i]), b = plane.offsetMetres(to: ring[(i + 1) % ring.count])
                    let dx = b.east - a.east, dy = b.north - a.north
                    let lengthSquared = dx * dx + dy * dy
                    let t = lengthSquared == 0 ? 0 : max(0, min(1, -(a.east * dx + a.north * dy) / lengthSquared))
                    let px = a.east + t * dx, py = a.north + t * dy
                    best = min(best, (px * px + py * py).squareRoot())
                }
            }
        }
        return best
    }

    /// Twice the signed area of a ring in the longitude-latitude plane (degrees²): positive when
    /// the ring runs anticlockwise, as RFC 7946 asks of exterior rings.
    public static func signedArea(_ ring: [GeoCoordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return sum
    }

    /// True when the coordinate lies inside the ring (even-odd rule; closed or open rings).
    public static func ringContains(_ ring: [GeoCoordinate], _ c: GeoCoordinate) -> Bool {
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
