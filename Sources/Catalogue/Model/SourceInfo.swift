/// A public source that records cite, with its licence and the date of its snapshot.
public struct SourceInfo: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var origin: String
    public var licence: String
    public var datum: String?
    public var snapshot: String
    public var reliability: String?
    public var note: String?

    public init(id: String, title: String, origin: String, licence: String, datum: String?,
                snapshot: String, reliability: String?, note: String?) {
        self.id = id
        self.title = title
        self.origin = origin
        self.licence = licence
        self.datum = datum
        self.snapshot = snapshot
        self.reliability = reliability
        self.note = note
    }
}
