/// Why a row's coordinates could not be read.
public enum CoordinateReason: Error, Sendable, Equatable {
    case incomplete(String), unreadable(String), swapped(String), outside(String)

    /// The reason in one sentence.
    public var text: String {
        switch self {
        case .incomplete(let t), .unreadable(let t), .swapped(let t), .outside(let t): return t
        }
    }
}
