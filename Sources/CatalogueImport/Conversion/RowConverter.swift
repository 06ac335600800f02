import Catalogue
import Foundation
import Geodesy

/// Turns the rows of one table (below its header) into records of the kind its mapping names,
/// or into a rejection that says which row and why.
public final class RowConverter {
    /// What became of one row.
    public enum Outcome: Sendable, Equatable {
        /// Every cell blank: skipped without a word.
        case blank
        case record(ImportedRow)
        case rejected(ImportProblem)
    }

    public let table: TableMapping
    /// The path as the user gave it.
    public let path: String
    public let sheet: String?
    let context: ImportContext
    let columns: [RecordField: Int]
    /// Point types by id, name and English name, and the table's own cell names.
    let typeIDs: [String: String]
    let itemIDs: [String: String]
    let subdistrictCodes: [String: String]
    /// The items each point type provides, in catalogue order (a row without an items column gets them all).
    let itemsByType: [String: [String]]
    /// The fields every row of the table fills: its columns, and the type when the mapping fixes it.
    let provided: Set<RecordField>
    /// The file's name as origins record it.
    let fileName: String

    /// The columns of `table` in `row` when it is the header row (every mapped header present), else nil.
    public static func columns(in row: SourceRow, of table: TableMapping) -> [RecordField: Int]? {
        var positions: [String: Int] = [:]
        for (index, cell) in row.cells.enumerated() {
            let key = CellText.headerKey(cell)
            if !key.isEmpty && positions[key] == nil { positions[key] = index }
        }
        var result: [RecordField: Int] = [:]
        for (field, header) in table.columns {
            guard let index = positions[CellText.headerKey(header)] else { return nil }
            result[field] = index
        }
        return result
    }

    /// A converter for the rows below a header; throws when the mapping cannot work for this table.
    public init(table: TableMapping, path: String, sheet: String?, columns: [RecordField: Int], context: ImportContext) throws(ImportProblem) {
        self.table = table
        self.path = path
        self.sheet = sheet
        self.columns = columns
        self.context = context
        let c = context.catalogue
        var types: [String: String] = [:]
        for t in c.pointTypes {
            for key in [t.id, t.name, t.nameEnglish] where !key.isEmpty { types[CellText.headerKey(key)] = t.id }
        }
        for (cell, id) in table.typeNames {
            guard c.pointType(id) != nil else {
                throw ImportProblem(file: path, sheet: sheet, reason: "[table.types] maps \"\(cell)\" to \"\(id)\", which is not a point type of the catalogue; use one of \(c.pointTypes.map(\.id).joined(separator: ", "))")
            }
            types[CellText.headerKey(cell)] = id
        }
        typeIDs = types
        var items: [String: String] = [:]
        for i in c.items { items[CellText.headerKey(i.name)] = i.id }
        for i in c.items { items[CellText.headerKey(i.id)] = i.id }
        itemIDs = items
        var codes: [String: String] = [:]
        for s in c.subdistricts {
            codes[s.code] = s.code
            codes[CellText.headerKey(s.name)] = s.code
            if s.name.hasSuffix("街道") { codes[CellText.headerKey(String(s.name.dropLast(2)))] = s.code }
        }
        subdistrictCodes = codes
        var byType: [String: [String]] = [:]
        for item in c.items { for type in item.pointTypeIDs { byType[type, default: []].append(item.id) } }
        itemsByType = byType
        var provided = Set(columns.keys)
        if table.pointType != nil { provided.insert(.type) }
        self.provided = provided
        fileName = (path as NSString).lastPathComponent
        if let type = table.pointType, c.pointType(type) == nil {
            throw ImportProblem(file: path, sheet: sheet, reason: "point_type \"\(type)\" is not a point type of the catalogue; use one of \(c.pointTypes.map(\.id).joined(separator: ", "))")
        }
        if table.kind == .points && table.pointType == nil && columns[.type] == nil {
            throw ImportProblem(file: path, sheet: sheet, reason: "the mapping gives neither point_type nor a type column; say what kind of place each row is")
        }
        let hasCoordinates = columns[.coordinates] != nil || columns[.longitude] != nil || columns[.latitude] != nil
        if hasCoordinates && table.datum == nil {
            throw ImportProblem(file: path, sheet: sheet, reason: "the mapping declares no datum for its coordinates; add datum = \"GCJ-02\" (Amap, Tencent), \"BD-09\" (Baidu) or \"WGS-84\" (GPS), or pass --datum")
        }
        if (columns[.longitude] == nil) != (columns[.latitude] == nil) {
            throw ImportProblem(file: path, sheet: sheet, reason: "the mapping gives a \(columns[.longitude] == nil ? "latitude" : "longitude") column without its partner; map both, or one combined coordinates column")
        }
    }

