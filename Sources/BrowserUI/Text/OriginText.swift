import Geodesy

/// Reads a typed coordinate such as `22.5431, 114.0579 gcj02`.
enum OriginText {
    /// The coordinate and, when named, its datum; nil when the text is not a coordinate.
    static func coordinate(_ text: String) -> (GeoCoordinate, Datum?)? {
        var numbers: [Double] = []
        var words: [String] = []
        for token in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" || $0 == ";" }) {
            if let number = Double(token) { numbers.append(number) } else { words.append(String(token)) }
        }
        guard numbers.count == 2 else { return nil }
        var datum: Datum?
        for word in words {
            guard let parsed = Datum(loose: word) else { return nil }
            datum = parsed
        }
        var (latitude, longitude) = (numbers[0], numbers[1])
        // Chinese map apps often give longitude first; latitude can never exceed 90.
        if abs(latitude) > 90, abs(longitude) <= 90 { swap(&latitude, &longitude) }
        // Amap's picker copies 114.05,22.54: read it so when only that order falls in Shenzhen.
        let region = GeoRegion.shenzhen
        if !region.contains(GeoCoordinate(latitude: latitude, longitude: longitude)),
           region.contains(GeoCoordinate(latitude: longitude, longitude: latitude)) {
            swap(&latitude, &longitude)
        }
        guard abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        return (GeoCoordinate(latitude: latitude, longitude: longitude), datum)
    }
}
