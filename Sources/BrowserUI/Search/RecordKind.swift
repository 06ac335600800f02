/// The kinds of catalogue record the name search can return, in the order results are grouped.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case domain, item, point, standard
}
