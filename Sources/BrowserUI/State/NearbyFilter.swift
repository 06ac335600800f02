/// What the nearby screen lists: everything, or one domain, item or point type.
public enum NearbyFilter: Sendable, Hashable {
    case none
    case domain(id: String)
    case item(id: String)
    case pointType(id: String)
}
