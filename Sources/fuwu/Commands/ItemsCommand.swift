import ArgumentParser
import Catalogue

struct ItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "items", abstract: "List service items, optionally of one domain.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Only items of this domain (id such as D4, or name such as 病有良医).", completion: CatalogueCompletion.domains) var domain: String?
    @Flag(help: "Only Futian's own (特色) items.") var futian = false
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        var items = try options.filters(domain: domain, in: c).domainID.map(c.items(inDomain:)) ?? c.items
        if futian { items = items.filter(\.isFutianSpecific) }
        var table = TextTable(headers: [lang.pick("编号", "id"), lang.pick("领域", "domain"), lang.pick("类别", "category"),
                                        lang.pick("事项", "item"), lang.pick("福田特色", "Futian"), lang.pick("服务点", "points"),
                                        lang.pick("标准", "texts"), lang.pick("数据", "data")], rightAligned: [5, 6])
        var rows: [JSONOut] = []
        let pointCounts = c.pointCountsByItem()
        for item in items {
            let points = pointCounts[item.id] ?? 0
            table.add([item.id, w.domainName(item.domainID), item.category, item.name, item.isFutianSpecific ? "★" : "",
                       String(points), String(item.standardIDs.count), w.provenance(item.provenance)])
            rows.append(ItemCommand.json(item, points: points))
        }
        emit(format, table: table, json: .array(rows))
    }
}

struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "item", abstract: "Show one service item with all its fields.")

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "Item id (such as D4-01) or exact name.") var id: String
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        guard let item = c.findItem(id) else {
            throw CLIError.missing(lang.pick("没有事项“\(id)”；用 'fuwu items' 或 'fuwu search' 查找", "no item \"\(id)\"; use 'fuwu items' or 'fuwu search' to find one"))
        }
        // Only their number is shown: counted from the stored item-to-points table, no point decoded.
        let pointCount = c.pointIndices(servingItem: item.id).count
        if format == .json {
            print(Self.json(item, points: pointCount).rendered())
            return
        }
        var f = FieldList()
        f.add(lang.pick("编号", "id"), item.id)
        f.add(lang.pick("事项", "item"), item.name)
        f.add(lang.pick("领域", "domain"), "\(item.domainID) \(w.domainName(item.domainID))")
        f.add(lang.pick("类别", "category"), item.category)
        f.add(lang.pick("福田特色", "Futian item"), w.yes(item.isFutianSpecific))
        f.add(lang.pick("服务对象", "recipients"), item.recipients)
        f.add(lang.pick("服务内容", "content"), item.content)
        f.add(lang.pick("服务标准", "standard"), item.standard)
        f.add(lang.pick("支出责任", "funding"), item.funding)
        f.add(lang.pick("牵头负责单位", "lead department"), item.lead)
        f.add(lang.pick("服务点类型", "point types"), item.pointTypeIDs.map(w.typeName).joined(separator: "、"))
        f.add(lang.pick("服务点", "points"), lang.pick("\(pointCount) 个（fuwu points --item \(item.id)）", "\(pointCount) (fuwu points --item \(item.id))"))
        let texts = c.standards(forItem: item.id).map { "\($0.id)  \($0.code)  \($0.title)  [\(w.kind($0.kind))]" }
        f.add(lang.pick("标准与指南", "texts"), texts.isEmpty ? "—" : texts.joined(separator: "\n"))
        f.add(lang.pick("数据来源", "provenance"), w.provenanceDetail(item.provenance))
        if let origin = w.origin(item.origin) { f.add(lang.pick("导入自", "imported from"), origin) }
        print(f.rendered())
    }

    static func json(_ item: ServiceItem, points: Int) -> JSONOut {
        .object([
            ("id", .string(item.id)), ("domain", .string(item.domainID)), ("category", .string(item.category)),
            ("name", .string(item.name)), ("futian", .bool(item.isFutianSpecific)), ("recipients", .string(item.recipients)),
            ("content", .string(item.content)), ("standard", .string(item.standard)), ("funding", .string(item.funding)),
            ("lead", .string(item.lead)), ("point_types", .strings(item.pointTypeIDs)), ("standards", .strings(item.standardIDs)),
            ("points", .int(points)), ("provenance", .provenance(item.provenance)),
        ])
    }
}
