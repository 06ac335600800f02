/// A position on the map plane: metres east and north of the map's origin.
public struct MapPoint: Sendable, Hashable {
    public var eastMetres: Double
    public var northMetres: Double

    public init(eastMetres: Double, northMetres: Double) {
        self.eastMetres = eastMetres
        self.northMetres = northMetres
    }
}
