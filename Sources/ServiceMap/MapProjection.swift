import Geodesy

/// The map's projection: a local metric plane at the origin (WGS-84 meridional and
/// prime-vertical radii, from Geodesy's `LocalTangentPlane`), so that at district scale a metre
/// is a metre in every direction and a circle looks round.
public struct MapProjection: Sendable {
    /// The centre of the plane (WGS-84).
    public let origin: GeoCoordinate
    private let plane: LocalTangentPlane

    public init(origin: GeoCoordinate) {
        self.origin = origin
        plane = LocalTangentPlane(origin: origin)
    }

    /// Where a WGS-84 coordinate lands on the plane.
    @inlinable
    public func project(_ coordinate: GeoCoordinate) -> MapPoint {
        project(latitude: coordinate.latitude, longitude: coordinate.longitude)
    }

    /// Where a WGS-84 latitude and longitude land on the plane.
    public func project(latitude: Double, longitude: Double) -> MapPoint {
        let offset = plane.offsetMetres(latitudeDelta: latitude - origin.latitude,
                                        longitudeDelta: longitude - origin.longitude)
        return MapPoint(eastMetres: offset.east, northMetres: offset.north)
    }
}
