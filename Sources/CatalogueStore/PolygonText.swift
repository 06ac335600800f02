import Catalogue
import Geodesy

/// The compact text form in which the store keeps polygons: positions `lon lat` separated by
/// `,`, rings by `;`, polygons by `|`. Doubles are written in their shortest exact form, so a
/// round trip gives the same values.
enum PolygonText {
    /// The text of a set of polygons.
    static func encode(_ polygons: [[[GeoCoordinate]]]) -> String {
        polygons.map { rings in
            rings.map { ring in ring.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ",") }.joined(separator: ";")
        }.joined(separator: "|")
    }

    /// The polygons of a text written by `encode`; nil when the text is not in that form.
    static func decode(_ text: String) -> [[[GeoCoordinate]]]? {
        guard !text.isEmpty else { return [] }
        var polygons: [[[GeoCoordinate]]] = []
        for polygon in text.split(separator: "|", omittingEmptySubsequences: false) {
            var rings: [[GeoCoordinate]] = []
            for ring in polygon.split(separator: ";", omittingEmptySubsequences: false) {
                var points: [GeoCoordinate] = []
                for position in ring.split(separator: ",", omittingEmptySubsequences: false) {
                    let parts = position.split(separator: " ")
                    guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
                    points.append(GeoCoordinate(latitude: lat, longitude: lon))
                }
                rings.append(points)
            }
            polygons.append(rings)
        }
        return polygons
    }
}
