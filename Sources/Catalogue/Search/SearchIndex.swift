import ChineseText

/// The ranked search over a catalogue's domains, items, points and standard texts, built from
/// precomputed search keys (one per distinct field text).
///
/// Ranking, best first: matches of a naming field (name, title, code) that skip nothing; then
/// other fields' (category, point type, address, subdistrict, community) that skip nothing;
/// then naming fields' fuzzy matches; then other fields' fuzzy matches. Within each: the match
/// tier (exact, prefix, word start, substring, full pinyin, initials, fuzzy) and its bonus,
/// then the shorter title, then catalogue order.
public struct SearchIndex: Sendable {
    /// One searchable record.
    struct Record: Sendable {
        var kind: SearchKind
        var id: String
        var title: String
        var titleLength: Int
    }

    let table: SearchKeyTable
    /// Entry → its text.
    let texts: [String]
    /// Entry → its references: `referenceStarts[e]..<referenceStarts[e+1]` in the two arrays below.
    let referenceStarts: [Int32]
    /// Entry → the end of its naming-field references (which come first).
    let referencePrimaryEnds: [Int32]
    let referenceRecords: [Int32]
    let referenceFields: [UInt8]
    let records: [Record]
    /// Record → its kind's position in `SearchKind.allCases`.
    let recordKinds: [UInt8]
    let recordTitleLengths: [Int]