    /// The cell of a field, trimmed; "" when the field is not mapped or the row is short.
    func cell(_ field: RecordField, _ row: SourceRow) -> String {
        guard let index = columns[field], index < row.cells.count else { return "" }
        // One-line fields: a line break inside a cell (Alt+Enter in Excel) becomes a space.
        let text = row.cells[index]
        // A line feed or carriage return byte is always one of these three characters.
        let flat = text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
            ? text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { CellText.trimmed(String($0)) }.joined(separator: " ")
            : text
        return CellText.trimmed(flat)
    }

    func optional(_ field: RecordField, _ row: SourceRow) -> String? {
        let text = cell(field, row)
        return text.isEmpty ? nil : text
    }

    /// Converts one row.
    public func convert(_ row: SourceRow) -> Outcome {
        if row.cells.allSatisfy({ CellText.trimmed($0).isEmpty }) { return .blank }
        let origin = ImportOrigin(file: fileName, sheet: row.sheet ?? sheet, row: row.row, date: context.date)
        do throws(Rejection) {
            let provenance = try rowProvenance(row)
            let recordOrigin = try rowOrigin(row, default: origin)
            let record: ImportedRecord
            switch table.kind {
            case .points: record = .point(try point(row, provenance: provenance, origin: recordOrigin))
            case .items: record = .item(try item(row, provenance: provenance, origin: recordOrigin))
            case .standards:
                let (text, body) = try standard(row, provenance: provenance, origin: recordOrigin)
                record = .standard(text, body: body)
            }
            let draftingBody = table.kind == .standards ? optional(.draftingBody, row) : nil
            if let reason = RecordLimits.problem(record, draftingBody: draftingBody) { throw Rejection(reason: reason) }
            return .record(ImportedRow(record: record, origin: origin, provided: provided,
                                       completeType: table.complete ? table.pointType : nil, draftingBody: draftingBody))
        } catch {
            return .rejected(ImportProblem(file: path, sheet: row.sheet ?? sheet, row: row.row, reason: error.reason))
        }
    }

    /// A reason a row is rejected.
    struct Rejection: Error { var reason: String }

    func header(_ field: RecordField) -> String { table.columns[field] ?? field.rawValue }

    func required(_ field: RecordField, _ row: SourceRow) throws(Rejection) -> String {
        let text = cell(field, row)
        if text.isEmpty { throw Rejection(reason: "the \(field.rawValue) (column \"\(header(field))\") is empty") }
        return text
    }

    func rowProvenance(_ row: SourceRow) throws(Rejection) -> Provenance {
        guard columns[.provenance] != nil else { return context.provenance }
        let kind = cell(.provenance, row)
        let source = optional(.source, row)
        guard let provenance = Provenance(kind: kind, source: source) else {
            throw Rejection(reason: "provenance \"\(kind)\" with source \"\(source ?? "")\" is not one of official or reference (with a source) or sample")
        }
        if let id = provenance.sourceID, context.catalogue.source(id) == nil {
            throw Rejection(reason: "source \"\(id)\" is not a source of the catalogue")
        }
        return provenance
    }

    func rowOrigin(_ row: SourceRow, default origin: ImportOrigin) throws(Rejection) -> ImportOrigin? {
        guard columns[.importedFile] != nil else { return origin }
        guard let file = optional(.importedFile, row) else { return nil }
        let date = cell(.importedDate, row)
        guard CellText.isoDate(date) == date else { throw Rejection(reason: "the import date \"\(date)\" is not a date written YYYY-MM-DD") }
        let rowText = cell(.importedRow, row)
        let number = Int(rowText)
        if !rowText.isEmpty && number == nil { throw Rejection(reason: "the import row \"\(rowText)\" is not a whole number") }
        return ImportOrigin(file: file, sheet: optional(.importedSheet, row), row: number, date: date)
    }

