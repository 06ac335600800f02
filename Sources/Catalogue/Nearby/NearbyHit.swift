import Geodesy

/// A service point within a nearby circle, with how far and which way it is.
public struct NearbyHit: Sendable, Hashable {
    public var point: ServicePoint
    /// The domain of the point's type, when the type is known.
    public var domainID: String?
    /// Ellipsoidal (WGS-84) distance from the origin in metres.
    public var distanceMetres: Double
    /// Initial bearing from the origin, degrees clockwise from north.
    public var bearingDegrees: Double
    /// Estimated walking time; see `WalkingEstimate` for the assumptions.
    public var walkingMinutes: Int

    public init(point: ServicePoint, domainID: String?, distanceMetres: Double, bearingDegrees: Double) {
        self.point = point
        self.domainID = domainID
        self.distanceMetres = distanceMetres
        self.bearingDegrees = bearingDegrees
        self.walkingMinutes = WalkingEstimate.minutes(forDistanceMetres: distanceMetres)
    }

    /// The eight-point compass direction of the bearing.
    public var compass: CompassPoint { CompassPoint(bearingDegrees: bearingDegrees) }
}
