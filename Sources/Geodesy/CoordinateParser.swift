/// Reads a coordinate pair typed by a user, tolerating full-width digits, commas and spaces.
public enum CoordinateParser {
    /// True when text is shaped like coordinates: a number-like first token followed by more
    /// tokens, or a lone number; so `22.5x,114` is reported as a bad number and `22.54` as one
    /// value short, rather than as names nothing is called.
    public static func looksLikeCoordinates(_ text: String) -> Bool {
        let tokens = tokens(of: text)
        guard let token = tokens.first, let first = token.unicodeScalars.first else { return false }
        let numberLike = first.properties.numericType != nil || first == "-" || first == "+" || first == "."
        return numberLike && (tokens.count >= 2 || Double(token) != nil)
    }

    /// Parses `lat,lng` (or `lng,lat` with `.longitudeFirst`) into a coordinate in whatever
    /// datum the user meant; checks the number format and the ranges, not the region.
    public static func parse(_ text: String, order: CoordinateOrder = .latitudeFirst) throws(GeodesyError) -> GeoCoordinate {
        let values = tokens(of: text)
        if values.isEmpty { throw .emptyCoordinates }
        guard values.count == 2 else { throw .wrongNumberOfValues(text: text, count: values.count) }
        var numbers: [Double] = []
        for token in values {
            guard let number = Double(token), number.isFinite,
                  token.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) })
            else { throw .notANumber(token) }
            numbers.append(number)
        }
        let (latitude, longitude) = order == .latitudeFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
        let swappedFits = abs(longitude) <= 90 && abs(latitude) <= 180
        if abs(latitude) > 90 { throw .latitudeOutOfRange(latitude, order: order, swappedOrderFits: swappedFits) }
        if abs(longitude) > 180 { throw .longitudeOutOfRange(longitude) }
        return GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    /// Splits on ASCII and full-width commas, semicolons, 、 and any white space, after folding
    /// full-width forms to ASCII and dropping a degree sign and surrounding brackets.
    static func tokens(of text: String) -> [String] {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                folded.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000, 0x3001:
                folded.append(" ")
            case 0xB0:
                continue
            default:
                folded.append(scalar)
            }
        }
        let separators: Set<Character> = [",", ";", "(", ")", "[", "]"]
        return String(folded)
            .split(whereSeparator: { separators.contains($0) || $0.isWhitespace })
            .map(String.init)
    }
}
