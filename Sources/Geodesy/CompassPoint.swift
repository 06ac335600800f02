/// One of the eight compass points a bearing is named by.
public enum CompassPoint: Int, Sendable, Hashable, CaseIterable {
    case north, northEast, east, southEast, south, southWest, west, northWest

    /// The compass point whose 45° sector (centred on it) holds a bearing in degrees.
    public init(bearingDegrees: Double) {
        let sector = Int((normalisedBearing(bearingDegrees) + 22.5) / 45) % 8
        self = CompassPoint(rawValue: sector) ?? .north
    }

    /// The English abbreviation: N, NE, E, SE, S, SW, W, NW.
    public var abbreviation: String {
        ["N", "NE", "E", "SE", "S", "SW", "W", "NW"][rawValue]
    }

    /// The Chinese name: 北, 东北, 东, 东南, 南, 西南, 西, 西北.
    public var chineseName: String {
        ["北", "东北", "东", "东南", "南", "西南", "西", "西北"][rawValue]
    }
}