    // MARK: - Points

    func point(_ row: SourceRow, provenance: Provenance, origin: ImportOrigin?) throws(Rejection) -> ServicePoint {
        let c = context.catalogue
        let name = try required(.name, row)
        let typeID: String
        if columns[.type] != nil, let cellType = optional(.type, row) {
            guard let id = typeIDs[CellText.headerKey(cellType)] else {
                throw Rejection(reason: "the type \"\(cellType)\" is not a point type of the catalogue; map it under [table.types] to one of \(c.pointTypes.map(\.id).joined(separator: ", "))")
            }
            typeID = id
        } else if let fixed = table.pointType {
            typeID = fixed
        } else {
            throw Rejection(reason: "the type (column \"\(header(.type))\") is empty")
        }
        var items: [String] = []
        if let listed = optional(.items, row) {
            for entry in CellText.list(listed) {
                guard let id = itemIDs[CellText.headerKey(entry)] else {
                    throw Rejection(reason: "the service item \"\(entry)\" is not an item of the catalogue (give its id, e.g. D4-01, or its exact name)")
                }
                guard c.item(id)?.pointTypeIDs.contains(typeID) == true else {
                    throw Rejection(reason: "item \(id) is not provided by points of type \(typeID) (its point_types do not list it)")
                }
                if !items.contains(id) { items.append(id) }
            }
        } else {
            items = itemsByType[typeID] ?? []
        }
        if items.isEmpty {
            throw Rejection(reason: "no item of the catalogue is provided by points of type \(typeID), so the point would serve nothing; list its items in a column")
        }
        // Coordinates as the source gave them, then WGS-84.
        var sourceCoordinate: GeoCoordinate?
        do {
            if columns[.coordinates] != nil {
                sourceCoordinate = try SourceCoordinate.read(combined: cell(.coordinates, row), order: table.combinedOrder)
            } else if columns[.longitude] != nil {
                sourceCoordinate = try SourceCoordinate.read(longitude: cell(.longitude, row), latitude: cell(.latitude, row))
            }
        } catch {
            throw Rejection(reason: error.text)
        }
        var location: GeoCoordinate?
        var datum: Datum?
        if let source = sourceCoordinate, let mappingDatum = table.datum {
            datum = mappingDatum
            location = SourceCoordinate.wgs84(source, from: mappingDatum)
        }
        // An exported catalogue carries the source's own datum and values beside the WGS-84 location.
        if columns[.sourceDatum] != nil {
            let name = cell(.sourceDatum, row)
            if name.isEmpty {
                datum = nil
                sourceCoordinate = nil
            } else {
                guard let d = Datum(rawValue: name) ?? Datum(loose: name) else {
                    throw Rejection(reason: "the source datum \"\(name)\" is not WGS-84, GCJ-02 or BD-09")
                }
                datum = d
                do {
                    sourceCoordinate = try SourceCoordinate.read(longitude: cell(.sourceLongitude, row), latitude: cell(.sourceLatitude, row))
                } catch {
                    throw Rejection(reason: "source coordinates: \(error.text)")
                }
            }
        }
        if let location, !c.boundary.polygons.isEmpty, !c.boundary.contains(location) {
            let distance = c.boundary.distanceToEdgeMetres(location)
            if distance > CatalogueLoader.boundaryToleranceMetres {
                throw Rejection(reason: "the location lies \(Int(distance.rounded())) m outside the district boundary once converted from \(table.datum?.rawValue ?? "its datum"); check the datum and the coordinate columns")
            }
        }
        var note = optional(.note, row)
        var subdistrict: String?
        if let cellText = optional(.subdistrict, row) {
            guard let code = subdistrictCodes[cellText] ?? subdistrictCodes[CellText.headerKey(cellText)] else {
                throw Rejection(reason: "the subdistrict \"\(cellText)\" is not one of the district's: \(c.subdistricts.map(\.name).joined(separator: ", "))")
            }
            subdistrict = code
        } else if columns[.subdistrict] == nil, let location {
            subdistrict = c.subdistrictBoundary(containing: location)?.code
        }
        var community = optional(.community, row)
        if let name = community, let code = subdistrict, let known = c.subdistrict(code), !known.communities.contains(name) {
            let remark = "社区（源数据）：\(name)"
            note = note.map { "\($0)；\(remark)" } ?? remark
            community = nil
        } else if community != nil && subdistrict == nil {
            let remark = "社区（源数据）：\(community ?? "")"
            note = note.map { "\($0)；\(remark)" } ?? remark
            community = nil
        }
        return ServicePoint(id: optional(.id, row) ?? "", name: name, typeID: typeID, itemIDs: items, subdistrictCode: subdistrict,
                            community: community, address: optional(.address, row), phone: optional(.phone, row),
                            hours: optional(.hours, row), location: location,
                            sourceDatum: datum, sourceCoordinate: sourceCoordinate, note: note, provenance: provenance, origin: origin)
    }

