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

    public var added = EntryList()
    public var changed: [Change] = []
    /// Matches with a record of other provenance that differs from it.
    public var conflicts: [Change] = []
    /// Sample records removed because a complete list replaced their type, or taken over by an imported record.
    public var replacedSamples = EntryList()
    public var unchanged = EntryList()
    /// Imported points without a location (nothing is geocoded).
    public var unlocated = EntryList()
    public var rejected: [ImportProblem] = []
    /// The catalogue after the import, with the bodies of its standard texts. When the merge
    /// spooled the points it added (`spooledPoints`), `result.catalogue.points` are the others
    /// only; the added ones follow them, in the spool's order (`allPoints`).
    public var result: LoadedCatalogue
    /// The points the import added, when they were written to a file instead of kept.
    public var spooledPoints: AddedPointSpool?
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

extension ImportPlan {
    /// Entries of the plan, kept in columns rather than as a million `Entry` values: the id and
    /// name (the records' own strings, shared with them), the kind, and the origin as its file,
    /// sheet and date (one copy per table) and its row.
    public struct EntryList: RandomAccessCollection, Sendable, Equatable {
        var kinds: [RecordKind] = []
        var ids: [String] = []
        var names: [String] = []
        /// Per entry: 0 for no origin, else 1 + the index of its file, sheet and date in `origins`.
        var originIndexes: [UInt32] = []
        var rows: [Int] = []
        var origins: [ImportOrigin] = []
        var originIndex: [ImportOrigin: UInt32] = [:]

        public init() {}

        public init(_ entries: [Entry]) {
            for entry in entries { append(entry) }
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { ids.count }

        public subscript(position: Int) -> Entry {
            var origin: ImportOrigin?
            if originIndexes[position] > 0 {
                origin = origins[Int(originIndexes[position]) - 1]
                origin?.row = rows[position] == Int.min ? nil : rows[position]
            }
            return Entry(kind: kinds[position], id: ids[position], name: names[position], origin: origin)
        }

        public mutating func append(_ entry: Entry) {
            kinds.append(entry.kind)
            ids.append(entry.id)
            names.append(entry.name)
            guard var source = entry.origin else {
                originIndexes.append(0)
                rows.append(Int.min)
                return
            }
            rows.append(source.row ?? Int.min)
            source.row = nil
            if let last = originIndexes.last, last > 0, origins[Int(last) - 1] == source {
                originIndexes.append(last)
            } else if let known = originIndex[source] {
                originIndexes.append(known)
            } else {
                origins.append(source)
                originIndex[source] = UInt32(origins.count)
                originIndexes.append(UInt32(origins.count))
            }
        }

        public static func == (a: EntryList, b: EntryList) -> Bool { a.elementsEqual(b) }
    }
}
