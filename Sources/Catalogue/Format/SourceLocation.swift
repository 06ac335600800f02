/// A place in a catalogue source file: file path relative to the catalogue folder, 1-based line
/// and column (columns count characters), and a JSON path where one applies.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String?

    public init(file: String, line: Int, column: Int = 0, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column` (column left out when unknown), then the JSON path in brackets.
    public var description: String {
        var text = line > 0 ? "\(file):\(line)" : file
        if line > 0 && column > 0 { text += ":\(column)" }
        if let path { text += " (\(path))" }
        return text
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

extension SourceLocation {
    /// Where a JSON value stands in `file`, with its own path unless another is given.
    init(file: String, node: JSONNode, path: String? = nil) {
        let (line, column) = node.position
        self.init(file: file, line: line, column: column, path: path ?? node.path)
    }
}
