/// The source entry a mapping declares for the records it imports (`[source]` in the TOML).
public struct SourceDeclaration: Sendable, Hashable {
    public var id: String
    public var title: String
    public var origin: String
    public var licence: String
    public var snapshot: String
    public var reliability: String?
    public var note: String?

    public init(id: String, title: String, origin: String, licence: String, snapshot: String,
                reliability: String? = nil, note: String? = nil) {
        self.id = id
        self.title = title
        self.origin = origin
        self.licence = licence
        self.snapshot = snapshot
        self.reliability = reliability
        self.note = note
    }
}
