import ArgumentParser
import Catalogue

struct DomainsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "domains", abstract: "List the service domains with their item and point counts.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func run() throws {
        let c = try options.open().catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        // The other language's name last: English beside the Chinese, Chinese beside the English.
        var table = TextTable(headers: [lang.pick("编号", "id"), lang.pick("领域", "domain"), lang.pick("事项", "items"),
                                        lang.pick("服务点", "points"), lang.pick("英文名", "Chinese")], rightAligned: [2, 3])
        var rows: [JSONOut] = []
        // A point counts for a domain when any of its items is in it.
        let pointsByDomain = c.pointCountsByDomain()
        for domain in c.domains {
            let items = c.items(inDomain: domain.id)
            let points = pointsByDomain[domain.id] ?? 0
            table.add([domain.id, w.domainName(domain.id), String(items.count), String(points),
                       lang == .en ? domain.name : domain.nameEnglish])
            rows.append(.object([("id", .string(domain.id)), ("name", .string(domain.name)), ("name_en", .string(domain.nameEnglish)),
                                 ("summary", .string(domain.summary)), ("items", .int(items.count)), ("points", .int(points)),
                                 ("provenance", .provenance(domain.provenance))]))
        }
        emit(format, table: table, json: .array(rows))
    }
}
