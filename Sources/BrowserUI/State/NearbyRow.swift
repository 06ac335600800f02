/// One point on the nearby screen, with how far and which way it is.
struct NearbyRow: Sendable, Hashable {
    var pointID: String
    var distanceMetres: Double
    /// Degrees clockwise from north.
    var bearingDegrees: Double
    /// Walking minutes estimated from the crow-flies distance.
    var walkingMinutes: Int
}
