import ArgumentParser
import Catalogue

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "points", abstract: "List service points, filtered by item, type or subdistrict.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Only points that provide this item (id or exact name).", completion: CatalogueCompletion.items) var item: String?
    @Option(help: "Only points of this type (id such as shekang, or name such as 社康中心).", completion: CatalogueCompletion.pointTypes) var type: String?
    @Option(help: "Only points in this subdistrict (code, 福田街道, 福田 or futian).", completion: CatalogueCompletion.subdistricts) var subdistrict: String?
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        let f = try options.filters(item: item, pointType: type, subdistrict: subdistrict, in: c)
        let points = c.points.filter { p in
            f.itemID.map(p.itemIDs.contains) ?? true
                && f.pointTypeID.map { p.typeID == $0 } ?? true
                && f.subdistrictCode.map { p.subdistrictCode == $0 } ?? true
        }
        var table = TextTable(headers: [lang.pick("编号", "id"), lang.pick("名称", "name"), lang.pick("类型", "type"),
                                        lang.pick("街道", "subdistrict"), lang.pick("社区", "community"),
                                        lang.pick("位置", "location"), lang.pick("数据", "data")])
        for p in points {
            table.add([p.id, p.name, w.typeName(p.typeID), w.subdistrictName(p.subdistrictCode), p.community ?? "",
                       p.location == nil ? lang.pick("未知", "unknown") : w.location(p.location), w.provenance(p.provenance)])
        }
        emit(format, table: table, json: .array(points.map(PointCommand.json)))
    }
}

struct PointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "point", abstract: "Show one service point with its address, hours and provenance.")

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "Point id (such as P0001).") var id: String
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        guard let p = c.point(id) ?? c.points.first(where: { $0.name == id }) else {
            throw CLIError.missing(lang.pick("没有服务点“\(id)”；用 'fuwu points' 或 'fuwu search' 查找", "no point \"\(id)\"; use 'fuwu points' or 'fuwu search' to find one"))
        }
        if format == .json {
            print(Self.json(p).rendered())
            return
        }
        var f = FieldList()
        f.add(lang.pick("编号", "id"), p.id)
        f.add(lang.pick("名称", "name"), p.name)
        f.add(lang.pick("类型", "type"), w.typeName(p.typeID))
        f.add(lang.pick("街道", "subdistrict"), w.subdistrictName(p.subdistrictCode))
        f.add(lang.pick("社区", "community"), p.community)
        f.add(lang.pick("地址", "address"), p.address)
        f.add(lang.pick("电话", "phone"), p.phone)
        f.add(lang.pick("开放时间", "hours"), p.hours)
        var location = w.location(p.location)
        if p.location != nil, let datum = p.sourceDatum, let source = p.sourceCoordinate {
            location += lang.pick("（WGS-84；来源为 \(datum.rawValue) \(String(format: "%.6f,%.6f", source.latitude, source.longitude))）",
                                  " (WGS-84; source gave \(datum.rawValue) \(String(format: "%.6f,%.6f", source.latitude, source.longitude)))")
        }
        f.add(lang.pick("位置", "location"), location)
        f.add(lang.pick("服务事项", "items"), p.itemIDs.map { "\($0) \(c.item($0)?.name ?? "")" }.joined(separator: "\n"))
        if let note = p.note { f.add(lang.pick("备注", "note"), note) }
        f.add(lang.pick("数据来源", "provenance"), w.provenanceDetail(p.provenance))
        print(f.rendered())
    }

    static func json(_ p: ServicePoint) -> JSONOut {
        .object([
            ("id", .string(p.id)), ("name", .string(p.name)), ("type", .string(p.typeID)), ("items", .strings(p.itemIDs)),
            ("subdistrict", .optional(p.subdistrictCode)), ("community", .optional(p.community)), ("address", .optional(p.address)),
            ("phone", .optional(p.phone)), ("hours", .optional(p.hours)), ("location", .coordinate(p.location)),
            ("source_datum", .optional(p.sourceDatum?.rawValue)), ("source_coordinates", .coordinate(p.sourceCoordinate)),
            ("note", .optional(p.note)), ("provenance", .provenance(p.provenance)),
        ])
    }
}
