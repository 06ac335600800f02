import Catalogue

/// What an import does to a catalogue, record by record: the `--dry-run` report, and the catalogue
/// that a real run writes.
public struct ImportPlan: Sendable {
    /// A record named in the plan.
    public struct Entry: Sendable, Equatable {
        public var kind: RecordKind
        public var id: String
        public var name: String
        /// Where the imported row stood; nil for records that were not read (removed samples).
        public var origin: ImportOrigin?

        public init(kind: RecordKind, id: String, name: String, origin: ImportOrigin?) {
            self.kind = kind
            self.id = id
            self.name = name
            self.origin = origin
        }
    }

    /// One field of a record whose value an import changes.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: String
        public var new: String
    }

    /// A record an import changes, field by field.
    public struct Change: Sendable, Equatable {
        public var entry: Entry
        public var fields: [FieldChange]
        /// For a conflict: which side `--prefer` chose; nil while undecided.
        public var resolution: ConflictPreference?
    }

    public var added: [Entry] = []
    public var changed: [Change] = []
    /// Matches with a record of other provenance that differs from it.
    public var conflicts: [Change] = []
    /// Sample records removed because a complete list replaced their type, or taken over by an imported record.
    public var replacedSamples: [Entry] = []
    public var unchanged: [Entry] = []
    /// Imported points without a location (nothing is geocoded).
    public var unlocated: [Entry] = []
    public var rejected: [ImportProblem] = []
    /// The catalogue after the import, with the bodies of its standard texts.
    public var result: LoadedCatalogue
    /// Source entries the import adds to catalogue.json.
    public var addedSources: [SourceInfo] = []
    /// Which record files the import rewrites.
    public var touchesItems = false
    public var touchesPoints = false
    /// Standard ids whose file the import writes.
    public var writtenStandards: Set<String> = []

    /// Conflicts that no `--prefer` decided: a real run refuses them.
    public var undecided: [Change] { conflicts.filter { $0.resolution == nil } }

    /// Whether a real run would change any file.
    public var changesCatalogue: Bool {
        !added.isEmpty || !changed.isEmpty || !replacedSamples.isEmpty || conflicts.contains { $0.resolution == .new } || !addedSources.isEmpty
    }
}
