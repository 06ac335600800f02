import ArgumentParser
import Catalogue
import ChineseText
import Foundation

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "points", abstract: "List service points, filtered by item, type or subdistrict.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Only points that provide this item (id or exact name).", completion: CatalogueCompletion.items) var item: String?
    @Option(help: "Only points of this type (id such as shekang, or name such as 社康中心).", completion: CatalogueCompletion.pointTypes) var type: String?
    @Option(help: "Only points in this subdistrict (code, 福田街道, 福田 or futian).", completion: CatalogueCompletion.subdistricts) var subdistrict: String?
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    @Flag(name: .customLong("open-now"), help: "Only points open now (or at --now) by their published hours; unreadable hours never count as open.")
    var openNow = false
    @OptionGroup var clock: ClockOptions

    func run() throws {
        let lang = options.lang
        let time = try clock.time(lang: lang)
        let c = try options.open().catalogue
        let w = Wording(catalogue: c, lang: lang)
        let f = try options.filters(item: item, pointType: type, subdistrict: subdistrict, in: c)
        // Many points publish the same hours: each distinct text is parsed once.
        var statuses: [String: OpenStatus] = [:]
        func status(_ hours: String?) -> OpenStatus {
            guard let hours else { return OpeningHours.status(of: nil, at: time) }
            if let known = statuses[hours] { return known }
            let found = OpeningHours.status(of: hours, at: time)
            statuses[hours] = found
            return found
        }
        let points = c.points.filter { p in
            f.itemID.map(p.itemIDs.contains) ?? true
                && f.pointTypeID.map { p.typeID == $0 } ?? true
                && f.subdistrictCode.map { p.subdistrictCode == $0 } ?? true
                && (!openNow || status(p.hours).isOpen)
        }
        var table = TextTable(headers: [lang.pick("编号", "id"), lang.pick("名称", "name"), lang.pick("类型", "type"),
                                        lang.pick("街道", "subdistrict"), lang.pick("社区", "community"),
                                        lang.pick("位置", "location"), lang.pick("开放", "open now"), lang.pick("数据", "data")])
        for p in points {
            table.add([p.id, p.name, w.typeName(p.typeID), w.subdistrictName(p.subdistrictCode), p.community ?? "",
                       p.location == nil ? lang.pick("未知", "unknown") : w.location(p.location),
                       w.openStatus(status(p.hours)), w.provenance(p.provenance)])
        }
        emit(format, table: table, json: .array(points.map { PointCommand.json($0, at: time) }))
    }
}

struct PointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "point", abstract: "Show one service point with its address, hours and provenance.")

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "Point id (such as P0001).") var id: String
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table
    @Flag(help: "Make the links OSC 8 hyperlinks (also FUWU_HYPERLINKS=1); they are always printed as text too.")
    var hyperlinks = false
    @OptionGroup var clock: ClockOptions

    func run() throws {
        let lang = options.lang
        let time = try clock.time(lang: lang)
        let c = try options.open().catalogue
        let w = Wording(catalogue: c, lang: lang)
        guard let p = c.point(id) ?? c.points.first(where: { $0.name == id }) else {
            throw CLIError.missing(lang.pick("没有服务点“\(id)”；用 'fuwu points' 或 'fuwu search' 查找", "no point \"\(id)\"; use 'fuwu points' or 'fuwu search' to find one"))
        }
        if format == .json {
            print(Self.json(p, at: time, links: true).rendered())
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
        f.add(lang.pick("开放时间", "hours"), w.hours(p.hours, at: time))
        var location = w.location(p.location)
        if p.location != nil, let datum = p.sourceDatum, let source = p.sourceCoordinate {
            location += lang.pick("（WGS-84；来源为 \(datum.rawValue) \(String(format: "%.6f,%.6f", source.latitude, source.longitude))）",
                                  " (WGS-84; source gave \(datum.rawValue) \(String(format: "%.6f,%.6f", source.latitude, source.longitude)))")
        }
        f.add(lang.pick("位置", "location"), location)
        f.add(lang.pick("服务事项", "items"), p.itemIDs.map { "\($0) \(c.item($0)?.name ?? "")" }.joined(separator: "\n"))
        if let note = p.note { f.add(lang.pick("备注", "note"), note) }
        f.add(lang.pick("数据来源", "provenance"), w.provenanceDetail(p.provenance))
        if let origin = w.origin(p.origin) { f.add(lang.pick("导入自", "imported from"), origin) }
        print(f.rendered())
        let links = PointLinks.links(for: p)
        if !links.isEmpty {
            let osc8 = HyperlinkSetting.enabled(flag: hyperlinks)
            print("\n" + lang.pick("链接", "links"))
            let width = links.map { DisplayWidth.of(lang.pick($0.kind.chineseName, $0.kind.englishName)) }.max() ?? 0
            for link in links {
                let label = DisplayWidth.pad(lang.pick(link.kind.chineseName, link.kind.englishName), to: width)
                print("  \(label)  \(osc8 ? HyperlinkSetting.osc8(link.url) : link.url)")
            }
            if links.contains(where: { $0.kind == .amap }) {
                print(lang.pick("  （高德链接用 GCJ-02 坐标，百度用 BD-09，OpenStreetMap 与 geo 用 WGS-84）",
                                "  (the Amap link is in GCJ-02, Baidu in BD-09, OpenStreetMap and geo in WGS-84)"))
            }
        }
    }

    static func json(_ p: ServicePoint, at time: ShenzhenTime, links: Bool = false) -> JSONOut {
        var members: [(String, JSONOut)] = [
            ("id", .string(p.id)), ("name", .string(p.name)), ("type", .string(p.typeID)), ("items", .strings(p.itemIDs)),
            ("subdistrict", .optional(p.subdistrictCode)), ("community", .optional(p.community)), ("address", .optional(p.address)),
            ("phone", .optional(p.phone)), ("hours", .optional(p.hours)), ("location", .coordinate(p.location)),
            ("source_datum", .optional(p.sourceDatum?.rawValue)), ("source_coordinates", .coordinate(p.sourceCoordinate)),
            ("note", .optional(p.note)), ("provenance", .provenance(p.provenance)),
            ("open_now", .openNow(p.hours, at: time)),
        ]
        if links {
            members.append(("links", .array(PointLinks.links(for: p).map {
                .object([("kind", .string($0.kind.rawValue)), ("url", .string($0.url))])
            })))
        }
        return .object(members)
    }
}
