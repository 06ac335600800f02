/// Why stored catalogue bytes could not be read back.
public enum CatalogueImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes end before the values they announce.
    case truncated
    /// A value is out of range or contradicts another.
    case malformed(String)

    public var description: String {
        switch self {
        case .truncated: return "the compiled catalogue image is truncated"
        case .malformed(let what): return "the compiled catalogue image is malformed (\(what))"
        }
    }
}
