import Geodesy

/// What `fuwu import` was asked to do, apart from where to write.
public struct ImportRequest: Sendable {
    /// The files as the user gave them.
    public var files: [String]
    public var mapping: ImportMapping?
    /// Overrides every table's datum (`--datum`).
    public var datum: Datum?
    /// `official` (the district's own files) or `reference` (public sources).
    public var provenanceKind: String
    public var prefer: ConflictPreference?
    /// The day of the import, `YYYY-MM-DD`.
    public var date: String

    public init(files: [String], mapping: ImportMapping?, datum: Datum? = nil, provenanceKind: String = "official",
                prefer: ConflictPreference? = nil, date: String) {
        self.files = files
        self.mapping = mapping
        self.datum = datum
        self.provenanceKind = provenanceKind
        self.prefer = prefer
        self.date = date
    }
}
