/// Where an imported record was read: the file, sheet and row of the district's file, and the day
/// of the import, so that every record can be traced back to its source.
public struct ImportOrigin: Hashable, Sendable {
    /// The file's name as it was imported (without folders).
    public var file: String
    /// The sheet, for workbooks.
    public var sheet: String?
    /// The 1-based row (or line of a CSV record), when the file has rows.
    public var row: Int?
    /// The day of the import, `YYYY-MM-DD`.
    public var date: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, date: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.date = date
    }

    /// `file:sheet:row`, leaving out the parts it does not have.
    public var location: String {
        var text = file
        if let sheet { text += ":\(sheet)" }
        if let row { text += ":\(row)" }
        return text
    }
}
