import Catalogue

/// Case-insensitive substring search over the names of domains, items, points and standards.
public struct SubstringNameSearch: NameSearching {
    private struct Entry: Sendable {
        var kind: RecordKind
        var id: String
        var title: String
        var folded: [Character]
    }
    private let entries: [Entry]

    public init(catalogue: ServiceCatalogue) {
        var entries: [Entry] = []
        func add(_ kind: RecordKind, _ id: String, _ title: String) {
            entries.append(Entry(kind: kind, id: id, title: title, folded: Self.fold(title)))
        }
        for domain in catalogue.domains { add(.domain, domain.id, domain.name) }
        for item in catalogue.items { add(.item, item.id, item.name) }
        for point in catalogue.points { add(.point, point.id, point.name) }
        for standard in catalogue.standards { add(.standard, standard.id, standard.title) }
        self.entries = entries
    }

    public func search(_ query: String, limit: Int) -> [FoundRecord] {
        let needle = Self.fold(String(query.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()))
        guard !needle.isEmpty, limit > 0 else { return [] }
        var hits: [FoundRecord] = []
        for entry in entries {
            guard let start = Self.firstIndex(of: needle, in: entry.folded) else { continue }
            hits.append(FoundRecord(kind: entry.kind, id: entry.id, title: entry.title,
                                    highlights: [start..<(start + needle.count)]))
            if hits.count >= limit { break }
        }
        return hits
    }

    /// Lower-cases Latin letters character by character, so offsets stay those of the title.
    static func fold(_ text: String) -> [Character] {
        text.map { c in
            let lower = c.lowercased()
            return lower.count == 1 ? Character(lower) : c
        }
    }

    static func firstIndex(of needle: [Character], in haystack: [Character]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return start
        }
        return nil
    }
}
