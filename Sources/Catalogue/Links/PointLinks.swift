import Geodesy

/// Builds the links of a service point: Amap in GCJ-02, Baidu in BD-09, OpenStreetMap and a
/// `geo:` URI in WGS-84, and `tel:` for each phone number that can be dialled.
public enum PointLinks {
    /// The links of a point, map links first; none for a point without a location or phone.
    public static func links(for point: ServicePoint) -> [PointLink] {
        var links: [PointLink] = []
        if let location = point.location {
            links.append(amap(location, name: point.name))
            links.append(baidu(location, name: point.name))
            links.append(openStreetMap(location))
            links.append(geo(location))
        }
        if let phone = point.phone {
            links += PhoneNumber.dialable(in: phone).map { PointLink(kind: .tel, url: "tel:\($0)") }
        }
        return links
    }

    /// `https://uri.amap.com/marker?position=LNG,LAT&name=…&coordinate=gaode`, the WGS-84
    /// location converted to GCJ-02, which Amap calls `gaode`.
    public static func amap(_ wgs84: GeoCoordinate, name: String) -> PointLink {
        let gcj = DatumTransform.convert(wgs84, from: .wgs84, to: .gcj02)
        return PointLink(kind: .amap, url: "https://uri.amap.com/marker?position=\(fixed(gcj.longitude)),\(fixed(gcj.latitude))"
                         + "&name=\(percentEncoded(name))&coordinate=gaode&src=fuwu")
    }

    /// `baidumap://map/marker?location=LAT,LNG&coord_type=bd09ll&title=…`, in Baidu's own BD-09.
    public static func baidu(_ wgs84: GeoCoordinate, name: String) -> PointLink {
        let bd = DatumTransform.convert(wgs84, from: .wgs84, to: .bd09)
        return PointLink(kind: .baidu, url: "baidumap://map/marker?location=\(fixed(bd.latitude)),\(fixed(bd.longitude))"
                         + "&coord_type=bd09ll&title=\(percentEncoded(name))&src=fuwu")
    }

    /// The OpenStreetMap page with a marker, in WGS-84.
    public static func openStreetMap(_ wgs84: GeoCoordinate) -> PointLink {
        let lat = fixed(wgs84.latitude), lng = fixed(wgs84.longitude)
        return PointLink(kind: .openStreetMap, url: "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lng)#map=18/\(lat)/\(lng)")
    }

    /// RFC 5870 `geo:LAT,LNG`, whose datum is WGS-84.
    public static func geo(_ wgs84: GeoCoordinate) -> PointLink {
        PointLink(kind: .geo, url: "geo:\(fixed(wgs84.latitude)),\(fixed(wgs84.longitude))")
    }

    /// Six decimals (about 0.1 m), without Foundation.
    static func fixed(_ value: Double) -> String { ResolvedLocation.fixed(value, 6) }

    /// Percent-encodes everything outside RFC 3986's unreserved characters, as UTF-8.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return out
    }
}
