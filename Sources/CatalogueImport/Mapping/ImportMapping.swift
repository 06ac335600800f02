import ChineseText
import Foundation
import Geodesy
import TOMLKit

/// A mapping file: the source the records cite and one table mapping per file (see
/// docs/data-format.md, "Loading the district's official data").
public struct ImportMapping: Sendable, Hashable {
    /// The source entry added to catalogue.json; nil derives one from the file names.
    public var source: SourceDeclaration?
    public var tables: [TableMapping]

    public init(source: SourceDeclaration? = nil, tables: [TableMapping]) {
        self.source = source
        self.tables = tables
    }

    /// The table mappings of a file, matched by its name without folders.
    public func tables(forFile path: String) -> [TableMapping] {
        let name = (path as NSString).lastPathComponent
        return tables.filter { $0.file == name }
    }

    /// Reads a mapping from TOML text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(ImportProblem) -> ImportMapping {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ImportProblem(file: file, row: error.source.begin.line, reason: "malformed TOML: \(error.description)")
        } catch {
            throw ImportProblem(file: file, reason: "malformed TOML: \(error)")
        }
        var mapping = ImportMapping(tables: [])
        for key in root.keys where !["source", "table"].contains(key) {
            throw ImportProblem(file: file, reason: "unknown key \"\(key)\"; a mapping has [source] and [[table]] entries")
        }
        if let value = root["source"] {
            guard let s = value.table else { throw ImportProblem(file: file, reason: "[source] must be a table") }
            func text(_ key: String, required: Bool) throws(ImportProblem) -> String? {
                guard let v = s[key] else {
                    if required { throw ImportProblem(file: file, reason: "[source] has no \"\(key)\"; give the source's \(key)") }
                    return nil
                }
                guard let string = v.string, !string.isEmpty else { throw ImportProblem(file: file, reason: "\"\(key)\" of [source] must be a non-empty string") }
                return string
            }
            for key in s.keys where !["id", "title", "origin", "licence", "snapshot", "reliability", "note"].contains(key) {
                throw ImportProblem(file: file, reason: "unknown key \"\(key)\" in [source]; use id, title, origin, licence, snapshot, reliability, note")
            }
            let reliability = try text("reliability", required: false)
            if let reliability, !["low", "medium", "high"].contains(reliability) {
                throw ImportProblem(file: file, reason: "reliability \"\(reliability)\" of [source] must be low, medium or high")
            }
            mapping.source = SourceDeclaration(
                id: try text("id", required: true) ?? "", title: try text("title", required: true) ?? "",
                origin: try text("origin", required: true) ?? "", licence: try text("licence", required: true) ?? "",
                snapshot: try text("snapshot", required: true) ?? "", reliability: reliability, note: try text("note", required: false))
        }
        if let value = root["table"] {
            guard let array = value.array else { throw ImportProblem(file: file, reason: "\"table\" must be written as [[table]] entries") }
            for (index, element) in array.enumerated() {
                guard let t = element.table else { throw ImportProblem(file: file, reason: "[[table]] \(index + 1) must be a table") }
                mapping.tables.append(try table(t, number: index + 1, file: file))
            }
        }
        if mapping.tables.isEmpty {
            throw ImportProblem(file: file, reason: "the mapping has no [[table]]; `fuwu import --guess FILE` writes one to start from")
        }
        return mapping
    }

    private static func table(_ t: TOMLTable, number: Int, file: String) throws(ImportProblem) -> TableMapping {
        let subject = "[[table]] \(number)"
        let known = ["file", "sheets", "kind", "header_row", "datum", "coordinate_order", "point_type", "complete", "columns", "types"]
        for key in t.keys where !known.contains(key) {
            throw ImportProblem(file: file, reason: "unknown key \"\(key)\" in \(subject); use \(known.joined(separator: ", "))")
        }
        func string(_ key: String) throws(ImportProblem) -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string, !s.isEmpty else { throw ImportProblem(file: file, reason: "\"\(key)\" of \(subject) must be a non-empty string") }
            return s
        }
        guard let fileName = try string("file") else {
            throw ImportProblem(file: file, reason: "\(subject) has no \"file\"; name the file it describes")
        }
        let subjectNamed = "\(subject) (\(fileName))"
        let kindName = try string("kind") ?? "points"
        guard let kind = RecordKind(rawValue: kindName) else {
            throw ImportProblem(file: file, reason: "kind \"\(kindName)\" of \(subjectNamed) is unknown; use points, items or standards")
        }
        var mapping = TableMapping(file: fileName, kind: kind)
        if let v = t["sheets"] {
            guard let a = v.array else { throw ImportProblem(file: file, reason: "\"sheets\" of \(subjectNamed) must be a list of sheet names") }
            var names: [String] = []
            for element in a {
                guard let s = element.string else { throw ImportProblem(file: file, reason: "\"sheets\" of \(subjectNamed) must be a list of sheet names") }
                names.append(s)
            }
            mapping.sheets = names
        }
        if let v = t["header_row"] {
            guard let n = v.int, n >= 1 else { throw ImportProblem(file: file, reason: "\"header_row\" of \(subjectNamed) must be a row number from 1") }
            mapping.headerRow = n
        }
        if let name = try string("datum") {
            guard let datum = Datum(loose: name) else {
                throw ImportProblem(file: file, reason: "datum \"\(name)\" of \(subjectNamed) is unknown; use WGS-84, GCJ-02 or BD-09")
            }
            mapping.datum = datum
        }
        if let name = try string("coordinate_order") {
            guard let order = CombinedOrder(rawValue: name.replacingOccurrences(of: " ", with: "")) else {
                throw ImportProblem(file: file, reason: "coordinate_order \"\(name)\" of \(subjectNamed) must be \"lon,lat\" or \"lat,lon\"")
            }
            mapping.combinedOrder = order
        }
        mapping.pointType = try string("point_type")
        if let v = t["complete"] {
            guard let b = v.bool else { throw ImportProblem(file: file, reason: "\"complete\" of \(subjectNamed) must be true or false") }
            mapping.complete = b
        }
        if mapping.complete && mapping.pointType == nil {
            throw ImportProblem(file: file, reason: "\(subjectNamed) says complete = true but names no point_type; say which type the file lists completely")
        }
        if let v = t["columns"] {
            guard let c = v.table else { throw ImportProblem(file: file, reason: "[table.columns] of \(subjectNamed) must be a table of field = \"header\"") }
            let allowed = RecordField.fields(of: kind)
            for key in c.keys {
                guard let field = RecordField(rawValue: key), allowed.contains(field) else {
                    throw ImportProblem(file: file, reason: "unknown field \"\(key)\" in the columns of \(subjectNamed); a \(kind.rawValue) table maps \(allowed.map(\.rawValue).joined(separator: ", "))")
                }
                guard let header = c[key]?.string, !header.isEmpty else {
                    throw ImportProblem(file: file, reason: "column of \"\(key)\" in \(subjectNamed) must be a header text")
                }
                mapping.columns[field] = header
            }
        }
        if let v = t["types"] {
            guard let c = v.table else { throw ImportProblem(file: file, reason: "[table.types] of \(subjectNamed) must be a table of \"cell text\" = \"type id\"") }
            for key in c.keys {
                guard let id = c[key]?.string else { throw ImportProblem(file: file, reason: "type of \"\(key)\" in \(subjectNamed) must be a point type id") }
                mapping.typeNames[key] = id
            }
        }
        let needed: [RecordField] = kind == .standards ? [.title] : [.name]
        for field in needed where mapping.columns[field] == nil {
            throw ImportProblem(file: file, reason: "\(subjectNamed) maps no column to \"\(field.rawValue)\"; add it under [table.columns]")
        }
        return mapping
    }

    /// The mapping as TOML text that `parse` reads back, with comments for the person checking it.
    public func toml(comments: [String: [String]] = [:]) -> String {
        var lines: [String] = ["# fuwu import mapping (see docs/data-format.md, \"Loading the district's official data\")."]
        if let source {
            lines += ["", "[source]"]
            lines.append("id = \(Self.quoted(source.id))")
            lines.append("title = \(Self.quoted(source.title))")
            lines.append("origin = \(Self.quoted(source.origin))")
            lines.append("licence = \(Self.quoted(source.licence))")
            lines.append("snapshot = \(Self.quoted(source.snapshot))")
            if let r = source.reliability { lines.append("reliability = \(Self.quoted(r))") }
            if let n = source.note { lines.append("note = \(Self.quoted(n))") }
        }
        for table in tables {
            lines += ["", "[[table]]"]
            for comment in comments[table.file + "|" + (table.sheets?.joined(separator: ",") ?? "")] ?? [] { lines.append("# \(comment)") }
            lines.append("file = \(Self.quoted(table.file))")
            if let sheets = table.sheets { lines.append("sheets = [\(sheets.map(Self.quoted).joined(separator: ", "))]") }
            lines.append("kind = \(Self.quoted(table.kind.rawValue))")
            if let h = table.headerRow { lines.append("header_row = \(h)") }
            if let d = table.datum { lines.append("datum = \(Self.quoted(d.rawValue))") }
            if table.columns[.coordinates] != nil { lines.append("coordinate_order = \(Self.quoted(table.combinedOrder.rawValue))") }
            if let p = table.pointType { lines.append("point_type = \(Self.quoted(p))") }
            if table.complete { lines.append("complete = true") }
            lines += ["", "[table.columns]"]
            for field in RecordField.fields(of: table.kind) {
                if let header = table.columns[field] { lines.append("\(field.rawValue) = \(Self.quoted(header))") }
            }
            if !table.typeNames.isEmpty {
                lines += ["", "[table.types]"]
                for (cell, id) in table.typeNames.sorted(by: { $0.key < $1.key }) { lines.append("\(Self.quoted(cell)) = \(Self.quoted(id))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        QuotedString.quoted(text, rules: QuotedString.Rules(backspaceAndFormFeedByLetter: false, upperCaseHex: true) {
            $0.value < 0x20 || $0.value == 0x7F
        })
    }
}
