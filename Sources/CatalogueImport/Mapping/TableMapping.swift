import Geodesy

/// How one file (or some of its sheets) becomes records: which column is which field, what kind of
/// record each row is, and the datum of its coordinates (`[[table]]` in the TOML).
public struct TableMapping: Sendable, Hashable {
    /// The file's name (without folders) this table describes.
    public var file: String
    /// The sheets to read; nil reads every sheet.
    public var sheets: [String]?
    public var kind: RecordKind
    /// The 1-based header row; nil finds it below the title rows.
    public var headerRow: Int?
    /// The datum of the coordinates; nil when the file has none.
    public var datum: Datum?
    /// The order inside a combined coordinate column.
    public var combinedOrder: CombinedOrder
    /// The point type of every row, when the file lists one type only.
    public var pointType: String?
    /// True when the file is the complete list of `pointType`: the sample points of that type are removed.
    public var complete: Bool
    /// The column header for each field.
    public var columns: [RecordField: String]
    /// Cell values of the type column and the point type ids they stand for (`[table.types]`).
    public var typeNames: [String: String]

    public init(file: String, sheets: [String]? = nil, kind: RecordKind, headerRow: Int? = nil, datum: Datum? = nil,
                combinedOrder: CombinedOrder = .longitudeFirst, pointType: String? = nil, complete: Bool = false,
                columns: [RecordField: String] = [:], typeNames: [String: String] = [:]) {
        self.file = file
        self.sheets = sheets
        self.kind = kind
        self.headerRow = headerRow
        self.datum = datum
        self.combinedOrder = combinedOrder
        self.pointType = pointType
        self.complete = complete
        self.columns = columns
        self.typeNames = typeNames
    }
}
