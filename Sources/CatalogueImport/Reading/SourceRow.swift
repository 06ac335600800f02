/// One row of a table read from a district file, numbered as a person opening the file would find it.
public struct SourceRow: Sendable, Equatable {
    /// The sheet's name for a workbook; nil for CSV and other one-table files.
    public var sheet: String?
    /// The 1-based row number in the sheet, or the 1-based line on which a CSV record starts.
    public var row: Int
    /// The cells' text, left to right; merged cells repeat their value in every cell they cover.
    public var cells: [String]

    public init(sheet: String?, row: Int, cells: [String]) {
        self.sheet = sheet
        self.row = row
        self.cells = cells
    }
}
