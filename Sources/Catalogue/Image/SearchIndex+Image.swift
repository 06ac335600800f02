import ChineseText
import FlatStorage
import Foundation

extension SearchIndex {
    /// This index in the compiled binary form, laid out to be read in place (`init(image:)`): a
    /// few counts, then every array as it is in memory (8-byte aligned, little-endian), the texts,
    /// ids and titles as numbers into the section's strings table.
    public var image: [UInt8] {
        var w = ByteWriter()
        let recordCount = recordKinds.count
        let textNumbers = (0..<texts.count).map { w.number(of: texts[$0]) }
        let idNumbers = (0..<recordCount).map { w.number(of: recordIDs[$0]) }
        let titleNumbers = (0..<recordCount).map { w.number(of: recordTitles[$0]) }
        let t = table.columns
        w.int(recordCount)
        w.int(texts.count)
        w.int(t.longestEntry)
        w.array(textNumbers)
        w.array(idNumbers)
        w.array(titleNumbers)
        w.array(Array(recordKinds))
        w.array(Array(recordTitleLengths))
        w.array(Array(referenceStarts))
        w.array(Array(referencePrimaryEnds))
        w.array(Array(referenceRecords))
        w.array(Array(referenceFields))
        w.array(Array(entryBestLengthParts))
        w.array(Array(secondaryEntries))
        w.array(Array(t.scalars)); w.array(Array(t.leads)); w.array(Array(t.syllables)); w.array(Array(t.wordStarts))
        w.array(Array(t.offsets)); w.array(Array(t.entryStarts)); w.array(Array(t.characterCounts)); w.array(Array(t.masks))
        w.array(Array(t.literalMasks)); w.array(Array(t.leadMasks)); w.array(Array(t.pairMasks))
        w.array(Array(t.syllableBytes)); w.array(Array(t.syllableStarts)); w.array(Array(t.syllableInitialLengths))
        w.array(Array(t.postingStarts))
        // A posting as its in-memory form: the entry in the low 32 bits, the score in the high.
        w.array(t.postings.map { UInt64(UInt32(bitPattern: $0.entry)) | UInt64(UInt32(bitPattern: $0.score)) << 32 })
        return w.finished()
    }

    /// The index over a section written by `image`, read where it lies: nothing is decoded or
    /// copied but the counts and the strings table's offsets. Only the arrays' lengths are checked
    /// now; their bytes are checked (block checksums, then how the arrays agree) when the index is
    /// first searched, and a text, id or title when it is shown (`foundDamage`).
    public init(image bytes: ImageBytes) throws(CatalogueImageError) {
        #if _endian(big)
        throw .malformed("a stored search index is read in place on little-endian machines only")
        #else
        guard MemoryLayout<EntryScore>.offset(of: \EntryScore.entry) == 0, MemoryLayout<EntryScore>.offset(of: \EntryScore.score) == 4,
              MemoryLayout<EntryScore>.stride == 8 else { throw .malformed("posting layout") }
        var r = try ByteReader(bytes, lazyStrings: true)
        let strings = r
        let recordCount = try r.int(), textCount = try r.int(), longestEntry = try r.int()
        var ranges: [Range<Int>] = []
        var shown: [Int] = []      // where each string-number column's values start (checked one by one)
        func column<T: FixedWidthInteger>(_: T.Type, checkedWhenShown: Bool = false) throws(CatalogueImageError) -> FlatArray<T> {
            let (checked, range) = try r.lazyRegion(of: T.self)
            // A column of string numbers is read for the hits shown only: each number's block is
            // checked when it is read (its count is checked against the verified counts below).
            if checkedWhenShown { shown.append(range.lowerBound) } else { ranges.append(checked) }
            return try bytes.borrowed(range, as: T.self)
        }
        func flags() throws(CatalogueImageError) -> FlatArray<Bool> {
            guard let flags = try column(UInt8.self).reinterpreted(as: Bool.self) else { throw .malformed("flags") }
            return flags
        }
        let textNumbers = try column(UInt32.self, checkedWhenShown: true), idNumbers = try column(UInt32.self, checkedWhenShown: true)
        let titleNumbers = try column(UInt32.self, checkedWhenShown: true)
        let recordKinds = try column(UInt8.self), titleLengths = try column(Int32.self)
        let starts = try column(Int32.self), primaryEnds = try column(Int32.self)
        let referenceRecords = try column(Int32.self), referenceFields = try column(UInt8.self)
        let bestLengthParts = try column(Int32.self), secondary = try flags()
        let columns = SearchKeyTable.Columns(
            scalars: try column(UInt32.self), leads: try column(UInt32.self), syllables: try column(UInt16.self),
            wordStarts: try flags(), offsets: try column(Int32.self), entryStarts: try column(Int32.self),
            characterCounts: try column(Int32.self), masks: try column(UInt64.self), literalMasks: try column(UInt64.self),
            leadMasks: try column(UInt64.self), pairMasks: try column(UInt64.self), syllableBytes: try column(UInt8.self),
            syllableStarts: try column(Int32.self), syllableInitialLengths: try column(UInt8.self), longestEntry: longestEntry,
            postingStarts: try column(Int32.self),
            postings: try column(UInt64.self).reinterpreted(as: EntryScore.self) ?? FlatArray([]))
        guard r.isAtEnd else { throw .malformed("trailing bytes in the search index") }
        if let problem = columns.lengthProblem { throw .malformed("search keys: \(problem)") }
        guard columns.masks.count == textCount, textNumbers.count == textCount, starts.count == textCount + 1,
              primaryEnds.count == textCount, bestLengthParts.count == textCount, secondary.count == textCount,
              referenceFields.count == referenceRecords.count, idNumbers.count == recordCount,
              titleNumbers.count == recordCount, recordKinds.count == recordCount, titleLengths.count == recordCount
        else { throw .malformed("search index arrays disagree") }
        let stored = SearchImage(bytes: bytes, strings: strings, columns: ranges)
        self.init(table: SearchKeyTable(columns: columns), texts: StringColumn(numbers: textNumbers, at: shown[0], image: stored),
                  referenceStarts: starts, referencePrimaryEnds: primaryEnds, referenceRecords: referenceRecords,
                  referenceFields: referenceFields, recordIDs: StringColumn(numbers: idNumbers, at: shown[1], image: stored),
                  recordTitles: StringColumn(numbers: titleNumbers, at: shown[2], image: stored), recordKinds: recordKinds,
                  recordTitleLengths: titleLengths, entryBestLengthParts: bestLengthParts, secondaryEntries: secondary,
                  stored: stored)
        #endif
    }

