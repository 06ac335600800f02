/// Something wrong with a file being imported, located as precisely as the file allows.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it.
    public var file: String
    /// The sheet, for workbooks.
    public var sheet: String?
    /// The 1-based row or line, when the problem has one.
    public var row: Int?
    /// What is wrong and what to do, in one sentence.
    public var reason: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, reason: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.reason = reason
    }

    /// `file:sheet:row: reason`, leaving out the parts the problem does not have.
    public var description: String {
        var location = file
        if let sheet { location += ":\(sheet)" }
        if let row { location += ":\(row)" }
        return "\(location): \(reason)"
    }
}
