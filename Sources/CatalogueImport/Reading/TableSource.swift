/// A file that holds rows of cells (a workbook or a CSV), read one row at a time so that a
/// million-row file is imported in streaming memory.
public protocol TableSource {
    /// The path as the user gave it, used in every message.
    var path: String { get }
    /// The names of the tables in file order: a workbook's sheets, or one unnamed table.
    func sheetNames() throws(ImportProblem) -> [String?]
    /// Calls `body` with every row of the named sheets (all when `sheets` is nil), title and
    /// header rows included, in order; stops at the first error `body` or the reader throws.
    func forEachRow(sheets: [String]?, _ body: (SourceRow) throws(ImportProblem) -> Void) throws(ImportProblem)
    /// How far `forEachRow` has read, for a progress bar; nil for a reader that cannot tell.
    var position: ReadPosition? { get }
}

extension TableSource {
    /// A reader that cannot tell how far it has read.
    public var position: ReadPosition? { nil }
}