    /// True when the index may be searched: always for one built here; for a stored one, once its
    /// arrays' blocks have passed their checksums and the arrays agree (checked on the first call).
    func isUsable() -> Bool {
        guard let stored else { return true }
        return stored.checkOnce { consistencyProblem == nil }
    }

    /// `isUsable()` for callers outside the module: checks a stored index now, as its first
    /// search would (damage then shows in `foundDamage`).
    public var isUsableForSearch: Bool { isUsable() }

    /// True when a stored index found damage while it was read (a block that fails its checksum,
    /// arrays that disagree, a string that does not decode): what it returned may be wrong, and
    /// the compiled catalogue should be rebuilt.
    public var foundDamage: Bool { stored?.foundDamage ?? false }

    /// How the arrays contradict each other, nil when they agree (what the search reads unchecked).
    /// Written as plain loops over the buffers (no closures, no bounds checks), which the compiler
    /// vectorises: a million points' five million references take a few milliseconds.
    var consistencyProblem: String? {
        if let problem = table.columns.consistencyProblem { return "search keys: \(problem)" }
        let entries = texts.count, recordCount = recordKinds.count
        let starts = referenceStarts.buffer, primaryEnds = referencePrimaryEnds.buffer
        guard starts.first == 0, starts.last == Int32(referenceRecords.count) else { return "search index arrays disagree" }
        var disorder: Int32 = 0
        if let s = starts.baseAddress, let p = primaryEnds.baseAddress {
            for e in 0..<entries { disorder |= (s[e] > p[e] ? 1 : 0) | (p[e] > s[e + 1] ? 1 : 0) }
        }
        func range<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>) -> (low: T, high: T) {
            var low = T.max, high = T.min
            for value in values {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
            return (low, high)
        }
        let records = range(referenceRecords.buffer), fields = range(referenceFields.buffer), kinds = range(recordKinds.buffer)
        guard disorder == 0, referenceRecords.isEmpty || (records.low >= 0 && Int(records.high) < recordCount),
              referenceFields.isEmpty || Int(fields.high) < SearchField.allCases.count,
              recordKinds.isEmpty || Int(kinds.high) < SearchKind.allCases.count
        else { return "search index arrays disagree" }
        return nil
    }
}

/// A compiled search section that an index reads in place: its bytes (checked block by block),
/// its strings, and whether it has been checked or found damaged.
final class SearchImage: @unchecked Sendable {
    private let bytes: ImageBytes
    private let strings: ByteReader
    /// The byte ranges of the arrays, checked together when the index is first searched.
    private let columns: [Range<Int>]
    private let lock = NSLock()
    /// Guarded by `lock`: the outcome of the first check, and whether any read failed.
    private var checked: Bool?
    private var damaged = false

