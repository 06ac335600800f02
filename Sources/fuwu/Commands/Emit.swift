import Catalogue
import Geodesy

/// Prints a listing in the chosen format.
func emit(_ format: OutputFormat, table: TextTable, json: @autoclosure () -> JSONOut) {
    switch format {
    case .table: StandardStreams.writeLine(table.renderedUTF8())
    case .json: print(json().rendered())
    case .csv: print(table.csv())
    }
}

/// Shared wording for records in CLI output.
struct Wording {
    let catalogue: ServiceCatalogue
    let lang: Language

    /// `参考` or `样例` (reference / sample): sample data is always marked.
    func provenance(_ p: Provenance) -> String {
        switch p {
        case .official: return lang.pick("官方", "official")
        case .reference: return lang.pick("参考", "reference")
        case .sample: return lang.pick("样例", "sample")
        }
    }

    /// Provenance with the source's title and snapshot date, for record views.
    func provenanceDetail(_ p: Provenance) -> String {
        guard let id = p.sourceID else {
            return lang.pick("样例数据（生成器生成，非官方记录）", "sample data (generated, not an official record)")
        }
        guard let source = catalogue.source(id) else { return id }
        if p.isOfficial {
            return lang.pick("官方数据：\(source.title)（\(source.snapshot)，\(source.licence)）",
                             "official data: \(source.title) (\(source.snapshot), \(source.licence))")
        }
        return lang.pick("参考数据：\(source.title)（\(source.snapshot) 快照，\(source.licence)）",
                         "reference data: \(source.title) (snapshot \(source.snapshot), \(source.licence))")
    }

    /// Where an imported record was read, for record views: `file:sheet:row（导入于 date）`.
    func origin(_ o: ImportOrigin?) -> String? {
        guard let o else { return nil }
        return lang.pick("\(o.location)（\(o.date) 导入）", "\(o.location) (imported \(o.date))")
    }

    /// A domain's name in the chosen language: English with `--lang en` where the catalogue has one.
    func domainName(_ id: String) -> String {
        guard let domain = catalogue.domain(id) else { return id }
        return localised(domain.name, english: domain.nameEnglish)
    }

    /// A point type's name in the chosen language, as `domainName`.
    func typeName(_ id: String) -> String {
        guard let type = catalogue.pointType(id) else { return id }
        return localised(type.name, english: type.nameEnglish)
    }

    /// The English name with `--lang en` when there is one, else the Chinese.
    func localised(_ name: String, english: String) -> String {
        lang == .en && !english.isEmpty ? english : name
    }
    func subdistrictName(_ code: String?) -> String {
        guard let code else { return lang.pick("未知", "unknown") }
        return catalogue.subdistrict(code)?.name ?? code
    }

    func location(_ c: GeoCoordinate?) -> String {
        guard let c else { return lang.pick("位置未知", "location unknown") }
        return DecimalText.fixed6(c.latitude) + "," + DecimalText.fixed6(c.longitude)
    }

    func kind(_ k: StandardText.Kind) -> String {
        switch k {
        case .standard: return lang.pick("标准", "standard")
        case .guide: return lang.pick("服务指南", "service guide")
        }
    }

    func level(_ l: StandardText.Level) -> String {
        switch l {
        case .national: return lang.pick("国家", "national")
        case .industry: return lang.pick("行业", "industry")
        case .guangdong: return lang.pick("广东省", "Guangdong")
        case .shenzhen: return lang.pick("深圳市地方", "Shenzhen local")
        case .district: return lang.pick("区内部规范", "district internal")
        }
    }

    func yes(_ b: Bool) -> String { b ? lang.pick("是", "yes") : lang.pick("否", "no") }
}

extension JSONOut {
    static func provenance(_ p: Provenance) -> JSONOut {
        .object([("kind", .string(p.kind)), ("source", .optional(p.sourceID))])
    }

    static func coordinate(_ c: GeoCoordinate?) -> JSONOut {
        guard let c else { return .null }
        return .object([("lat", .double(c.latitude, decimals: 7)), ("lng", .double(c.longitude, decimals: 7))])
    }
}
