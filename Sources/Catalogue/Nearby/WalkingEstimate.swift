/// The walking-time estimate shown beside a distance, with its assumptions stated as constants.
///
/// Circles are straight-line ("as the crow flies"); walking routes are typically 1.2–1.5 times
/// longer, so the straight-line distance is multiplied by a detour factor before dividing by an
/// unhurried adult walking speed.
public enum WalkingEstimate {
    /// Assumed walking speed: 1.3 m/s, about 4.7 km/h.
    public static let speedMetresPerSecond = 1.3
    /// Assumed ratio of walking-route length to straight-line distance.
    public static let detourFactor = 1.3

    /// Whole minutes (rounded up, at least 1 for any distance above 0) to walk a straight-line distance.
    public static func minutes(forDistanceMetres distance: Double) -> Int {
        guard distance > 0 else { return 0 }
        let seconds = distance * detourFactor / speedMetresPerSecond
        return max(1, Int((seconds / 60).rounded(.up)))
    }

    /// The assumptions in English, for output and help.
    public static let assumptionsEnglish =
        "Walking times assume 1.3 m/s (4.7 km/h) on a route 1.3× the straight-line distance; circles are straight-line."

    /// The assumptions in Chinese, for output and help.
    public static let assumptionsChinese =
        "步行时间按 1.3 米/秒（4.7 公里/小时）、路线长度为直线距离的 1.3 倍估算；范围按直线距离计算。"
}
