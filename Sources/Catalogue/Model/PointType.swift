/// A kind of service point (社康中心, 幼儿园 …) and the domain it mainly belongs to.
public struct PointType: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var nameEnglish: String
    public var domainID: String

    public init(id: String, name: String, nameEnglish: String, domainID: String) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.domainID = domainID
    }
}
