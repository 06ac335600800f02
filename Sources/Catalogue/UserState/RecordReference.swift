/// A catalogue record a user can star or open: an item, a service point or a standard text.
public struct RecordReference: Sendable, Hashable {
    /// The kinds of record that can be starred and are kept in history.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case item, point, standard

        /// The Chinese word for the kind.
        public var chineseName: String {
            switch self {
            case .item: return "事项"
            case .point: return "服务点"
            case .standard: return "标准"
            }
        }
    }

    public var kind: Kind
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The record's title in a catalogue, or nil when the catalogue no longer has it.
    public func title(in catalogue: ServiceCatalogue) -> String? {
        switch kind {
        case .item: return catalogue.item(id)?.name
        case .point: return catalogue.point(id)?.name
        case .standard: return catalogue.standard(id)?.title
        }
    }
}
