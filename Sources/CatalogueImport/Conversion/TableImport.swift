/// Reads the tables of one file through its mappings: finds each sheet's header below its title
/// rows and converts the rows under it, one at a time.
public enum TableImport {
    /// How far down a sheet the header is looked for.
    public static let headerSearchRows = 50

    /// The records and rejections of a file, in row order.
    public struct Result: Sendable, Equatable {
        public var rows: [ImportedRow] = []
        public var rejected: [ImportProblem] = []
        public init() {}
    }

    /// Reads every table of `mappings` from `source`; `progress` is called with each row number read.
    /// With `each`, every record is handed to it as soon as it is converted and none is kept in
    /// the result (a million-row file is then never held as rows).
    public static func read(_ source: any TableSource, mappings: [TableMapping], context: ImportContext,
                            progress: (Int) -> Void = { _ in }, each: ((ImportedRow) -> Void)? = nil) throws(ImportProblem) -> Result {
        var result = Result()
        for table in mappings {
            var currentSheet: String?? = .none
            var converter: RowConverter?
            var rowsSeen = 0
            func finishSheet() throws(ImportProblem) {
                if case .some(let sheet) = currentSheet, converter == nil, rowsSeen > 0 {
                    throw missingHeader(table, path: source.path, sheet: sheet)
                }
            }
            try source.forEachRow(sheets: table.sheets) { (row) throws(ImportProblem) in
                if currentSheet == nil || currentSheet! != row.sheet {
                    try finishSheet()
                    currentSheet = .some(row.sheet)
                    converter = nil
                    rowsSeen = 0
                }
                rowsSeen += 1
                progress(row.row)
                guard let converter else {
                    if let headerRow = table.headerRow {
                        guard row.row >= headerRow else { return }
                        guard let columns = RowConverter.columns(in: row, of: table) else {
                            throw ImportProblem(file: source.path, sheet: row.sheet, row: row.row,
                                                reason: "the header row has no column \(missingColumns(row, table)); it has \(row.cells.filter { !CellText.trimmed($0).isEmpty }.map { "\"\($0)\"" }.joined(separator: ", "))")
                        }
                        converter = try RowConverter(table: table, path: source.path, sheet: row.sheet, columns: columns, context: context)
                    } else if let columns = RowConverter.columns(in: row, of: table) {
                        converter = try RowConverter(table: table, path: source.path, sheet: row.sheet, columns: columns, context: context)
                    } else if rowsSeen >= headerSearchRows {
                        throw missingHeader(table, path: source.path, sheet: row.sheet)
                    }
                    return
                }
                switch converter.convert(row) {
                case .blank: break
                case .record(let record):
                    if let each { each(record) } else { result.rows.append(record) }
                case .rejected(let problem): result.rejected.append(problem)
                }
            }
            try finishSheet()
            if currentSheet == nil, let sheets = table.sheets, !sheets.isEmpty {
                throw ImportProblem(file: source.path, reason: "the sheets \(sheets.joined(separator: ", ")) hold no rows")
            }
        }
        return result
    }

    static func missingColumns(_ row: SourceRow, _ table: TableMapping) -> String {
        let present = Set(row.cells.map(CellText.headerKey))
        return table.columns.values.sorted().filter { !present.contains(CellText.headerKey($0)) }.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    static func missingHeader(_ table: TableMapping, path: String, sheet: String?) -> ImportProblem {
        ImportProblem(file: path, sheet: sheet, reason: "no header row with the columns \(table.columns.values.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) in its first \(headerSearchRows) rows; check [table.columns] of the mapping or give header_row")
    }
}
