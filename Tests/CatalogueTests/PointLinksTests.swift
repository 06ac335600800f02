import Foundation
import Geodesy
import Testing
@testable import Catalogue

@Suite struct PointLinksTests {
    /// The published WGS-84 → GCJ-02 transform (wandergis/coordTransform, eviltransform), written
    /// out again here independently of Geodesy, to check the link's coordinates against it.
    static func publishedGCJ02(_ lat: Double, _ lng: Double) -> (lat: Double, lng: Double) {
        let a = 6378245.0, ee = 0.00669342162296594323
        func tLat(_ x: Double, _ y: Double) -> Double {
            var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
            r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
            r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
            r += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
            return r
        }
        func tLng(_ x: Double, _ y: Double) -> Double {
            var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
            r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
            r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
            r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
            return r
        }
        var dLat = tLat(lng - 105.0, lat - 35.0)
        var dLng = tLng(lng - 105.0, lat - 35.0)
        let radLat = lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = sqrt(magic)
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLng = (dLng * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return (lat + dLat, lng + dLng)
    }

    func point(_ lat: Double, _ lng: Double, name: String = "福田区福利中心", phone: String? = nil) -> ServicePoint {
        ServicePoint(id: "P1", name: name, typeID: "t", itemIDs: [], subdistrictCode: nil, community: nil, address: nil,
                     phone: phone, hours: nil, location: GeoCoordinate(latitude: lat, longitude: lng), sourceDatum: nil,
                     sourceCoordinate: nil, note: nil, provenance: .sample)
    }

    func position(_ url: String) throws -> (lng: Double, lat: Double) {
        let query = try #require(url.split(separator: "?").last)
        let value = try #require(query.split(separator: "&").first { $0.hasPrefix("position=") }).dropFirst("position=".count)
        let numbers = value.split(separator: ",").compactMap { Double($0) }
        try #require(numbers.count == 2)
        return (numbers[0], numbers[1])
    }

    @Test func amapLinkGivesThePublishedReferencePointInGCJ02LongitudeFirst() throws {
        // The published reference: WGS-84 116.404,39.915 → GCJ-02 116.41024449916938,39.91640428150164.
        let link = PointLinks.amap(GeoCoordinate(latitude: 39.915, longitude: 116.404), name: "天安门")
        #expect(link.url == "https://uri.amap.com/marker?position=116.410244,39.916404&name=%E5%A4%A9%E5%AE%89%E9%97%A8&coordinate=gaode&src=fuwu")
    }

    @Test(arguments: [(22.5328403, 114.0379318), (22.5431, 114.0579), (22.5171544, 114.0458857), (22.60, 113.90)])
    func amapLinkMatchesThePublishedTransformAcrossShenzhen(lat: Double, lng: Double) throws {
        let expected = Self.publishedGCJ02(lat, lng)
        let (linkLng, linkLat) = try position(PointLinks.amap(GeoCoordinate(latitude: lat, longitude: lng), name: "x").url)
        #expect(abs(linkLat - expected.lat) <= 5e-7)
        #expect(abs(linkLng - expected.lng) <= 5e-7)
    }

    @Test func aLocatedPointGetsAmapBaiduOSMAndGeoLinksInThatOrder() throws {
        let links = PointLinks.links(for: point(22.5431, 114.0579, name: "A&B 中心"))
        #expect(links.map(\.kind) == [.amap, .baidu, .openStreetMap, .geo])
        #expect(links[2].url == "https://www.openstreetmap.org/?mlat=22.543100&mlon=114.057900#map=18/22.543100/114.057900")
        #expect(links[3].url == "geo:22.543100,114.057900")
        let bd = DatumTransform.convert(GeoCoordinate(latitude: 22.5431, longitude: 114.0579), from: .wgs84, to: .bd09)
        #expect(links[1].url == "baidumap://map/marker?location=\(ResolvedLocation.fixed(bd.latitude, 6)),\(ResolvedLocation.fixed(bd.longitude, 6))&coord_type=bd09ll&title=A%26B%20%E4%B8%AD%E5%BF%83&src=fuwu")
        #expect(links.allSatisfy { $0.url.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test(arguments: [
        ("0755-83427453", ["0755-83427453"]), ("83427453", ["0755-83427453"]), ("13422890151", ["13422890151"]),
        ("0755-82897500-840", ["0755-82897500,840"]), ("86-075583504107", ["0755-83504107"]),
        ("0755-075583231629", ["0755-83231629"]), ("0755-75583340895", ["0755-83340895"]),
        ("0755-0755–83986340", ["0755-83986340"]), ("0755-83067950（周一至周日8：30-17：30）", ["0755-83067950"]),
        ("0755-8310499", []), ("886-83301091", []), ("83427453/13422890151", ["0755-83427453", "13422890151"]),
    ])
    func phoneNumbersBecomeTelLinksWithTheShenzhenAreaCode(text: String, numbers: [String]) {
        #expect(PhoneNumber.dialable(in: text) == numbers)
        let links = PointLinks.links(for: point(22.54, 114.05, phone: text)).filter { $0.kind == .tel }
        #expect(links.map(\.url) == numbers.map { "tel:\($0)" })
    }
}
