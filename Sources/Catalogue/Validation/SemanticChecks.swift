import Foundation
import Geodesy

/// Checks on values that parse but cannot be right: lengths beyond any real use, impossible
/// dates, words outside the format's vocabularies, and geometry that cannot be the district's.
/// Kept apart from the reader so the format's parsing and its meaning can change independently.
enum SemanticChecks {
    /// Longest name or title, in characters (Unicode scalars).
    static let nameLengthLimit = 200
    /// Longest other one-line field, in characters.
    static let lineLengthLimit = 2000
    /// Largest standard body, in bytes of UTF-8.
    static let bodyByteLimit = 2 * 1024 * 1024
    /// Largest plausible district boundary.
    static let boundaryAreaLimitSquareKilometres = 10_000.0

    /// Fields whose value is a name or a title (limited to `nameLengthLimit`).
    static let nameFields: Set<String> = ["name", "name_en", "title"]

    /// The words `landmarks.json` accepts for `kind`.
    static let landmarkKinds = ["metro", "rail", "bus", "place"]
    /// The words a source's `datum` accepts (`none`: the source gives no coordinates).
    static let sourceDatums = ["none", "WGS-84", "GCJ-02", "BD-09"]
    /// The words a source's `reliability` accepts.
    static let reliabilities = ["low", "medium", "high"]

    /// The length limit of a field, in characters.
    static func lengthLimit(of field: String) -> Int {
        nameFields.contains(field) ? nameLengthLimit : lineLengthLimit
    }

    /// True when `text` has more than `limit` Unicode scalars (stops counting at the limit).
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    /// The message for a field over its limit.
    static func tooLong(_ field: String, of subject: String, limit: Int) -> String {
        "\"\(field)\" of \(subject) is longer than \(limit) characters, the limit for this field; shorten it"
    }

    /// Text as it can be stored and shown: U+0000 cannot pass through SQLite's C-string
    /// interfaces (it would cut the text short), so it is replaced by its inert escape `\u{0}`,
    /// exactly what every display shows for it. Validation warns about it all the same.
    static func storable(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return text.replacingOccurrences(of: "\u{0}", with: "\\u{0}")
    }

    /// True for a real calendar date written `YYYY-MM-DD`.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// A vocabulary error: `"field" of subject is "value"; use one of a, b, c`.
    static func notInVocabulary(_ field: String, of subject: String, value: String, allowed: [String]) -> String {
        "\"\(field)\" of \(subject) is \"\(value)\"; use one of \(allowed.joined(separator: ", "))"
    }

    /// True when a longitude/latitude pair lies on the earth.
    static func isOnEarth(longitude: Double, latitude: Double) -> Bool {
        (-180...180).contains(longitude) && (-90...90).contains(latitude)
    }

    /// The area enclosed by a ring on a sphere of the WGS-84 mean radius, in km² (the spherical
    /// excess formula used by GIS libraries; exact enough to reject a whole-earth polygon).
    static func areaSquareKilometres(_ ring: [GeoCoordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        let radiusKilometres = 6371.0088
        var sum = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            let lambda = (b.longitude - a.longitude) * .pi / 180
            sum += lambda * (2 + sin(a.latitude * .pi / 180) + sin(b.latitude * .pi / 180))
        }
        return abs(sum) * radiusKilometres * radiusKilometres / 2
    }
}

/// The rectangle a catalogue declares its region to lie in (`bbox` in catalogue.json, GeoJSON
/// order: west, south, east, north, WGS-84); every location and boundary vertex must lie in it.
struct RegionBox: Equatable {
    var west: Double
    var south: Double
    var east: Double
    var north: Double

    func contains(longitude: Double, latitude: Double) -> Bool {
        (west...east).contains(longitude) && (south...north).contains(latitude)
    }

    var text: String { "[\(west), \(south), \(east), \(north)]" }

    /// Reads `bbox` from catalogue.json, reporting a missing or malformed box.
    static func read(_ root: JSONNode, file: String, _ log: inout DiagnosticLog) -> RegionBox? {
        guard let node = root["bbox"], !node.isNull else {
            log.error(SourceLocation(file: file, line: root.line, column: root.column, path: "$.bbox"),
                      "the catalogue has no \"bbox\"; declare its region as [west, south, east, north] in WGS-84 degrees, e.g. [113.98, 22.50, 114.11, 22.60]")
            return nil
        }
        let at = SourceLocation(file: file, line: node.line, column: node.column, path: node.path)
        guard let values = node.array?.compactMap(\.number), values.count == 4, node.array?.count == 4 else {
            log.error(at, "\"bbox\" must be four numbers [west, south, east, north] in WGS-84 degrees")
            return nil
        }
        let box = RegionBox(west: values[0], south: values[1], east: values[2], north: values[3])
        guard SemanticChecks.isOnEarth(longitude: box.west, latitude: box.south),
              SemanticChecks.isOnEarth(longitude: box.east, latitude: box.north),
              box.west < box.east, box.south < box.north else {
            log.error(at, "\"bbox\" \(box.text) is not a region: it must be [west, south, east, north] with west < east, south < north, longitudes within ±180 and latitudes within ±90")
            return nil
        }
        return box
    }
}