    // MARK: - Items

    func item(_ row: SourceRow, provenance: Provenance, origin: ImportOrigin?) throws(Rejection) -> ServiceItem {
        let c = context.catalogue
        let name = try required(.name, row)
        let domainText = try required(.domain, row)
        guard let domain = c.domains.first(where: { $0.id == domainText || $0.name == domainText || $0.nameEnglish == domainText }) else {
            throw Rejection(reason: "the domain \"\(domainText)\" is not one of the catalogue's: \(c.domains.map(\.name).joined(separator: ", "))")
        }
        var types: [String] = []
        for entry in CellText.list(cell(.pointTypes, row)) {
            guard let id = typeIDs[CellText.headerKey(entry)] else {
                throw Rejection(reason: "the point type \"\(entry)\" is not a point type of the catalogue")
            }
            if !types.contains(id) { types.append(id) }
        }
        if types.isEmpty { throw Rejection(reason: "the item lists no point types (column \"\(header(.pointTypes))\"); name at least one type of place that provides it") }
        let futianText = cell(.futian, row)
        guard let futian = CellText.flag(futianText) else {
            throw Rejection(reason: "the Futian flag \"\(futianText)\" is not 是 or 否")
        }
        return ServiceItem(id: optional(.id, row) ?? "", domainID: domain.id, category: try required(.category, row), name: name,
                           recipients: try required(.recipients, row), content: try required(.content, row),
                           standard: try required(.standard, row), funding: try required(.funding, row), lead: try required(.lead, row),
                           isFutianSpecific: futian, pointTypeIDs: types, standardIDs: CellText.list(cell(.standards, row)),
                           provenance: provenance, note: optional(.note, row), origin: origin)
    }

    // MARK: - Standards

    func standard(_ row: SourceRow, provenance: Provenance, origin: ImportOrigin?) throws(Rejection) -> (StandardText, String) {
        let title = try required(.title, row)
        let code = optional(.code, row) ?? StandardConversion.uncoded
        var dates: [String?] = []
        for field in [RecordField.issued, .effective] {
            let text = cell(field, row)
            if text.isEmpty { dates.append(nil); continue }
            guard let date = CellText.isoDate(text) else {
                throw Rejection(reason: "the \(field.rawValue) date \"\(text)\" is not a date (write 2022-12-28)")
            }
            dates.append(date)
        }
        let kindText = cell(.kind, row)
        guard let kind = kindText.isEmpty ? .standard : StandardConversion.kind(kindText) else {
            throw Rejection(reason: "the kind \"\(kindText)\" is neither standard (标准) nor guide (服务指南)")
        }
        let levelText = cell(.level, row)
        guard let level = levelText.isEmpty ? StandardConversion.level(ofCode: code) : StandardConversion.level(levelText) else {
            throw Rejection(reason: "the level \"\(levelText)\" is not one of national, industry, guangdong, shenzhen, district")
        }
        var body = StandardConversion.titleOnlyBody
        if let index = columns[.body] { body = index < row.cells.count ? row.cells[index] : "" }
        let text = StandardText(id: optional(.id, row) ?? "", code: code, title: title, kind: kind, level: level,
                                issued: dates[0], effective: dates[1], itemIDs: CellText.list(cell(.items, row)),
                                provenance: provenance, origin: origin)
        return (text, body)
    }
}
