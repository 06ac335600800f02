import Geodesy

/// Reads a row's coordinates as the source gave them and converts them to WGS-84 the way `nearby`
/// does (`DatumTransform.convert`), keeping the source values.
public enum SourceCoordinate {
    /// Longitudes and latitudes that can be in China at all: anything else is a wrong column or a typo.
    static let longitudes = 73.0...136.0
    static let latitudes = 3.0...54.0

    /// The coordinate in a pair of cells, or nil when both are blank; throws a reason when only one
    /// is given or the numbers cannot be a place in China.
    public static func read(longitude: String, latitude: String) throws(CoordinateReason) -> GeoCoordinate? {
        let lonText = CellText.trimmed(longitude), latText = CellText.trimmed(latitude)
        if lonText.isEmpty && latText.isEmpty { return nil }
        if lonText.isEmpty { throw .incomplete("the latitude \"\(latText)\" has no longitude beside it") }
        if latText.isEmpty { throw .incomplete("the longitude \"\(lonText)\" has no latitude beside it") }
        let lons = CellText.coordinateNumbers(lonText), lats = CellText.coordinateNumbers(latText)
        guard lons.count == 1 else { throw .unreadable("the longitude \"\(lonText)\" is not a decimal number") }
        guard lats.count == 1 else { throw .unreadable("the latitude \"\(latText)\" is not a decimal number") }
        return try checked(longitude: lons[0], latitude: lats[0])
    }

    /// The coordinate in one combined cell (经纬度 `114.05,22.54`), in the given order.
    public static func read(combined text: String, order: CombinedOrder) throws(CoordinateReason) -> GeoCoordinate? {
        let cell = CellText.trimmed(text)
        if cell.isEmpty { return nil }
        let numbers = CellText.coordinateNumbers(cell)
        guard numbers.count == 2 else { throw .unreadable("the coordinates \"\(cell)\" are not two decimal numbers") }
        let (lon, lat) = order == .longitudeFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
        return try checked(longitude: lon, latitude: lat)
    }

    /// The order of a combined column told from its values: the number that can only be a longitude
    /// in China (73–136) against the one that can only be a latitude (3–54). Nil when no cell tells.
    public static func guessOrder(_ cells: [String]) -> CombinedOrder? {
        var lonFirst = 0, latFirst = 0
        for cell in cells {
            let n = CellText.numbers(cell)
            guard n.count == 2 else { continue }
            if longitudes.contains(n[0]) && latitudes.contains(n[1]) && !latitudes.contains(n[0]) { lonFirst += 1 }
            if latitudes.contains(n[0]) && longitudes.contains(n[1]) && !latitudes.contains(n[1]) { latFirst += 1 }
        }
        if lonFirst == 0 && latFirst == 0 { return nil }
        return lonFirst >= latFirst ? .longitudeFirst : .latitudeFirst
    }

    static func checked(longitude: Double, latitude: Double) throws(CoordinateReason) -> GeoCoordinate {
        if latitudes.contains(longitude) && longitudes.contains(latitude) && !latitudes.contains(latitude) {
            throw .swapped("the longitude \(format(longitude)) and latitude \(format(latitude)) look swapped; check which column is which")
        }
        guard longitudes.contains(longitude), latitudes.contains(latitude) else {
            throw .outside("(\(format(longitude)), \(format(latitude))) is not a longitude and latitude in China")
        }
        return GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    /// The WGS-84 location of a source coordinate, rounded to 7 decimals (about 1 cm) as the catalogue stores them.
    /// WGS-84 values are kept as the source wrote them.
    public static func wgs84(_ c: GeoCoordinate, from datum: Datum) -> GeoCoordinate {
        if datum == .wgs84 { return c }
        let w = DatumTransform.convert(c, from: datum, to: .wgs84)
        return GeoCoordinate(latitude: rounded(w.latitude), longitude: rounded(w.longitude))
    }

    static func rounded(_ value: Double) -> Double { (value * 1e7).rounded() / 1e7 }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : "\(value)"
    }
}
