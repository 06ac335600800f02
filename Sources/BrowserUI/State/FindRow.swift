/// A row of the name-search results: a group heading or a hit.
enum FindRow: Sendable, Hashable {
    case heading(RecordKind, count: Int)
    case hit(FoundRecord)

    var isHit: Bool { if case .hit = self { return true } else { return false } }
}
