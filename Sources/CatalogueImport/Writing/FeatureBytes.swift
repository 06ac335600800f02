import Catalogue
import Geodesy

/// points.geojson written straight into UTF-8 bytes, one feature per line, exactly as
/// `CatalogueWriter.feature(_:)` renders it through `JSONText` (the tests hold the two to the same
/// bytes) but without building a tree of values and strings for every record.
struct FeatureBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string as `JSONText.string` writes it.
    mutating func string(_ s: String) {
        var s = s
        let plain = s.withUTF8 { utf8 in
            // Most text needs no escape: then it is copied whole.
            for b in utf8 where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return true
        }
        if !plain {
            var out = ""
            JSONText.string(s, into: &out)
            bytes.append(contentsOf: out.utf8)
        }
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { ascii("null") }
    }

    mutating func int(_ n: Int) {
        if n < 0 { bytes.append(0x2D) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// A double as `JSONText.number` writes it (Swift's shortest round-trip text, `.0` added to a whole number).
    mutating func number(_ n: Double) {
        let text = n.description
        bytes.append(contentsOf: text.utf8)
        if !text.utf8.contains(where: { $0 == 0x2E || $0 == 0x65 || $0 == 0x6E }) { ascii(".0") }
    }

    mutating func coordinate(_ c: GeoCoordinate) {
        bytes.append(0x5B)
        number(c.longitude)
        ascii(", ")
        number(c.latitude)
        bytes.append(0x5D)
    }

    /// One feature, as `CatalogueWriter.feature(p).compact`.
    mutating func feature(_ p: ServicePoint) {
        ascii("{\"type\": \"Feature\", \"id\": ")
        string(p.id)
        ascii(", \"geometry\": ")
        if let location = p.location {
            ascii("{\"type\": \"Point\", \"coordinates\": ")
            coordinate(location)
            bytes.append(0x7D)
        } else {
            ascii("null")
        }
        ascii(", \"properties\": {\"name\": ")
        string(p.name)
        ascii(", \"type\": ")
        string(p.typeID)
        ascii(", \"items\": [")
        for (i, item) in p.itemIDs.enumerated() {
            if i > 0 { ascii(", ") }
            string(item)
        }
        ascii("], \"subdistrict\": ")
        optionalString(p.subdistrictCode)
        if let v = p.community { ascii(", \"community\": "); string(v) }
        if let v = p.address { ascii(", \"address\": "); string(v) }
        if let v = p.phone { ascii(", \"phone\": "); string(v) }
        if let v = p.hours { ascii(", \"hours\": "); string(v) }
        if let v = p.sourceDatum { ascii(", \"source_datum\": "); string(v.rawValue) }
        if let v = p.sourceCoordinate { ascii(", \"source_coordinates\": "); coordinate(v) }
        ascii(", \"provenance\": ")
        string(p.provenance.kind)
        if let source = p.provenance.sourceID { ascii(", \"source\": "); string(source) }
        if let v = p.note { ascii(", \"note\": "); string(v) }
        if let o = p.origin {
            ascii(", \"imported\": {\"file\": ")
            string(o.file)
            if let sheet = o.sheet { ascii(", \"sheet\": "); string(sheet) }
            if let row = o.row { ascii(", \"row\": "); int(row) }
            ascii(", \"date\": ")
            string(o.date)
            bytes.append(0x7D)
        }
        ascii("}}")
    }
}
