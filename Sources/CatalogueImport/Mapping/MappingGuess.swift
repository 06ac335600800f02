import Catalogue
import Foundation
import Geodesy

/// `fuwu import --guess`: reads a file's headers below its title rows and proposes a mapping for a
/// person to check, with comments on what it could not tell.
public enum MappingGuess {
    /// The proposal: the mapping and the comments written above each table.
    public struct Proposal: Sendable {
        public var mapping: ImportMapping
        /// Comments per table, keyed as `ImportMapping.toml(comments:)` expects.
        public var comments: [String: [String]]

        /// The TOML text.
        public var toml: String { mapping.toml(comments: comments) }
    }

    struct SheetSample {
        var name: String?
        var rows: [SourceRow] = []
    }

    /// Proposes a mapping for the table file at `source`, against the catalogue's types.
    public static func propose(_ source: any TableSource, catalogue: ServiceCatalogue, date: String) throws(ImportProblem) -> Proposal {
        var samples: [SheetSample] = []
        try source.forEachRow(sheets: nil) { (row) throws(ImportProblem) in
            if samples.last.map({ $0.name != row.sheet }) ?? true { samples.append(SheetSample(name: row.sheet)) }
            if samples[samples.count - 1].rows.count < TableImport.headerSearchRows + 50 { samples[samples.count - 1].rows.append(row) }
        }
        let fileName = (source.path as NSString).lastPathComponent
        var tables: [TableMapping] = []
        var comments: [String: [String]] = [:]
        var skipped: [String] = []
        for sample in samples {
            guard let (headerIndex, kind, fields) = header(of: sample) else {
                skipped.append(sample.name ?? fileName)
                continue
            }
            let header = sample.rows[headerIndex]
            let below = Array(sample.rows[(headerIndex + 1)...])
            var notes: [String] = []
            var table = TableMapping(file: fileName, kind: kind)
            for (field, index) in fields { table.columns[field] = CellText.trimmed(header.cells[index]) }
            if headerIndex > 0 { notes.append("header found in row \(header.row), below \(headerIndex) title row(s)") }
            if kind == .points { guessPoints(&table, &notes, header: header, below: below, fields: fields, sample: sample, fileName: fileName, catalogue: catalogue) }
            let unmapped = header.cells.enumerated().filter { index, cell in !fields.values.contains(index) && !CellText.trimmed(cell).isEmpty }
                .map { "\"\(CellText.trimmed($0.element))\"" }
            if !unmapped.isEmpty { notes.append("columns not imported: \(unmapped.joined(separator: ", "))") }
            // Sheets with the same header share one table.
            if let same = tables.firstIndex(where: { $0.columns == table.columns && $0.kind == table.kind && $0.pointType == table.pointType && $0.datum == table.datum }) {
                if let name = sample.name { tables[same].sheets?.append(name) }
                continue
            }
            table.sheets = sample.name.map { [$0] }
            tables.append(table)
            comments[fileName + "|" + (table.sheets?.joined(separator: ",") ?? "")] = notes
        }
        guard !tables.isEmpty else {
            throw ImportProblem(file: source.path, reason: "no header row found in the first \(TableImport.headerSearchRows) rows of any sheet (looked for 名称, 地址, 经度, 纬度, 经纬度, 联系电话 …); write the mapping by hand (see docs/data-format.md)")
        }
        // Comments are keyed by the sheets a table finally covers.
        var keyed: [String: [String]] = [:]
        for (i, table) in tables.enumerated() {
            let first = fileName + "|" + (table.sheets?.first ?? "")
            var notes = comments[first] ?? comments[fileName + "|"] ?? []
            if i == 0 && !skipped.isEmpty { notes.append("skipped (no header): \(skipped.joined(separator: ", "))") }
            if samples.count == 1 || (table.sheets?.count ?? 0) == samples.count { tables[i].sheets = samples.count == 1 ? nil : table.sheets }
            keyed[fileName + "|" + (tables[i].sheets?.joined(separator: ",") ?? "")] = notes
        }
        let stem = (fileName as NSString).deletingPathExtension
        let slug = String(stem.lowercased().unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) ? Character($0) : "-" })
            .split(separator: "-").joined(separator: "-")
        let source = SourceDeclaration(id: "official-" + (slug.isEmpty ? "import" : slug), title: stem,
                                       origin: "file \(fileName) supplied by the district", licence: "the district's own data",
                                       snapshot: date, reliability: "high")
        return Proposal(mapping: ImportMapping(source: source, tables: tables), comments: keyed)
    }

    /// The header row of a sheet: the row among the first ones that names the most fields (two at least).
    static func header(of sample: SheetSample) -> (Int, RecordKind, [RecordField: Int])? {
        var best: (Int, RecordKind, [RecordField: Int])?
        for (index, row) in sample.rows.prefix(TableImport.headerSearchRows).enumerated() {
            let kind = HeaderVocabulary.kind(ofHeader: row.cells)
            let fields = HeaderVocabulary.fields(ofHeader: row.cells, kind: kind)
            let named = kind == .standards ? fields[.title] != nil : fields[.name] != nil
            guard named, fields.count >= 2, fields.count > (best?.2.count ?? 0) else { continue }
            best = (index, kind, fields)
        }
        return best
    }

    static func guessPoints(_ table: inout TableMapping, _ notes: inout [String], header: SourceRow, below: [SourceRow],
                            fields: [RecordField: Int], sample: SheetSample, fileName: String, catalogue: ServiceCatalogue) {
        func column(_ field: RecordField) -> [String] {
            guard let index = fields[field] else { return [] }
            return below.compactMap { index < $0.cells.count ? CellText.trimmed($0.cells[index]) : nil }.filter { !$0.isEmpty }
        }
        let coordinateHeaders = [RecordField.coordinates, .longitude, .latitude].compactMap { fields[$0].map { header.cells[$0] } }
        if !coordinateHeaders.isEmpty {
            let words = coordinateHeaders.joined(separator: " ").lowercased() + " " + fileName.lowercased()
            if words.contains("百度") || words.contains("bd09") || words.contains("bd-09") || words.contains("baidu") {
                table.datum = .bd09
                notes.append("datum BD-09: the headers or the file name say Baidu")
            } else if words.contains("wgs") || words.contains("gps") {
                table.datum = .wgs84
                notes.append("datum WGS-84: the headers or the file name say WGS-84/GPS")
            } else {
                table.datum = .gcj02
                if words.contains("高德") || words.contains("gcj") || words.contains("腾讯") || words.contains("amap") {
                    notes.append("datum GCJ-02: the headers or the file name say Amap/Tencent")
                } else {
                    notes.append("CHECK datum: nothing says which map the coordinates came from; GCJ-02 (Amap, Tencent) assumed — BD-09 for Baidu, WGS-84 for GPS")
                }
            }
        }
        if fields[.coordinates] != nil {
            if let order = SourceCoordinate.guessOrder(column(.coordinates)) {
                table.combinedOrder = order
                notes.append("coordinates are \(order == .longitudeFirst ? "longitude first" : "latitude first") (told from the values: Futian lies near 114.0E, 22.5N)")
            } else {
                notes.append("CHECK coordinate_order: no value told which number comes first")
            }
        }
        if fields[.type] != nil {
            var known: [String: String] = [:]
            for t in catalogue.pointTypes { for k in [t.id, t.name, t.nameEnglish] where !k.isEmpty { known[CellText.headerKey(k)] = t.id } }
            var unknown: [String] = []
            for value in column(.type) where known[CellText.headerKey(value)] == nil && !unknown.contains(value) {
                if let t = catalogue.pointTypes.first(where: { value.contains($0.name) || $0.name.contains(value) }) {
                    table.typeNames[value] = t.id
                } else {
                    unknown.append(value)
                }
            }
            if !unknown.isEmpty {
                notes.append("CHECK types: \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) match no point type; add them under [table.types] (types: \(catalogue.pointTypes.map(\.id).joined(separator: ", ")))")
            }
        } else {
            let titles = sample.rows.prefix(while: { $0.row < header.row }).flatMap(\.cells).joined(separator: " ") + " " + (sample.name ?? "") + " " + fileName
            let names = column(.name)
            // The type most names contain (社康中心 in 福中社康中心), when it is most of them.
            let byNames = catalogue.pointTypes.map { t in (t, names.filter { $0.contains(t.name) || $0.contains(String(t.name.prefix(2)) + "站") }.count) }
                .max { $0.1 < $1.1 }
            if let t = catalogue.pointTypes.sorted(by: { $0.name.count > $1.name.count }).first(where: { titles.contains($0.name) }) {
                table.pointType = t.id
                notes.append("every row is a \(t.name) (\(t.id)), from the title or file name; set complete = true if the file lists all of them")
            } else if let (t, count) = byNames, count * 2 > names.count {
                table.pointType = t.id
                notes.append("CHECK point_type: \(count) of \(names.count) names contain \(t.name), so every row is taken as \(t.id); set complete = true if the file lists all of them")
            } else {
                notes.append("CHECK point_type: no type column and no type named in the title; add point_type = one of \(catalogue.pointTypes.map(\.id).joined(separator: ", "))")
            }
        }
    }
}
