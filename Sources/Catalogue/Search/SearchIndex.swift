import ChineseText
import FlatStorage

/// The ranked search over a catalogue's domains, items, points and standard texts, built from
/// precomputed search keys (one per distinct field text).
///
/// Ranking, best first: matches of a naming field (name, title, code) that skip nothing; then
/// other fields' (category, point type, address, subdistrict, community) that skip nothing;
/// then naming fields' fuzzy matches; then other fields' fuzzy matches. Within each: the match
/// tier (exact, prefix, word start, substring, full pinyin, initials, fuzzy) and its bonus,
/// then the shorter title, then catalogue order.
public struct SearchIndex: Sendable {
    let table: SearchKeyTable
    /// Entry → its text.
    let texts: StringColumn
    /// Entry → its references: `referenceStarts[e]..<referenceStarts[e+1]` in the two arrays below.
    let referenceStarts: FlatArray<Int32>
    /// Entry → the end of its naming-field references (which come first).
    let referencePrimaryEnds: FlatArray<Int32>
    let referenceRecords: FlatArray<Int32>
    let referenceFields: FlatArray<UInt8>
    /// Record → its id and title.
    let recordIDs: StringColumn
    let recordTitles: StringColumn
    /// Record → its kind's position in `SearchKind.allCases`.
    let recordKinds: FlatArray<UInt8>
    /// Record → its title's length in characters, at most 0xFFFF.
    let recordTitleLengths: FlatArray<Int32>
    /// Entry → the best title-length part of a rank its naming references can give.
    let entryBestLengthParts: FlatArray<Int32>
    /// Entry → true when no naming field uses its text, so its matches rank only below naming-field
    /// matches and are scored only when those do not fill the limit.
    let secondaryEntries: FlatArray<Bool>
    /// The compiled section the arrays above are read from in place (nil for an index built here):
    /// its blocks are checked when the index is first searched (`isUsable`).
    let stored: SearchImage?

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
        let recordCount = catalogue.domains.count + catalogue.items.count + catalogue.points.count + catalogue.standards.count
        var ids: [String] = [], titles: [String] = [], kinds: [UInt8] = []
        ids.reserveCapacity(recordCount)
        titles.reserveCapacity(recordCount)
        kinds.reserveCapacity(recordCount)
        func add(_ kind: SearchKind, _ id: String, _ title: String) {
            ids.append(id)
            titles.append(title)
            kinds.append(UInt8(SearchKind.allCases.firstIndex(of: kind) ?? 0))
        }
        for d in catalogue.domains { add(.domain, d.id, d.name) }
        for i in catalogue.items { add(.item, i.id, i.name) }
        for p in catalogue.points { add(.point, p.id, p.name) }
        for s in catalogue.standards { add(.standard, s.id, s.title) }

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
        let lengths = titles.map { Int32(min($0.count, 0xFFFF)) }
        self.init(table: SearchKeyTable(keys: orderedKeys), texts: StringColumn(texts), referenceStarts: FlatArray(starts),
                  referencePrimaryEnds: FlatArray(primaryEnds), referenceRecords: FlatArray(referenceRecords),
                  referenceFields: FlatArray(referenceFields), recordIDs: StringColumn(ids), recordTitles: StringColumn(titles),
                  recordKinds: FlatArray(kinds), recordTitleLengths: FlatArray(lengths),
                  entryBestLengthParts: FlatArray((0..<texts.count).map { e in
                      (Int(starts[e])..<Int(primaryEnds[e])).map { 0xFFFF - lengths[Int(referenceRecords[$0])] }.max() ?? 0
                  }),
                  secondaryEntries: FlatArray((0..<texts.count).map { starts[$0] == primaryEnds[$0] }), stored: nil)
    }

    /// An index from its arrays, built or as stored (`init(image:)`).
    init(table: SearchKeyTable, texts: StringColumn, referenceStarts: FlatArray<Int32>, referencePrimaryEnds: FlatArray<Int32>,
         referenceRecords: FlatArray<Int32>, referenceFields: FlatArray<UInt8>, recordIDs: StringColumn,
         recordTitles: StringColumn, recordKinds: FlatArray<UInt8>, recordTitleLengths: FlatArray<Int32>,
         entryBestLengthParts: FlatArray<Int32>, secondaryEntries: FlatArray<Bool>, stored: SearchImage?) {
        self.table = table
        self.texts = texts
        self.referenceStarts = referenceStarts
        self.referencePrimaryEnds = referencePrimaryEnds
        self.referenceRecords = referenceRecords
        self.referenceFields = referenceFields
        self.recordIDs = recordIDs
        self.recordTitles = recordTitles
        self.recordKinds = recordKinds
        self.recordTitleLengths = recordTitleLengths
        self.entryBestLengthParts = entryBestLengthParts
        self.secondaryEntries = secondaryEntries
        self.stored = stored
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
    public var recordCount: Int { recordKinds.count }

    /// The number of distinct texts searched.
    public var textCount: Int { texts.count }

    /// The best hits for `query`, at most `limit`, of the given kinds (all when nil).
    public func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 50) -> [SearchHit] {
        search(query, kinds: kinds, limit: limit, deferring: true)
    }

    /// `search(_:kinds:limit:)`, optionally scoring every matching text instead of deferring
    /// those the ranking may not need (tests compare the two).
    func search(_ query: String, kinds: Set<SearchKind>?, limit: Int, deferring: Bool) -> [SearchHit] {
        var scratch = SearchScratch()
        var scores: [EntryScore] = []
        var deferred: [Int32] = []
        return hits(for: SearchQuery(query), among: nil, deferring: deferring, scores: &scores, deferred: &deferred,
                    kinds: kinds, limit: limit, scratch: &scratch)
    }

    /// Finds and ranks the matches of `query` among `candidates` (every text when nil) into hits.
    ///
    /// Naming-field matches that skip nothing are ranked while the texts are scanned, keeping the
    /// floor of the `limit` best ranks. With `deferring`, once that floor is set, a text whose best
    /// possible rank (from a bound on its score found without matching; other fields' texts and
    /// matches that skip characters rank below every naming-field match) cannot reach it is not
    /// scored, only listed in `deferred` (see
    /// `SearchKeyTable.scores(for:among:into:lowRanked:deferred:admits:found:)`). On return `scores`
    /// and `deferred` together hold every matching text (the next keystroke's candidates).
    func hits(for query: SearchQuery, among candidates: [Int32]?, deferring: Bool, scores: inout [EntryScore],
              deferred: inout [Int32], kinds: Set<SearchKind>?, limit: Int, scratch: inout SearchScratch) -> [SearchHit] {
        // A stored index is checked when first searched; a damaged one finds nothing (and says
        // so in `foundDamage`, for the caller to rebuild it).
        guard isUsable() else {
            scores.removeAll()
            deferred.removeAll()
            return []
        }
        var allowed = 0
        for (bit, kind) in SearchKind.allCases.enumerated() where kinds?.contains(kind) ?? true { allowed |= 1 << bit }
        // Best (rank, entry, field) per record, found through the entries' references.
        scratch.prepare(records: recordCount)
        defer { scratch.clear() }
        var touched = scratch.touched
        scratch.touched = []
        // Naming-field matches that skip nothing outrank every other match, so when they alone
        // fill `limit` records the other references (most of them shared texts such as a
        // community's name) need not be visited. Unchecked buffers: this loop runs once per
        // matching text, hundreds of thousands of times in a large catalogue.
        let referenceRecords = referenceRecords.buffer, referenceFields = referenceFields.buffer
        let recordKinds = recordKinds.buffer, recordTitleLengths = recordTitleLengths.buffer
        let entryBestLengthParts = entryBestLengthParts.buffer
        scratch.bestRank.withUnsafeMutableBufferPointer { bestRank in
        scratch.bestEntry.withUnsafeMutableBufferPointer { bestEntry in
        scratch.bestField.withUnsafeMutableBufferPointer { bestField in
            var floor = RankFloor(capacity: max(limit, 0))
            func visit(_ s: EntryScore, _ from: Int32, _ to: Int32, group: Int) {
                let entryRank = group << 40 | Int(s.score) << 16
                var r = Int(from)
                while r < Int(to) {
                    defer { r += 1 }
                    let record = Int(referenceRecords[r])
                    guard allowed & (1 << Int(recordKinds[record])) != 0 else { continue }
                    let rank = entryRank | (0xFFFF - Int(recordTitleLengths[record]))
                    let known = bestRank[record]
                    if known >= rank { continue }
                    if known == 0 {
                        touched.append(Int32(record))
                        floor.offer(rank)
                    }
                    bestRank[record] = rank
                    bestEntry[record] = s.entry
                    bestField[record] = referenceFields[r]
                }
            }
            /// False when a naming-field match of entry `e` scoring `score` cannot reach the `limit`
            /// best ranks seen so far.
            func canPlace(_ e: Int32, _ score: Int32) -> Bool {
                !floor.isFull || (3 << 40 | Int(score) << 16 | Int(entryBestLengthParts[Int(e)])) >= floor.floor
            }
            let fuzzyScore = Int32(MatchTier.fuzzy.rawValue << 8)
            let fuzzyEnd = Int32(MatchTier.initials.rawValue << 8)
            // First pass, during the scan: naming-field matches that skip nothing.
            func rankNaming(_ s: EntryScore) {
                guard s.score >= fuzzyEnd, canPlace(s.entry, s.score) else { return }
                let e = Int(s.entry)
                visit(s, referenceStarts.buffer[e], referencePrimaryEnds.buffer[e], group: 3)
            }
            if deferring {
                if candidates == nil, let precomputed = table.precomputedScores(for: query) {
                    scores = precomputed
                    for s in scores { rankNaming(s) }
                } else {
                    table.scores(for: query, among: candidates, into: &scores, lowRanked: secondaryEntries,
                                 deferred: &deferred, admits: canPlace, found: rankNaming)
                }
            } else {
                table.scores(for: query, among: candidates, into: &scores)
                for s in scores { rankNaming(s) }
            }
            // Second pass, when naming-field matches leave room: the rest. Texts are deferred only
            // once `limit` records are placed (`canPlace`), so then this pass does not run.
            if touched.count < limit {
                for s in scores {
                    let e = Int(s.entry)
                    let fuzzy = s.score >= fuzzyScore && s.score < fuzzyEnd
                    if fuzzy { visit(s, referenceStarts[e], referencePrimaryEnds[e], group: 1) }
                    visit(s, referencePrimaryEnds[e], referenceStarts[e + 1], group: fuzzy ? 0 : 2)
                }
            }
        }}}
        scratch.touched = touched
        guard limit > 0 else { return [] }
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
            let entry = Int(scratch.bestEntry[r])
            let match = table.match(query, entry: entry)
            hits.append(SearchHit(kind: SearchKind.allCases[Int(recordKinds[r])], id: recordIDs[r], title: recordTitles[r],
                                  field: SearchField.allCases[Int(scratch.bestField[r])], matchedText: texts[entry],
                                  tier: match?.tier ?? .fuzzy, score: scratch.bestRank[r], ranges: match?.ranges ?? []))
        }
        return hits
    }
}
