import Catalogue
import CatalogueImport
import ChineseText
import Foundation

/// The plan of an import as text or JSON: what is added, changed field by field, replaced,
/// unchanged, in conflict, unlocated and rejected.
struct ImportPlanOutput {
    /// The most records a section of the text plan lists; `--format json` lists every one.
    static let listedPerSection = 1000

    let plan: ImportPlan
    let target: URL
    let dryRun: Bool
    let lang: Language
    let diagnostics: [Diagnostic]

    /// The plan as `format` asks, ending with a line break.
    func rendered(format: OutputFormat) -> String {
        format == .json ? json().rendered() + "\n" : text()
    }

    static func kindName(_ kind: RecordKind, _ lang: Language) -> String {
        switch kind {
        case .points: return lang.pick("服务点", "point")
        case .items: return lang.pick("事项", "item")
        case .standards: return lang.pick("标准", "standard")
        }
    }

    func entryLine(_ e: ImportPlan.Entry) -> String {
        var line = "  \(Self.kindName(e.kind, lang)) \(e.id)  \(e.name)"
        if let o = e.origin { line += "  (\(o.location))" }
        return Sanitiser.line(line)
    }

    func changeLines(_ c: ImportPlan.Change) -> [String] {
        var lines = [entryLine(c.entry) + (c.resolution.map { lang.pick("  → 采用\($0 == .new ? "新" : "旧")记录", "  → keep \($0.rawValue)") } ?? "")]
        for f in c.fields {
            lines.append(Sanitiser.line("      \(f.field): \(f.old.isEmpty ? "—" : f.old) → \(f.new.isEmpty ? "—" : f.new)"))
        }
        return lines
    }

    func text() -> String {
        let c = plan.result.catalogue
        var out: [String] = []
        let mode = dryRun ? lang.pick("导入计划（试运行，未写入）", "Import plan (dry run, nothing written)")
            : lang.pick("导入", "Import")
        out.append("\(mode): \(target.path)")
        out.append(lang.pick(
            "新增 \(plan.added.count) · 修改 \(plan.changed.count) · 替换样例 \(plan.replacedSamples.count) · 未变 \(plan.unchanged.count) · 冲突 \(plan.conflicts.count) · 无位置 \(plan.unlocated.count) · 拒绝 \(plan.rejected.count)",
            "added \(plan.added.count) · changed \(plan.changed.count) · replaced samples \(plan.replacedSamples.count) · unchanged \(plan.unchanged.count) · conflicts \(plan.conflicts.count) · unlocated \(plan.unlocated.count) · rejected \(plan.rejected.count)"))
        // A section lists its first records only, so that a million-row import does not print a million lines.
        func section<Records: Collection>(_ title: String, _ records: Records, _ lines: (Records.Element) -> [String]) {
            guard !records.isEmpty else { return }
            out.append("")
            out.append(title)
            for record in records.prefix(Self.listedPerSection) { out += lines(record) }
            let more = records.count - Self.listedPerSection
            if more > 0 { out.append(lang.pick("  ……另有 \(more) 条（--format json 列出全部）", "  … and \(more) more (--format json lists every one)")) }
        }
        section(lang.pick("新增", "Added"), plan.added) { [entryLine($0)] }
        section(lang.pick("修改", "Changed"), plan.changed, changeLines)
        section(lang.pick("冲突（与其他来源的记录不同）", "Conflicts (differ from a record of other provenance)"), plan.conflicts, changeLines)
        section(lang.pick("替换的样例", "Replaced samples"), plan.replacedSamples) { [entryLine($0)] }
        section(lang.pick("无位置（未推测位置）", "Unlocated (no location guessed)"), plan.unlocated) { [entryLine($0)] }
        section(lang.pick("拒绝", "Rejected"), plan.rejected) { [Sanitiser.line("  \($0.description)")] }
        section(lang.pick("导入结果的校验错误", "The result does not validate"), Array(diagnostics.prefix(20))) { [Sanitiser.line("  \($0.description)")] }
        out.append("")
        let n = c.metadata.counts
        out.append(lang.pick("导入后：\(n.items) 个事项，\(n.points) 个服务点，\(n.standards) 个标准文本",
                             "after the import: \(n.items) items, \(n.points) points, \(n.standards) texts"))
        if let p = c.metadata.publishedCounts {
            out.append(lang.pick("公布数：\(p.items) 个事项，\(p.points) 个服务点，\(p.standards) 个标准文本（另行记录）",
                                 "published: \(p.items) items, \(p.points) points, \(p.standards) texts (kept apart)"))
        }
        if !plan.changesCatalogue && plan.rejected.isEmpty {
            out.append(lang.pick("目录无需改动。", "nothing to change."))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func entry(_ e: ImportPlan.Entry) -> JSONOut {
        .object([("kind", .string(e.kind.rawValue)), ("id", .string(e.id)), ("name", .string(e.name)),
                 ("file", .optional(e.origin?.file)), ("sheet", .optional(e.origin?.sheet)), ("row", e.origin?.row.map { .int($0) } ?? .null)])
    }

    static func change(_ c: ImportPlan.Change) -> JSONOut {
        .object([("record", entry(c.entry)), ("resolution", .optional(c.resolution?.rawValue)),
                 ("fields", .array(c.fields.map { .object([("field", .string($0.field)), ("old", .string($0.old)), ("new", .string($0.new))]) }))])
    }

    func json() -> JSONOut {
        let n = plan.result.catalogue.metadata
        func counts(_ c: CatalogueMetadata.Counts) -> JSONOut {
            .object([("domains", .int(c.domains)), ("items", .int(c.items)), ("futian_items", .int(c.futianItems)),
                     ("points", .int(c.points)), ("standards", .int(c.standards))])
        }
        return .object([
            ("catalogue", .string(target.path)), ("dry_run", .bool(dryRun)),
            ("added", .array(plan.added.map(Self.entry))), ("changed", .array(plan.changed.map(Self.change))),
            ("conflicts", .array(plan.conflicts.map(Self.change))), ("replaced_samples", .array(plan.replacedSamples.map(Self.entry))),
            ("unchanged", .array(plan.unchanged.map(Self.entry))), ("unlocated", .array(plan.unlocated.map(Self.entry))),
            ("rejected", .array(plan.rejected.map { .object([("file", .string($0.file)), ("sheet", .optional($0.sheet)),
                                                              ("row", $0.row.map { .int($0) } ?? .null), ("reason", .string($0.reason))]) })),
            ("errors", .array(diagnostics.map { .string($0.description) })),
            ("counts", counts(n.counts)), ("published_counts", n.publishedCounts.map(counts) ?? .null),
        ])
    }
}
