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
    /// name (the records' own strings, shared with them, or — for a point the merge spooled —
    /// read back from the spool when the entry is asked for), the kind, and the origin as its
    /// file, sheet and date (one copy per table) and its row: thirteen bytes a spooled point.
    /// The entries of spooled points read from the spool only while it is there
    /// (`AddedPointSpool.remove()` ends it).
    public struct EntryList: RandomAccessCollection, Sendable, Equatable {
        var kinds: [RecordKind] = []
        /// Per entry: the index of its id and name in `ids` and `names`, or, with `spooledFlag`,
        /// the place of its point in `spool`.
        var places: [UInt32] = []
        var ids: [String] = []
        var names: [String] = []
        var spool: AddedPointSpool?
        static let spooledFlag: UInt32 = 1 << 31
        /// Per entry: 0 for no origin, else 1 + the index of its file, sheet and date in `origins`.
        var originIndexes: [UInt32] = []
        var rows = RowColumn()
        var origins: [ImportOrigin] = []
        var originIndex: [ImportOrigin: UInt32] = [:]

        public init() {}

        public init(_ entries: [Entry]) {
            for entry in entries { append(entry) }
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { places.count }

        public subscript(position: Int) -> Entry {
            var origin: ImportOrigin?
            if originIndexes[position] > 0 {
                origin = origins[Int(originIndexes[position]) - 1]
                origin?.row = rows[position]
            }
            let place = places[position]
            guard place & Self.spooledFlag != 0 else {
                return Entry(kind: kinds[position], id: ids[Int(place)], name: names[Int(place)], origin: origin)
            }
            let point = spool?.point(at: Int(place & ~Self.spooledFlag))
            return Entry(kind: kinds[position], id: point?.id ?? "", name: point?.name ?? "", origin: origin)
        }

        public mutating func append(_ entry: Entry) {
            places.append(UInt32(ids.count))
            ids.append(entry.id)
            names.append(entry.name)
            append(kind: entry.kind, origin: entry.origin)
        }

        /// The entry of the point `spool` holds at `index` (its id and name are read from there).
        mutating func append(spooledPoint index: Int, of spool: AddedPointSpool, origin: ImportOrigin?) {
            precondition(self.spool == nil || self.spool === spool, "one spool per entry list")
            precondition(index >= 0 && index < Int(Self.spooledFlag), "a spool of more than 2^31 points")
            self.spool = spool
            places.append(Self.spooledFlag | UInt32(index))
            append(kind: .points, origin: origin)
        }

        mutating func append(kind: RecordKind, origin: ImportOrigin?) {
            kinds.append(kind)
            guard var source = origin else {
                originIndexes.append(0)
                rows.append(nil)
                return
            }
            rows.append(source.row)
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
