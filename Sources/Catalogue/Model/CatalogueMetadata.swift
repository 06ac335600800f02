/// What a catalogue says about itself: name, version, datum and the counts it declares.
public struct CatalogueMetadata: Hashable, Sendable {
    /// A number of records of each kind.
    public struct Counts: Hashable, Sendable {
        public var domains: Int
        public var items: Int
        public var futianItems: Int
        public var points: Int
        public var standards: Int

        public init(domains: Int, items: Int, futianItems: Int, points: Int, standards: Int) {
            self.domains = domains
            self.items = items
            self.futianItems = futianItems
            self.points = points
            self.standards = standards
        }
    }

    public var name: String
    public var nameEnglish: String
    public var district: String
    public var districtCode: String
    public var version: String
    public var coordinateDatum: String
    public var notes: String
    /// The number of records of each kind the files hold (validation checks them).
    public var counts: Counts
    /// The figures the district published (143 items, 2082 points, 881 texts for Futian), kept
    /// apart once an import has made `counts` the real counts; nil when `counts` are the published ones.
    public var publishedCounts: Counts?

    /// The published figures: `publishedCounts` when recorded apart, else the declared counts.
    public var published: Counts { publishedCounts ?? counts }

    public init(name: String, nameEnglish: String, district: String, districtCode: String,
                version: String, coordinateDatum: String, notes: String, counts: Counts, publishedCounts: Counts? = nil) {
        self.name = name
        self.nameEnglish = nameEnglish
        self.district = district
        self.districtCode = districtCode
        self.version = version
        self.coordinateDatum = coordinateDatum
        self.notes = notes
        self.counts = counts
        self.publishedCounts = publishedCounts
    }
}
