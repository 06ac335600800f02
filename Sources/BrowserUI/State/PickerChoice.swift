/// One choice in a picker: what it reads and what choosing it does.
struct PickerChoice: Sendable, Hashable {
    enum Action: Sendable, Hashable {
        case origin(NearbyOrigin)
        case filter(NearbyFilter)
    }

    var title: String
    /// A short kind label shown dim at the right (地铁站, 街道 …).
    var kind: String
    var action: Action
}
