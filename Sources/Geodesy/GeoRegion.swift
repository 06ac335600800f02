/// A named latitude/longitude box used to reject locations far from where the catalogue is.
public struct GeoRegion: Sendable, Hashable {
    /// English name, as used in messages.
    public var name: String
    /// Chinese name, as used in messages.
    public var chineseName: String
    public var southLatitude: Double
    public var northLatitude: Double
    public var westLongitude: Double
    public var eastLongitude: Double
    /// How far outside the box a location may lie before it counts as far outside, in metres.
    public var toleranceMetres: Double

    public init(name: String, chineseName: String, southLatitude: Double, northLatitude: Double,
                westLongitude: Double, eastLongitude: Double, toleranceMetres: Double) {
        self.name = name
        self.chineseName = chineseName
        self.southLatitude = southLatitude
        self.northLatitude = northLatitude
        self.westLongitude = westLongitude
        self.eastLongitude = eastLongitude
        self.toleranceMetres = toleranceMetres
    }

    /// Shenzhen's bounding box (113.75–114.62° E, 22.45–22.85° N) with 10 km of tolerance.
    public static let shenzhen = GeoRegion(name: "Shenzhen", chineseName: "深圳",
                                           southLatitude: 22.45, northLatitude: 22.85,
                                           westLongitude: 113.75, eastLongitude: 114.62,
                                           toleranceMetres: 10_000)

    /// The box's centre.
    public var centre: GeoCoordinate {
        GeoCoordinate(latitude: (southLatitude + northLatitude) / 2, longitude: (westLongitude + eastLongitude) / 2)
    }

    /// True when a WGS-84 coordinate lies inside the box itself.
    public func contains(_ c: GeoCoordinate) -> Bool {
        c.latitude >= southLatitude && c.latitude <= northLatitude
            && c.longitude >= westLongitude && c.longitude <= eastLongitude
    }

    /// Distance in metres from a WGS-84 coordinate to the nearest point of the box; 0 inside.
    public func distanceOutsideMetres(_ c: GeoCoordinate) -> Double {
        if contains(c) { return 0 }
        let nearest = GeoCoordinate(latitude: min(max(c.latitude, southLatitude), northLatitude),
                                    longitude: min(max(c.longitude, westLongitude), eastLongitude))
        return Geodesic.wgs84.inverse(from: nearest, to: c).distanceMetres
    }

    /// Throws `GeodesyError.outsideRegion` when a WGS-84 coordinate lies beyond the tolerance.
    public func validate(_ c: GeoCoordinate) throws(GeodesyError) {
        let outside = distanceOutsideMetres(c)
        if outside > toleranceMetres {
            throw .outsideRegion(name: name, chineseName: chineseName, distanceMetres: outside)
        }
    }
}
