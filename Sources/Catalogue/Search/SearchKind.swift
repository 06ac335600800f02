/// The kinds of record a search finds, in catalogue order (the last tie-break of the ranking).
public enum SearchKind: String, CaseIterable, Comparable, Sendable {
    case domain, item, point, standard

    public static func < (lhs: SearchKind, rhs: SearchKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
