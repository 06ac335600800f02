import ArgumentParser
import Catalogue
import ChineseText

struct StandardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "standards", abstract: "List standard texts and service guides, optionally of one item.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Only texts of this item (id or exact name).", completion: CatalogueCompletion.items) var item: String?
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        let itemID = try options.filters(item: item, in: c).itemID
        let texts = itemID.map(c.standards(forItem:)) ?? c.standards
        var table = TextTable(headers: [lang.pick("编号", "id"), lang.pick("标准号", "code"), lang.pick("名称", "title"),
                                        lang.pick("类别", "kind"), lang.pick("层级", "level"), lang.pick("事项", "items"),
                                        lang.pick("数据", "data")])
        for t in texts {
            table.add([t.id, t.code, t.title, w.kind(t.kind), w.level(t.level), t.itemIDs.joined(separator: " "), w.provenance(t.provenance)])
        }
        emit(format, table: table, json: .array(texts.map(StandardCommand.json)))
    }
}

struct StandardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "standard", abstract: "Print a standard text or service guide.")

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "Text id (such as S0001) or code (such as 'DB4403/T 236—2022'; spacing and punctuation may differ).") var idOrCode: String
    @Option(help: "Output format: table (the text) or json.") var format: OutputFormat = .table

    func run() throws {
        let opened = try options.open()
        let c = opened.catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        guard let t = c.findStandard(idOrCode) else {
            throw CLIError.missing(lang.pick("没有编号或标准号为“\(idOrCode)”的标准文本；用 'fuwu standards' 查看", "no standard text with id or code \"\(idOrCode)\"; use 'fuwu standards' to list them"))
        }
        let body = try opened.database.body(ofStandard: t.id)
        if format == .json {
            var object = Self.json(t)
            if case .members(var o) = object { o.members.append(("body", JSONOut.string(body))); object = .members(o) }
            print(object.rendered())
            return
        }
        var f = FieldList()
        f.add(lang.pick("编号", "id"), t.id)
        f.add(lang.pick("标准号", "code"), t.code)
        f.add(lang.pick("名称", "title"), t.title)
        f.add(lang.pick("类别", "kind"), w.kind(t.kind))
        f.add(lang.pick("层级", "level"), w.level(t.level))
        f.add(lang.pick("发布日期", "issued"), t.issued)
        f.add(lang.pick("实施日期", "effective"), t.effective)
        f.add(lang.pick("服务事项", "items"), t.itemIDs.map { "\($0) \(c.item($0)?.name ?? "")" }.joined(separator: "\n"))
        f.add(lang.pick("数据来源", "provenance"), w.provenanceDetail(t.provenance))
        if let origin = w.origin(t.origin) { f.add(lang.pick("导入自", "imported from"), origin) }
        print(f.rendered())
        print("")
        print(Sanitiser.text(body.hasSuffix("\n") ? String(body.dropLast()) : body))
    }

    static func json(_ t: StandardText) -> JSONOut {
        .object([
            ("id", .string(t.id)), ("code", .string(t.code)), ("title", .string(t.title)), ("kind", .string(t.kind.rawValue)),
            ("level", .string(t.level.rawValue)), ("issued", .optional(t.issued)), ("effective", .optional(t.effective)),
            ("items", .strings(t.itemIDs)), ("provenance", .provenance(t.provenance)),
        ])
    }
}
