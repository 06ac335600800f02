import CatalogueImport

/// An in-memory table for tests: rows of cells, optionally in named sheets.
struct TestTable: TableSource {
    var path: String
    var sheets: [(name: String?, rows: [[String]])]

    init(path: String, rows: [[String]]) {
        self.path = path
        sheets = [(nil, rows)]
    }

    init(path: String, sheets: [(name: String?, rows: [[String]])]) {
        self.path = path
        self.sheets = sheets
    }

    func sheetNames() throws(ImportProblem) -> [String?] { sheets.map(\.name) }

    func forEachRow(sheets names: [String]?, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem) {
        for sheet in sheets where names == nil || names!.contains(sheet.name ?? "") {
            for (index, cells) in sheet.rows.enumerated() {
                try body(SourceRow(sheet: sheet.name, row: index + 1, cells: cells))
            }
        }
    }
}
