/// Which side wins when an imported record and an existing one of other provenance disagree (`--prefer`).
public enum ConflictPreference: String, Sendable, Hashable, CaseIterable {
    /// The imported record replaces the existing one's fields.
    case new
    /// The existing record stays as it is.
    case old
}
