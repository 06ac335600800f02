/// What a table of a district file lists.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    /// Service points (服务点): one place per row.
    case points
    /// Service items (服务事项): one item per row, with the five columns.
    case items
    /// Standards and guides known by number and title only (标准目录): one text per row.
    case standards
}
