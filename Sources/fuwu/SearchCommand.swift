import ArgumentParser
import Catalogue
import CatalogueStore
import ChineseText

extension SearchKind: ExpressibleByArgument {}

/// `fuwu search QUERY`: ranked search over names and key fields by hanzi, pinyin, initials or
/// traditional characters, then the standard texts whose body contains the query.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search domains, items, points and standard texts by Chinese, pinyin or initials.",
        discussion: """
        QUERY may be Chinese (社康), full pinyin (shekang), initials (skzx, with zh/ch/sh), a mix \
        (shekzx), traditional characters (社區) or a loosely typed standard code (db4403t236). Name \
        matches come first, then other fields (category, point type, address, subdistrict, \
        community), then standard texts whose body contains QUERY. In JSON, highlights are \
        character offsets into "text".
        """)

    @OptionGroup var options: CatalogueOptions
    @Argument(help: "What to look for.") var query: String
    @Option(help: "Only this kind of record: domain, item, point or standard.") var kind: SearchKind?
    @Option(help: "At most this many results (default 20).") var limit: Int = 20
    @Flag(name: .customLong("no-body"), help: "Do not search the bodies of standard texts.") var noBody = false
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    /// One line of output: a record hit or a body hit.
    struct Row {
        var kind: SearchKind
        var id: String
        var title: String
        var field: String
        var text: String
        var ranges: [Range<Int>]
        var tier: String
        var provenance: Provenance?
    }

    /// Usage checks, reported like every other CLI error (status 64).
    func check() throws {
        let lang = options.lang
        guard limit > 0 else { throw CLIError.usage(lang.pick("--limit 必须大于 0", "--limit must be greater than 0")) }
        guard !SearchQuery(query).isEmpty else {
            if query.allSatisfy(\.isWhitespace) {
                throw CLIError.usage(lang.pick("查询内容为空：请输入汉字、拼音或首字母", "the query is empty: type Chinese, pinyin or initials"))
            }
            throw CLIError.usage(lang.pick("查询“\(query)”中没有可搜索的字符：请输入汉字、拼音、首字母或数字",
                                           "the query \"\(query)\" has no searchable characters: type Chinese, pinyin, initials or digits"))
        }
    }

    func run() throws {
        try check()
        let opened = try options.open()
        let c = opened.catalogue
        let lang = options.lang
        let index = try opened.searchIndex()
        var rows: [Row] = index.search(query, kinds: kind.map { [$0] }, limit: limit).map { hit in
            Row(kind: hit.kind, id: hit.id, title: hit.title, field: hit.field.rawValue, text: hit.matchedText,
                ranges: hit.ranges, tier: hit.tier.name, provenance: provenance(of: hit.kind, hit.id, in: c))
        }
        // A large index checks its blocks as it reads them: damage found now means a rebuild and a rerun.
        try opened.confirmIntact(index)
        if !noBody, kind == nil || kind == .standard, rows.count < limit {
            let found = Set(rows.filter { $0.kind == .standard }.map(\.id))
            let bodies = try SearchBodyIndex(database: opened.database).searchBodies(query, limit: limit + found.count)
            for hit in bodies where !found.contains(hit.standardID) && rows.count < limit {
                rows.append(Row(kind: .standard, id: hit.standardID, title: c.standard(hit.standardID)?.title ?? hit.standardID,
                                field: "body", text: hit.snippet, ranges: hit.ranges, tier: "body",
                                provenance: c.standard(hit.standardID)?.provenance))
            }
        }
        let w = Wording(catalogue: c, lang: lang)
        var table = TextTable(headers: [lang.pick("类别", "kind"), lang.pick("编号", "id"), lang.pick("名称", "title"),
                                        lang.pick("匹配字段", "field"), lang.pick("匹配内容", "match"),
                                        lang.pick("方式", "how"), lang.pick("数据", "data")])
        for row in rows {
            table.add([kindWord(row.kind, lang), row.id, row.title, fieldWord(row.field, lang), Self.marked(row.text, row.ranges),
                       tierWord(row.tier, lang), row.provenance.map(w.provenance) ?? ""])
        }
        if format == .csv {
            // Header in the chosen language, as every CSV; the values stay the stable keys of the JSON.
            var csv = TextTable(headers: [lang.pick("类别", "kind"), lang.pick("编号", "id"), lang.pick("名称", "title"),
                                          lang.pick("匹配字段", "field"), lang.pick("匹配内容", "text"),
                                          lang.pick("高亮", "highlights"), lang.pick("方式", "tier")])
            for row in rows {
                csv.add([row.kind.rawValue, row.id, row.title, row.field, row.text,
                         row.ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: " "), row.tier])
            }
            print(csv.csv())
            return
        }
        emit(format, table: table, json: .array(rows.map(Self.json)))
    }

    static func json(_ row: Row) -> JSONOut {
        .object([
            ("kind", .string(row.kind.rawValue)), ("id", .string(row.id)), ("title", .string(row.title)),
            ("field", .string(row.field)), ("text", .string(row.text)),
            ("highlights", .array(row.ranges.map { .object([("start", .int($0.lowerBound)), ("end", .int($0.upperBound))]) })),
            ("tier", .string(row.tier)),
            ("provenance", row.provenance.map(JSONOut.provenance) ?? .null),
        ])
    }

    /// `text` with each highlighted span in square brackets, for tables.
    static func marked(_ text: String, _ ranges: [Range<Int>]) -> String {
        var out = ""
        for (offset, character) in text.enumerated() {
            if ranges.contains(where: { $0.lowerBound == offset }) { out += "[" }
            out.append(character)
            if ranges.contains(where: { $0.upperBound == offset + 1 }) { out += "]" }
        }
        return out
    }

    private func provenance(of kind: SearchKind, _ id: String, in c: ServiceCatalogue) -> Provenance? {
        switch kind {
        case .domain: return c.domain(id)?.provenance
        case .item: return c.item(id)?.provenance
        case .point: return c.point(id)?.provenance
        case .standard: return c.standard(id)?.provenance
        }
    }

    private func kindWord(_ kind: SearchKind, _ lang: Language) -> String {
        switch kind {
        case .domain: return lang.pick("领域", "domain")
        case .item: return lang.pick("事项", "item")
        case .point: return lang.pick("服务点", "point")
        case .standard: return lang.pick("标准", "standard")
        }
    }

    private func fieldWord(_ field: String, _ lang: Language) -> String {
        switch field {
        case "name": return lang.pick("名称", "name")
        case "code": return lang.pick("标准号", "code")
        case "category": return lang.pick("类别", "category")
        case "point-type": return lang.pick("服务点类型", "point type")
        case "address": return lang.pick("地址", "address")
        case "subdistrict": return lang.pick("街道", "subdistrict")
        case "community": return lang.pick("社区", "community")
        case "body": return lang.pick("正文", "body")
        default: return field
        }
    }

    private func tierWord(_ tier: String, _ lang: Language) -> String {
        switch tier {
        case "exact": return lang.pick("完全一致", "exact")
        case "prefix": return lang.pick("开头", "prefix")
        case "word-start": return lang.pick("词首", "word start")
        case "substring": return lang.pick("包含", "substring")
        case "pinyin": return lang.pick("全拼", "pinyin")
        case "initials": return lang.pick("首字母", "initials")
        case "fuzzy": return lang.pick("跳字", "skipped")
        case "body": return lang.pick("全文", "full text")
        default: return tier
        }
    }
}
