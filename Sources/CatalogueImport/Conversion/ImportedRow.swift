import Catalogue

/// One converted row: the record, where it was read, and which fields the file filled.
public struct ImportedRow: Sendable, Equatable {
    public var record: ImportedRecord
    public var origin: ImportOrigin
    /// The fields the table maps (the others keep a matched record's values).
    public var provided: Set<RecordField>
    /// The point type a complete list replaces, when the table declares one.
    public var completeType: String?
    /// For a standard: the body that drafted or issued it (起草单位), when the file names one. Kept
    /// in the text's front matter (`drafting_body`), not in the model.
    public var draftingBody: String?

    public init(record: ImportedRecord, origin: ImportOrigin, provided: Set<RecordField>, completeType: String? = nil,
                draftingBody: String? = nil) {
        self.record = record
        self.origin = origin
        self.provided = provided
        self.completeType = completeType
        self.draftingBody = draftingBody
    }
}
