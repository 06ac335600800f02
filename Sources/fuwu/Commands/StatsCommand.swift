import ArgumentParser
import Catalogue

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count records by domain, point type, subdistrict and provenance.")

    @OptionGroup var options: CatalogueOptions
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    /// One counted row: official, reference and sample records of a group.
    struct Row {
        var section: String
        var key: String
        var name: String
        var official = 0
        var reference = 0
        var sample = 0
        var total: Int { official + reference + sample }
    }

    func run() throws {
        let opened = try options.open()
        let c = opened.catalogue
        let lang = options.lang
        let w = Wording(catalogue: c, lang: lang)
        func count<T>(_ records: [T], _ provenance: (T) -> Provenance) -> (Int, Int, Int) {
            let sample = records.filter { provenance($0).isSample }.count
            let official = records.filter { provenance($0).isOfficial }.count
            return (official, records.count - sample - official, sample)
        }
        // Points are counted from their tallies: a compiled catalogue has them stored, so stats
        // decodes no point however many there are.
        let tallies = c.pointTallies()
        func points(_ include: (PointTally) -> Bool) -> (Int, Int, Int) {
            var official = 0, reference = 0, sample = 0
            for t in tallies where include(t) {
                switch t.provenance {
                case .official: official += t.count
                case .reference: reference += t.count
                case .sample: sample += t.count
                }
            }
            return (official, reference, sample)
        }
        var rows: [Row] = []
        func add(_ section: String, _ key: String, _ name: String, _ counts: (Int, Int, Int)) {
            rows.append(Row(section: section, key: key, name: name, official: counts.0, reference: counts.1, sample: counts.2))
        }
        let totals = lang.pick("总数", "totals")
        add(totals, "domains", lang.pick("领域", "domains"), count(c.domains, \.provenance))
        add(totals, "items", lang.pick("服务事项", "service items"), count(c.items, \.provenance))
        add(totals, "futian_items", lang.pick("其中福田特色事项", "of which Futian items"), count(c.items.filter(\.isFutianSpecific), \.provenance))
        add(totals, "points", lang.pick("服务点", "service points"), points { _ in true })
        add(totals, "points_located", lang.pick("其中有位置", "of which located"), points(\.isLocated))
        add(totals, "points_unlocated", lang.pick("其中位置未知", "of which location unknown"), points { !$0.isLocated })
        add(totals, "standards", lang.pick("标准文本与服务指南", "standard texts and guides"), count(c.standards, \.provenance))
        let byDomain = lang.pick("按领域（事项）", "items by domain")
        for d in c.domains { add(byDomain, d.id, w.domainName(d.id), count(c.items(inDomain: d.id), \.provenance)) }
        let byType = lang.pick("按类型（服务点）", "points by type")
        for t in c.pointTypes { add(byType, t.id, w.typeName(t.id), points { $0.typeID == t.id }) }
        let bySubdistrict = lang.pick("按街道（服务点）", "points by subdistrict")
        for s in c.subdistricts { add(bySubdistrict, s.code, s.name, points { $0.subdistrictCode == s.code }) }
        add(bySubdistrict, "unknown", lang.pick("街道未知", "unknown"), points { $0.subdistrictCode == nil })
        let hours = lang.pick("开放时间（服务点）", "opening hours (points)")
        add(hours, "with_hours", lang.pick("有开放时间", "with hours"), points { $0.hours != nil })
        add(hours, "parsed", lang.pick("其中可解析（能判断是否开放）", "of which parsed (open now can be told)"),
            points { $0.hours.flatMap(OpeningHours.parse) != nil })
        add(hours, "unparsed", lang.pick("其中无法解析（按原文显示，不算开放）", "of which unparsed (shown as written, never open)"),
            points { $0.hours != nil && $0.hours.flatMap(OpeningHours.parse) == nil })
        add(hours, "no_hours", lang.pick("没有开放时间", "without hours"), points { $0.hours == nil })
        let bySource = lang.pick("按来源（全部记录）", "records by source")
        let others = c.domains.map(\.provenance) + c.items.map(\.provenance) + c.standards.map(\.provenance)
            + c.landmarks.map(\.provenance) + c.subdistricts.map(\.provenance)
        for s in c.sources {
            let records = count(others.filter { $0.sourceID == s.id }, { $0 })
            let cited = points { $0.provenance.sourceID == s.id }
            if records.0 + records.1 + records.2 + cited.0 + cited.1 + cited.2 > 0 {
                add(bySource, s.id, "\(s.title)（\(s.snapshot)）", (records.0 + cited.0, records.1 + cited.1, records.2 + cited.2))
            }
        }

        switch format {
        case .json:
            var sections: [(String, JSONOut)] = []
            for key in ["totals", "domains", "types", "subdistricts", "hours", "sources"] {
                let title = [totals, byDomain, byType, bySubdistrict, hours, bySource][sections.count]
                sections.append((key, .array(rows.filter { $0.section == title }.map { r in
                    .object([("key", .string(r.key)), ("name", .string(r.name)), ("official", .int(r.official)), ("reference", .int(r.reference)),
                             ("sample", .int(r.sample)), ("total", .int(r.total))])
                })))
            }
            let m = c.metadata
            let declared: JSONOut = .object([("domains", .int(m.counts.domains)), ("items", .int(m.counts.items)),
                                             ("futian_items", .int(m.counts.futianItems)), ("points", .int(m.counts.points)),
                                             ("standards", .int(m.counts.standards))])
            let p = m.published
            let published: JSONOut = .object([("domains", .int(p.domains)), ("items", .int(p.items)),
                                              ("futian_items", .int(p.futianItems)), ("points", .int(p.points)),
                                              ("standards", .int(p.standards))])
            print(JSONOut.object([("catalogue", .string(m.name)), ("version", .string(m.version)), ("declared", declared),
                                  ("published", published)] + sections).rendered())
        case .csv:
            var table = TextTable(headers: [lang.pick("分组", "section"), lang.pick("键", "key"), lang.pick("名称", "name"),
                                            lang.pick("官方", "official"), lang.pick("参考", "reference"), lang.pick("样例", "sample"),
                                            lang.pick("合计", "total")])
            for r in rows { table.add([r.section, r.key, r.name, String(r.official), String(r.reference), String(r.sample), String(r.total)]) }
            print(table.csv())
        case .table:
            print("\(c.metadata.name)  \(lang.pick("版本", "version")) \(c.metadata.version)")
            print(lang.pick("“官方”为区里自己的文件导入的数据；“参考”为公开来源的真实数据（2018–2021 年快照为主）；“样例”为生成的示例数据，非官方记录。",
                            "\"official\" records are imported from the district's own files; \"reference\" records come from real public sources (mostly 2018–2021 snapshots); \"sample\" records are generated, not official."))
            let p = c.metadata.published
            print(lang.pick("公布数：\(p.domains) 个领域、\(p.items) 个事项（福田特色 \(p.futianItems) 个）、\(p.points) 个服务点、\(p.standards) 个标准文本",
                            "published figures: \(p.domains) domains, \(p.items) items (\(p.futianItems) Futian items), \(p.points) points, \(p.standards) texts"))
            var section = ""
            var table = TextTable(headers: [])
            func flush() { if !section.isEmpty { print("\n\(section)\n\(table.rendered())") } }
            for r in rows {
                if r.section != section {
                    flush()
                    section = r.section
                    table = TextTable(headers: ["", lang.pick("名称", "name"), lang.pick("官方", "official"), lang.pick("参考", "reference"),
                                                lang.pick("样例", "sample"), lang.pick("合计", "total")], rightAligned: [2, 3, 4, 5])
                }
                table.add([r.key, r.name, String(r.official), String(r.reference), String(r.sample), String(r.total)])
            }
            flush()
        }
    }
}
