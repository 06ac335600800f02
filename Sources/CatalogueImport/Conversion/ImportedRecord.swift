import Catalogue

/// A record read from one row of a district file, before it is merged into the catalogue. Its id is
/// empty when the file gives none; `provided` names the fields the file filled, so a merge changes
/// only those.
public enum ImportedRecord: Sendable, Equatable {
    case point(ServicePoint)
    case item(ServiceItem)
    case standard(StandardText, body: String)

    /// The record's id (empty when the file gave none).
    public var id: String {
        switch self {
        case .point(let p): return p.id
        case .item(let i): return i.id
        case .standard(let s, _): return s.id
        }
    }

    /// The record's name or title.
    public var name: String {
        switch self {
        case .point(let p): return p.name
        case .item(let i): return i.name
        case .standard(let s, _): return s.title
        }
    }
}