    /// Every distinct text that the index searches, in a stable order; the catalogue compiler
    /// stores a key for each.
    public static func texts(of catalogue: ServiceCatalogue) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        forEachField(of: catalogue) { _, _, text in
            if seen.insert(text).inserted { result.append(text) }
        }
        return result
    }

    /// Builds the index from stored keys; a text without a stored key is compiled here (ICU,
    /// slow), so a complete `keys` keeps this fast.
    public init(catalogue: ServiceCatalogue, keys: [String: SearchKey]) {
        var records: [Record] = []
        records.reserveCapacity(catalogue.domains.count + catalogue.items.count + catalogue.points.count
                                + catalogue.standards.count)
        for d in catalogue.domains { records.append(Record(kind: .domain, id: d.id, title: d.name, titleLength: d.name.count)) }
        for i in catalogue.items { records.append(Record(kind: .item, id: i.id, title: i.name, titleLength: i.name.count)) }
        for p in catalogue.points { records.append(Record(kind: .point, id: p.id, title: p.name, titleLength: p.name.count)) }
        for s in catalogue.standards { records.append(Record(kind: .standard, id: s.id, title: s.title, titleLength: s.title.count)) }

        var entryOf: [String: Int32] = [:]
        var texts: [String] = []
        var references: [[(Int32, UInt8)]] = []
        Self.forEachField(of: catalogue) { record, field, text in
            let entry: Int32
            if let known = entryOf[text] {
                entry = known
            } else {
                entry = Int32(texts.count)
                entryOf[text] = entry
                texts.append(text)
                references.append([])
            }
            references[Int(entry)].append((Int32(record), UInt8(SearchField.allCases.firstIndex(of: field) ?? 0)))
        }
        var transcriber = PinyinTranscriber()
        let orderedKeys = texts.map { keys[$0] ?? transcriber.key(for: $0) }
        // Each entry's references, naming fields first: `primaryEnds[e]` ends those.
        var starts: [Int32] = [0]
        var primaryEnds: [Int32] = []
        var referenceRecords: [Int32] = []
        var referenceFields: [UInt8] = []
        let fields = SearchField.allCases
        for list in references {
            let primary = list.filter { fields[Int($0.1)].isPrimary }
            for (record, field) in primary + list.filter({ !fields[Int($0.1)].isPrimary }) {
                referenceRecords.append(record)
                referenceFields.append(field)
            }
            primaryEnds.append(starts[starts.count - 1] + Int32(primary.count))
            starts.append(Int32(referenceRecords.count))
        }
        self.table = SearchKeyTable(keys: orderedKeys)
        self.texts = texts
        self.referenceStarts = starts
        self.referencePrimaryEnds = primaryEnds
        self.referenceRecords = referenceRecords
        self.referenceFields = referenceFields
        self.records = records
        let kinds = SearchKind.allCases
        self.recordKinds = records.map { UInt8(kinds.firstIndex(of: $0.kind) ?? 0) }
        self.recordTitleLengths = records.map { min($0.titleLength, 0xFFFF) }
    }

    /// Builds the index compiling every key here (tests and synthetic catalogues; the app reads
    /// stored keys instead).
    public init(catalogue: ServiceCatalogue) {
        self.init(catalogue: catalogue, keys: [:])
    }

    /// Calls `body(record, field, text)` for every non-empty searchable field, records numbered
    /// domains, then items, then points, then standards.
    static func forEachField(of catalogue: ServiceCatalogue, _ body: (Int, SearchField, String) -> Void) {
        var record = 0
        func emit(_ field: SearchField, _ text: String?) {
            if let text, !text.isEmpty { body(record, field, text) }
        }
        for d in catalogue.domains {
            emit(.name, d.name)
            record += 1
        }
        for i in catalogue.items {
            emit(.name, i.name)
            emit(.category, i.category)
            record += 1
        }
        for p in catalogue.points {
            emit(.name, p.name)
            emit(.pointType, catalogue.pointType(p.typeID)?.name)
            emit(.address, p.address)
            emit(.subdistrict, p.subdistrictCode.flatMap { catalogue.subdistrict($0)?.name })
            emit(.community, p.community)
            record += 1
        }
        for s in catalogue.standards {
            emit(.name, s.title)
            emit(.code, s.code)
            record += 1
        }
    }

    /// The number of records searched.
    public var recordCount: Int { records.count }

    /// The number of distinct texts searched.
    public var textCount: Int { texts.count }

    /// The best hits for `query`, at most `limit`, of the given kinds (all when nil).
    public func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let folded = SearchQuery(query)
        var scratch = SearchScratch()
        return hits(for: folded, scores: table.scores(for: folded), kinds: kinds, limit: limit, scratch: &scratch)
    }

    /// Ranks the entry scores of one query into hits.
    func hits(for query: SearchQuery, scores: [EntryScore], kinds: Set<SearchKind>?, limit: Int,
              scratch: inout SearchScratch) -> [SearchHit] {
        guard limit > 0, !scores.isEmpty else { return [] }
        let allowed = kinds.map { set in SearchKind.allCases.map { set.contains($0) } } ?? [true, true, true, true]
        // Best (rank, entry, field) per record, found through the entries' references.
        scratch.prepare(records: records.count)
        defer { scratch.clear() }
        // Naming-field matches that skip nothing outrank every other match, so when they alone
        // fill `limit` records the other references (most of them shared texts such as a
        // community's name) need not be visited.
        func visit(_ s: EntryScore, _ range: Range<Int>, group: Int) {
            let entryRank = group << 40 | Int(s.score) << 16
            for r in range {
                let record = Int(referenceRecords[r])
                guard allowed[Int(recordKinds[record])] else { continue }
                let rank = entryRank | (0xFFFF - recordTitleLengths[record])
                let known = scratch.bestRank[record]
                if known >= rank { continue }
                if known == 0 { scratch.touched.append(Int32(record)) }
                scratch.bestRank[record] = rank
                scratch.bestEntry[record] = s.entry
                scratch.bestField[record] = referenceFields[r]
            }
        }
        for s in scores where s.tier != .fuzzy {
            let e = Int(s.entry)
            visit(s, Int(referenceStarts[e])..<Int(referencePrimaryEnds[e]), group: 3)
        }
        if scratch.touched.count < limit {
            for s in scores {
                let e = Int(s.entry)
                let fuzzy = s.tier == .fuzzy
                if fuzzy { visit(s, Int(referenceStarts[e])..<Int(referencePrimaryEnds[e]), group: 1) }
                visit(s, Int(referencePrimaryEnds[e])..<Int(referenceStarts[e + 1]), group: fuzzy ? 0 : 2)
            }
        }
        // Keep the best `limit` in order: rank descending, then catalogue order.
        func better(_ a: Int32, _ b: Int32) -> Bool {
            let ra = scratch.bestRank[Int(a)], rb = scratch.bestRank[Int(b)]
            return ra != rb ? ra > rb : a < b
        }
        var top: [Int32] = []
        top.reserveCapacity(min(limit, scratch.touched.count) + 1)
        if limit > 256 {
            top = Array(scratch.touched.sorted(by: better).prefix(limit))
        } else {
          for record in scratch.touched {
            if top.count == limit, let last = top.last, !better(record, last) { continue }
            var i = top.count
            while i > 0 && better(record, top[i - 1]) { i -= 1 }
            top.insert(record, at: i)
            if top.count > limit { top.removeLast() }
          }
        }
        var hits: [SearchHit] = []
        for record in top {
            let r = Int(record)
            let rec = records[r]
            let entry = Int(scratch.bestEntry[r])
            let match = table.match(query, entry: entry)
            hits.append(SearchHit(kind: rec.kind, id: rec.id, title: rec.title,
                                  field: SearchField.allCases[Int(scratch.bestField[r])], matchedText: texts[entry],
                                  tier: match?.tier ?? .fuzzy, score: scratch.bestRank[r], ranges: match?.ranges ?? []))
        }
        return hits
    }
}
