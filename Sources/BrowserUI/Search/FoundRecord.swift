/// One name-search hit: which record, the title to show, and which characters matched.
public struct FoundRecord: Sendable, Hashable {
    public var kind: RecordKind
    public var id: String
    public var title: String
    /// Matched character offsets in `title` (Character indices, half-open), drawn highlighted.
    public var highlights: [Range<Int>]
    /// When the hit matched another field than the name (an address, a code), that field's text.
    public var detail: String?

    public init(kind: RecordKind, id: String, title: String, highlights: [Range<Int>], detail: String? = nil) {
        self.kind = kind
        self.id = id
        self.title = title
        self.highlights = highlights
        self.detail = detail
    }
}
