/// One of the catalogue's service domains (领域), such as 幼有善育.
public struct Domain: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var nameEnglish: String
    public var summary: String
    public var provenance: Provenance

    public init(id: String, name: String, nameEnglish: String, summary: String, provenance: Provenance) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.summary = summary
        self.provenance = provenance
    }
}
