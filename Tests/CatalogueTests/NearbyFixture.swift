import Geodesy
@testable import Catalogue

/// A small in-memory catalogue of a few real places around Futian's civic centre (WGS-84), for
/// nearby and location tests that must not depend on the embedded data.
enum NearbyFixture {
    static let civicCentreStation = GeoCoordinate(latitude: 22.5438202, longitude: 114.056208)

    static func point(_ id: String, _ name: String, type: String, at location: GeoCoordinate?,
                      items: [String] = [], subdistrict: String? = "440304004") -> ServicePoint {
        ServicePoint(id: id, name: name, typeID: type, itemIDs: items, subdistrictCode: subdistrict, community: nil,
                     address: nil, phone: nil, hours: nil, location: location,
                     sourceDatum: location == nil ? nil : .wgs84, sourceCoordinate: location, note: nil, provenance: .sample)
    }

    static func domain(_ id: String, _ name: String) -> Domain {
        Domain(id: id, name: name, nameEnglish: id, summary: "", provenance: .sample)
    }

    static let catalogue: ServiceCatalogue = {
        let metadata = CatalogueMetadata(name: "test", nameEnglish: "test", district: "福田区", districtCode: "440304",
                                         version: "1", coordinateDatum: "WGS-84", notes: "",
                                         counts: .init(domains: 3, items: 2, futianItems: 0, points: 8, standards: 0))
        let domains = [domain("D1", "幼有善育"), domain("D4", "病有良医"), domain("D9", "文化体育保障")]
        let types = [PointType(id: "youeryuan", name: "幼儿园", nameEnglish: "Kindergarten", domainID: "D1"),
                     PointType(id: "shekang", name: "社康中心", nameEnglish: "Community health centre", domainID: "D4"),
                     PointType(id: "tushuguan", name: "图书馆", nameEnglish: "Library", domainID: "D9")]
        let items = [
            ServiceItem(id: "D4-01", domainID: "D4", category: "", name: "基本医疗", recipients: "", content: "", standard: "",
                        funding: "", lead: "", isFutianSpecific: false, pointTypeIDs: ["shekang"], standardIDs: [], provenance: .sample),
            ServiceItem(id: "D9-01", domainID: "D9", category: "", name: "图书借阅", recipients: "", content: "", standard: "",
                        funding: "", lead: "", isFutianSpecific: false, pointTypeIDs: ["tushuguan"], standardIDs: [], provenance: .sample),
        ]
        let origin = civicCentreStation
        let points = [
            point("P0003", "福田图书馆", type: "tushuguan", at: origin.destination(bearingDegrees: 10, distanceMetres: 320), items: ["D9-01"]),
            point("P0001", "市民中心社康", type: "shekang", at: origin.destination(bearingDegrees: 200, distanceMetres: 450), items: ["D4-01"]),
            point("P0002", "岗厦社康", type: "shekang", at: origin.destination(bearingDegrees: 100, distanceMetres: 980), items: ["D4-01"],
                  subdistrict: "440304005"),
            // Two points at exactly the same place: ties are ordered by id.
            point("P0005", "会展中心社康", type: "shekang", at: origin.destination(bearingDegrees: 185, distanceMetres: 1200), items: ["D4-01"]),
            point("P0004", "会展中心图书角", type: "tushuguan", at: origin.destination(bearingDegrees: 185, distanceMetres: 1200), items: ["D9-01"]),
            point("P0006", "莲花山图书馆", type: "tushuguan", at: origin.destination(bearingDegrees: 330, distanceMetres: 2600), items: ["D9-01"]),
            point("P0007", "景田社康", type: "shekang", at: nil, items: ["D4-01"]),
            point("P0008", "香蜜湖图书馆", type: "tushuguan", at: origin.destination(bearingDegrees: 270, distanceMetres: 4800), items: ["D9-01"]),
        ]
        let subdistricts = [
            Subdistrict(code: "440304004", name: "福田街道", pinyin: "futian", communities: ["福田社区", "岗厦社区", "水围社区"],
                        centre: GeoCoordinate(latitude: 22.530582, longitude: 114.064769), centreNote: "derived centroid", provenance: .sample),
            Subdistrict(code: "440304005", name: "香蜜湖街道", pinyin: "xiangmihu", communities: ["香岭社区"],
                        centre: nil, centreNote: nil, provenance: .sample),
        ]
        let landmarks = [
            Landmark(id: "M-shiminzhongxin", name: "市民中心", kind: "metro", lines: ["2", "4"], location: origin,
                     sourceDatum: .gcj02, sourceCoordinate: nil, provenance: .sample),
            Landmark(id: "M-futian", name: "福田", kind: "metro", lines: ["1"],
                     location: GeoCoordinate(latitude: 22.5424838, longitude: 114.0493176),
                     sourceDatum: .gcj02, sourceCoordinate: nil, provenance: .sample),
            Landmark(id: "M-xiangmihu", name: "香蜜湖", kind: "metro", lines: ["1"],
                     location: GeoCoordinate(latitude: 22.5416608, longitude: 114.0335559),
                     sourceDatum: .gcj02, sourceCoordinate: nil, provenance: .sample),
            Landmark(id: "M-huizhanzhongxin", name: "会展中心", kind: "metro", lines: ["1", "4"],
                     location: GeoCoordinate(latitude: 22.537551, longitude: 114.0559787),
                     sourceDatum: .gcj02, sourceCoordinate: nil, provenance: .sample),
        ]
        return ServiceCatalogue(metadata: metadata, sources: [], pointTypes: types, domains: domains, items: items,
                                points: points, standards: [], subdistricts: subdistricts, landmarks: landmarks)
    }()
}
