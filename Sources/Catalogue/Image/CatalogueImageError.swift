/// Why stored catalogue bytes could not be read back.
public enum CatalogueImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name or title a record that does not decode is shown with (a point, a standard text),
    /// in place of a crash or a wrong record.
    static let damagedRecordTitle = "（启动文件中的记录损坏：请运行 fuwu build）"

    /// The bytes end before the values they announce.
    case truncated
    /// A value is out of range or contradicts another.
    case malformed(String)
    /// A block of the bytes fails its checksum (found when it is first read).
    case damagedBlock

    public var description: String {
        switch self {
        case .truncated: return "the compiled catalogue image is truncated"
        case .malformed(let what): return "the compiled catalogue image is malformed (\(what))"
        case .damagedBlock: return "a block of the compiled catalogue image fails its checksum"
        }
    }
}
