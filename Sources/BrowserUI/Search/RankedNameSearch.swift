import Catalogue

/// The catalogue's ranked Chinese and pinyin search (`SearchIndex`) as the browser's name search.
public struct RankedNameSearch: NameSearching {
    public let index: SearchIndex

    /// Wraps an index; build it from the compiled catalogue's stored keys so start-up stays fast.
    public init(index: SearchIndex) {
        self.index = index
    }

    public func search(_ query: String, limit: Int) -> [FoundRecord] {
        index.search(query, limit: limit).map { hit in
            let kind: RecordKind
            switch hit.kind {
            case .domain: kind = .domain
            case .item: kind = .item
            case .point: kind = .point
            case .standard: kind = .standard
            }
            let onTitle = hit.field == .name
            return FoundRecord(kind: kind, id: hit.id, title: hit.title, highlights: onTitle ? hit.ranges : [],
                               detail: onTitle ? nil : hit.matchedText)
        }
    }
}
