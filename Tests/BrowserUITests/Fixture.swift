import Catalogue
import Geodesy
@testable import BrowserUI

/// A small in-memory catalogue so the UI tests never read data/ and stay stable.
enum Fixture {
    struct Bodies: StandardBodySource {
        var texts: [String: String]
        func body(ofStandard id: String) throws -> String {
            guard let text = texts[id] else { throw Missing(id: id) }
            return text
        }
        struct Missing: Error, CustomStringConvertible {
            var id: String
            var description: String { "no body for \(id)" }
        }
    }

    static let guideBody = """
    # 家庭医生签约服务指南

    ## 1 适用范围

    本指南适用于福田区居民申请家庭医生签约服务。签约对象包括辖区常住居民，优先覆盖老年人、孕产妇、儿童、慢性病患者等重点人群。

    ## 2 服务对象

    辖区内常住居民（含非户籍人口）。

    ## 3 服务内容

    - 基本医疗服务：常见病、多发病的诊疗和健康咨询，以及合理用药指导、转诊预约。
    - 公共卫生服务：建立健康档案，提供慢性病随访管理。

    ## 4 办理材料

    1. 居民身份证或社会保障卡；
    2. 《家庭医生签约服务协议书》。

    ## 5 服务流程

    ### 5.1 申请

    居民到社区健康服务中心或通过“健康深圳”应用提出签约申请，工作人员当场审核材料。

    ### 5.2 签约

    医生团队与居民确认服务包，双方签订协议（一年一签），签约后即可预约家庭医生。

    ## 6 咨询电话

    0755-12345678（工作日 9:00-18:00）
    """

    static let standardBody = """
    # 国家基本公共卫生服务规范

    ## 1 范围

    本规范规定了城乡基层医疗卫生机构为居民免费提供的基本公共卫生服务项目的服务对象、内容、流程、要求、工作指标及服务记录表等。

    ## 2 服务要求

    Basic public health services shall be provided free of charge to all residents, regardless of household registration.
    """