    init(bytes: ImageBytes, strings: ByteReader, columns: [Range<Int>]) {
        self.bytes = bytes
        self.strings = strings
        self.columns = columns
    }

    /// Checks the arrays' blocks, then `agree()`, once; the outcome of that first check.
    func checkOnce(_ agree: () -> Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let checked { return checked }
        let passed = columns.allSatisfy { bytes.verify($0) } && agree()
        if !passed { damaged = true }
        checked = passed
        return passed
    }

    /// The string whose number is stored at byte `offset` of the section (the number's block and
    /// the string's checked first); empty, and damage noted, when it cannot be read.
    func string(numberAt offset: Int, _ number: UInt32) -> String {
        do {
            guard bytes.verify(offset..<(offset + 4)) else { throw CatalogueImageError.damagedBlock }
            return try strings.string(number: Int(number))
        } catch {
            lock.lock()
            damaged = true
            lock.unlock()
            return ""
        }
    }

    var foundDamage: Bool {
        lock.lock()
        defer { lock.unlock() }
        return damaged
    }
}

/// Strings of a search index: built ones, or numbers into a compiled section's strings table,
/// each decoded when it is read.
struct StringColumn: Sendable {
    private let strings: [String]
    private let numbers: FlatArray<UInt32>
    /// Where `numbers` start in the section (for checking a number's block before reading it).
    private let numbersStart: Int
    private let image: SearchImage?

    init(_ strings: [String]) {
        self.strings = strings
        numbers = FlatArray([])
        numbersStart = 0
        image = nil
    }

    init(numbers: FlatArray<UInt32>, at numbersStart: Int, image: SearchImage) {
        strings = []
        self.numbers = numbers
        self.numbersStart = numbersStart
        self.image = image
    }

    var count: Int { image == nil ? strings.count : numbers.count }

    subscript(position: Int) -> String {
        guard let image else { return strings[position] }
        return image.string(numberAt: numbersStart + 4 * position, numbers[position])
    }
}

extension ByteWriter {
    /// A key table's columns, to be copied back (`ByteReader.keyTable`; the place names, small
    /// and read whole, use it).
    mutating func keyTable(_ table: SearchKeyTable) {
        let c = table.columns
        array(Array(c.scalars)); array(Array(c.leads)); array(Array(c.syllables)); array(Array(c.wordStarts))
        array(Array(c.offsets)); array(Array(c.entryStarts)); array(Array(c.characterCounts)); array(Array(c.masks))
        array(Array(c.literalMasks)); array(Array(c.leadMasks)); array(Array(c.pairMasks)); array(Array(c.syllableBytes))
        array(Array(c.syllableStarts)); array(Array(c.syllableInitialLengths))
        int(c.longestEntry)
        array(Array(c.postingStarts)); array(c.postings.map(\.entry)); array(c.postings.map(\.score))
    }
}

extension ByteReader {
    /// A key table written by `ByteWriter.keyTable`, copied out, refused when its columns disagree.
    mutating func keyTable() throws(CatalogueImageError) -> SearchKeyTable {
        func flat<T: FixedWidthInteger>(_: T.Type) throws(CatalogueImageError) -> FlatArray<T> { FlatArray(try array(of: T.self)) }
        let scalars = try flat(UInt32.self), leads = try flat(UInt32.self), syllables = try flat(UInt16.self)
        let wordStarts: [Bool] = try array()
        let offsets = try flat(Int32.self), entryStarts = try flat(Int32.self), characterCounts = try flat(Int32.self)
        let masks = try flat(UInt64.self), literalMasks = try flat(UInt64.self), leadMasks = try flat(UInt64.self)
        let pairMasks = try flat(UInt64.self), syllableBytes = try flat(UInt8.self), syllableStarts = try flat(Int32.self)
        let initials = try flat(UInt8.self), longestEntry = try int()
        let postingStarts = try flat(Int32.self)
        let entries: [Int32] = try array(), scores: [Int32] = try array()
        guard entries.count == scores.count else { throw .malformed("search keys: postings inconsistent") }
        let columns = SearchKeyTable.Columns(
            scalars: scalars, leads: leads, syllables: syllables, wordStarts: FlatArray(wordStarts), offsets: offsets,
            entryStarts: entryStarts, characterCounts: characterCounts, masks: masks, literalMasks: literalMasks,
            leadMasks: leadMasks, pairMasks: pairMasks, syllableBytes: syllableBytes, syllableStarts: syllableStarts,
            syllableInitialLengths: initials, longestEntry: longestEntry, postingStarts: postingStarts,
            postings: FlatArray(zip(entries, scores).map { EntryScore(entry: $0, score: $1) }))
        if let problem = columns.consistencyProblem { throw .malformed("search keys: \(problem)") }
        return SearchKeyTable(columns: columns)
    }
}
