/// The field of a record a search hit matched.
public enum SearchField: String, CaseIterable, Sendable {
    /// A domain, item or point name, or a standard's title.
    case name
    /// A standard's code, such as DB4403/T 236—2022.
    case code
    /// An item's category.
    case category
    /// The name of a point's type (社康中心 …).
    case pointType = "point-type"
    case address
    /// The name of a point's 街道.
    case subdistrict
    case community

    /// True for the fields that name the record; their matches rank above the others'.
    public var isPrimary: Bool { self == .name || self == .code }
}