    static func catalogue(pointName: String = "福田社区健康服务中心（市民中心）") -> ServiceCatalogue {
        let reference = Provenance.reference(source: "futian-list")
        let metadata = CatalogueMetadata(
            name: "福田区基本公共服务清单", nameEnglish: "Futian basic public services", district: "福田区",
            districtCode: "440304", version: "test", coordinateDatum: "WGS-84", notes: "",
            counts: .init(domains: 4, items: 5, futianItems: 1, points: 6, standards: 2))
        let sources = [SourceInfo(id: "futian-list", title: "福田区基本公共服务清单", origin: "福田区人民政府",
                                  licence: "public", datum: "GCJ-02", snapshot: "2024-06-01", reliability: nil, note: nil)]
        let types = [
            PointType(id: "health-centre", name: "社区健康服务中心", nameEnglish: "Community health centre", domainID: "D04"),
            PointType(id: "kindergarten", name: "幼儿园", nameEnglish: "Kindergarten", domainID: "D01"),
            PointType(id: "library", name: "图书馆", nameEnglish: "Library", domainID: "D09"),
        ]
        let domains = [
            Domain(id: "D01", name: "幼有善育", nameEnglish: "Childcare", summary: "婴幼儿照护与学前教育", provenance: reference),
            Domain(id: "D02", name: "学有优教", nameEnglish: "Education", summary: "义务教育", provenance: reference),
            Domain(id: "D04", name: "病有良医", nameEnglish: "Health care", summary: "公共卫生与基本医疗", provenance: reference),
            Domain(id: "D09", name: "文化体育保障", nameEnglish: "Culture and sport", summary: "公共文化体育", provenance: reference),
        ]
        let items = [
            ServiceItem(id: "I0101", domainID: "D01", category: "婴幼儿照护", name: "普惠托育服务",
                        recipients: "3岁以下婴幼儿家庭", content: "提供全日托、半日托和临时托育服务。", standard: "按省定标准执行",
                        funding: "区财政", lead: "区卫生健康局", isFutianSpecific: true,
                        pointTypeIDs: ["kindergarten"], standardIDs: [], provenance: .sample),
            ServiceItem(id: "I0201", domainID: "D02", category: "义务教育", name: "义务教育免费提供教科书",
                        recipients: "义务教育阶段学生", content: "免费提供国家规定课程教科书。", standard: "",
                        funding: "中央、省、市、区财政分担", lead: "区教育局", isFutianSpecific: false,
                        pointTypeIDs: [], standardIDs: [], provenance: reference),
            ServiceItem(id: "I0401", domainID: "D04", category: "基本公共卫生服务", name: "家庭医生签约服务",
                        recipients: "辖区常住居民，重点为老年人、孕产妇、儿童和慢性病患者",
                        content: "为签约居民提供基本医疗、公共卫生和约定的健康管理服务，包括健康评估、慢性病随访、转诊预约和用药指导。",
                        standard: "签约服务覆盖率不低于国家要求，重点人群签约率逐年提高。",
                        funding: "市、区财政按规定分担", lead: "区卫生健康局", isFutianSpecific: false,
                        pointTypeIDs: ["health-centre"], standardIDs: ["S1", "S2"], provenance: reference),
            ServiceItem(id: "I0402", domainID: "D04", category: "基本公共卫生服务", name: "预防接种服务",
                        recipients: "0-6岁儿童及其他重点人群", content: "免费接种国家免疫规划疫苗。", standard: "按国家免疫规划执行",
                        funding: "中央、省、市、区财政分担", lead: "区卫生健康局", isFutianSpecific: false,
                        pointTypeIDs: ["health-centre"], standardIDs: ["S2"], provenance: reference),
            ServiceItem(id: "I0901", domainID: "D09", category: "公共文化", name: "公共图书馆免费开放",
                        recipients: "全体居民", content: "图书借阅、阅览和数字资源免费开放。", standard: "每周开放不少于56小时",
                        funding: "区财政", lead: "区文化广电旅游体育局", isFutianSpecific: false,
                        pointTypeIDs: ["library"], standardIDs: [], provenance: reference),
        ]
        let civicCentre = GeoCoordinate(latitude: 22.5431, longitude: 114.0579)
        let points = [
            ServicePoint(id: "P1", name: pointName, typeID: "health-centre", itemIDs: ["I0401", "I0402"],
                         subdistrictCode: "440304001", community: "福中社区", address: "福田区福中三路市民中心B区",
                         phone: "0755-88880001", hours: "周一至周日 8:00-17:30",
                         location: GeoCoordinate(latitude: 22.5440, longitude: 114.0590), sourceDatum: .gcj02,
                         sourceCoordinate: GeoCoordinate(latitude: 22.5410, longitude: 114.0640), note: nil, provenance: reference),
            ServicePoint(id: "P2", name: "莲花北社区健康服务中心", typeID: "health-centre", itemIDs: ["I0401"],
                         subdistrictCode: "440304002", community: "莲花北社区", address: "福田区莲花路2008号",
                         phone: nil, hours: nil, location: GeoCoordinate(latitude: 22.5520, longitude: 114.0560),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: .sample),
            ServicePoint(id: "P3", name: "香蜜湖社区健康服务中心", typeID: "health-centre", itemIDs: ["I0401", "I0402"],
                         subdistrictCode: nil, community: nil, address: "福田区香蜜湖路", phone: "0755-88880003",
                         hours: nil, location: nil, sourceDatum: nil, sourceCoordinate: nil, note: "来源未给出坐标",
                         provenance: reference),
            ServicePoint(id: "P4", name: "福田区第一幼儿园", typeID: "kindergarten", itemIDs: ["I0101"],
                         subdistrictCode: "440304001", community: "福中社区", address: "福田区福中一路",
                         phone: nil, hours: nil, location: GeoCoordinate(latitude: 22.5450, longitude: 114.0550),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: .sample),
            ServicePoint(id: "P5", name: "深圳图书馆", typeID: "library", itemIDs: ["I0901"],
                         subdistrictCode: "440304001", community: "福中社区", address: "福田区福中一路2001号",
                         phone: "0755-83455300", hours: "9:00-21:00",
                         location: GeoCoordinate(latitude: 22.5465, longitude: 114.0600),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: reference),
            ServicePoint(id: "P6", name: "梅林社区健康服务中心", typeID: "health-centre", itemIDs: ["I0401"],
                         subdistrictCode: "440304002", community: "梅林社区", address: "福田区梅林路",
                         phone: nil, hours: nil, location: GeoCoordinate(latitude: 22.5700, longitude: 114.0500),
                         sourceDatum: .wgs84, sourceCoordinate: nil, note: nil, provenance: reference),
        ]
        let standards = [
            StandardText(id: "S1", code: "FT/ZN 001-2024", title: "家庭医生签约服务指南", kind: .guide, level: .district,
                         issued: "2024-01-01", effective: nil, itemIDs: ["I0401"], provenance: reference),
            StandardText(id: "S2", code: "WS/T 001-2017", title: "国家基本公共卫生服务规范", kind: .standard, level: .national,
                         issued: "2017-02-28", effective: nil, itemIDs: ["I0401", "I0402"], provenance: reference),
        ]
        let subdistricts = [
            Subdistrict(code: "440304001", name: "福田街道", pinyin: "futian", communities: ["福中社区"],
                        centre: GeoCoordinate(latitude: 22.5400, longitude: 114.0600), centreNote: nil, provenance: reference),
            Subdistrict(code: "440304002", name: "莲花街道", pinyin: "lianhua", communities: ["莲花北社区", "梅林社区"],
                        centre: GeoCoordinate(latitude: 22.5500, longitude: 114.0500), centreNote: nil, provenance: reference),
        ]
        let landmarks = [
            Landmark(id: "M1", name: "市民中心", kind: "metro", lines: ["2", "4"], location: civicCentre,
                     sourceDatum: .wgs84, sourceCoordinate: nil, provenance: reference),
        ]
        func rectangle(_ south: Double, _ west: Double, _ north: Double, _ east: Double) -> Boundary {
            Boundary(polygons: [[[GeoCoordinate(latitude: south, longitude: west), GeoCoordinate(latitude: south, longitude: east),
                                  GeoCoordinate(latitude: north, longitude: east), GeoCoordinate(latitude: north, longitude: west),
                                  GeoCoordinate(latitude: south, longitude: west)]]])
        }
        // A 3 km × 4.4 km district; 莲花街道's polygon leaves a strip in the north-east unassigned.
        let polygons = [
            SubdistrictBoundary(code: "440304001", name: "福田街道", area: rectangle(22.535, 114.04, 22.55, 114.07), note: nil, provenance: reference),
            SubdistrictBoundary(code: "440304002", name: "莲花街道", area: rectangle(22.55, 114.04, 22.575, 114.065), note: nil, provenance: reference),
        ]
        return ServiceCatalogue(metadata: metadata, sources: sources, pointTypes: types, domains: domains, items: items,
                                points: points, standards: standards, subdistricts: subdistricts, landmarks: landmarks,
                                boundary: rectangle(22.535, 114.04, 22.575, 114.07), subdistrictBoundaries: polygons)
    }

    /// Tuesday 2026-12-01 10:00 in Shenzhen: the clock every fixture browser reads.
    static let tuesdayTen: Int64 = 1_796_090_400

    static func context(pointName: String = "福田社区健康服务中心（市民中心）", userState: (any UserStateStore)? = nil,
                        now: Int64 = tuesdayTen) -> BrowserContext {
        BrowserContext(catalogue: catalogue(pointName: pointName),
                       bodies: Bodies(texts: ["S1": guideBody, "S2": standardBody]), userState: userState, now: { now })
    }

    static func state(width: Int = 80, height: Int = 24, language: InterfaceLanguage = .chinese,
                      pointName: String = "福田社区健康服务中心（市民中心）", userState: (any UserStateStore)? = nil,
                      now: Int64 = tuesdayTen, hyperlinks: Bool = false) -> BrowserState {
        BrowserState(context: context(pointName: pointName, userState: userState, now: now),
                     options: BrowserOptions(language: language, hyperlinks: hyperlinks), width: width, height: height)
    }
}
