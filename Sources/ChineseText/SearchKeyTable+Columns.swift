import FlatStorage

extension SearchKeyTable {
    /// Every array of a table, as plain columns: what a compiled catalogue stores, so that a table
    /// is read where it lies (each column borrowed from the mapped section) instead of being
    /// rebuilt from its keys or copied.
    public struct Columns: Sendable {
        public var scalars: FlatArray<UInt32>
        public var leads: FlatArray<UInt32>
        public var syllables: FlatArray<UInt16>
        public var wordStarts: FlatArray<Bool>
        public var offsets: FlatArray<Int32>
        public var entryStarts: FlatArray<Int32>
        public var characterCounts: FlatArray<Int32>
        public var masks: FlatArray<UInt64>
        public var literalMasks: FlatArray<UInt64>
        public var leadMasks: FlatArray<UInt64>
        public var pairMasks: FlatArray<UInt64>
        public var syllableBytes: FlatArray<UInt8>
        public var syllableStarts: FlatArray<Int32>
        public var syllableInitialLengths: FlatArray<UInt8>
        public var longestEntry: Int
        /// The one-letter postings, flattened: slot `s` holds `postings[postingStarts[s]..<postingStarts[s+1]]`.
        public var postingStarts: FlatArray<Int32>
        public var postings: FlatArray<EntryScore>

        public init(scalars: FlatArray<UInt32>, leads: FlatArray<UInt32>, syllables: FlatArray<UInt16>,
                    wordStarts: FlatArray<Bool>, offsets: FlatArray<Int32>, entryStarts: FlatArray<Int32>,
                    characterCounts: FlatArray<Int32>, masks: FlatArray<UInt64>, literalMasks: FlatArray<UInt64>,
                    leadMasks: FlatArray<UInt64>, pairMasks: FlatArray<UInt64>, syllableBytes: FlatArray<UInt8>,
                    syllableStarts: FlatArray<Int32>, syllableInitialLengths: FlatArray<UInt8>, longestEntry: Int,
                    postingStarts: FlatArray<Int32>, postings: FlatArray<EntryScore>) {
            self.scalars = scalars
            self.leads = leads
            self.syllables = syllables
            self.wordStarts = wordStarts
            self.offsets = offsets
            self.entryStarts = entryStarts
            self.characterCounts = characterCounts
            self.masks = masks
            self.literalMasks = literalMasks
            self.leadMasks = leadMasks
            self.pairMasks = pairMasks
            self.syllableBytes = syllableBytes
            self.syllableStarts = syllableStarts
            self.syllableInitialLengths = syllableInitialLengths
            self.longestEntry = longestEntry
            self.postingStarts = postingStarts
            self.postings = postings
        }

        /// Whether the columns' lengths agree (cheap: no value is read but the first and last
        /// entry and syllable starts), so that a table can be set up over unchecked bytes.
        public var lengthProblem: String? {
            let units = scalars.count
            let entries = masks.count
            guard leads.count == units, syllables.count == units, wordStarts.count == units, offsets.count == units
            else { return "unit columns differ in length" }
            guard entryStarts.count == entries + 1, characterCounts.count == entries, literalMasks.count == entries,
                  leadMasks.count == entries, pairMasks.count == SearchKeyTable.pairWords * entries
            else { return "entry columns differ in length" }
            guard syllableStarts.count == syllableInitialLengths.count + 1, postingStarts.count == 37
            else { return "syllable or posting columns differ in length" }
            return nil
        }

        /// How the columns contradict each other (a damaged store), nil when they are consistent: the
        /// matcher reads them unchecked, so it must never be handed inconsistent ones. Reads every
        /// value of the entry, syllable and posting columns.
        public var consistencyProblem: String? {
            if let problem = lengthProblem { return problem }
            let units = scalars.count
            let entries = masks.count
            guard entryStarts.first == 0, entryStarts.last == Int32(units) else { return "entry starts out of range" }
            var longest = 0
            for e in 0..<entries {
                let length = Int(entryStarts[e + 1]) - Int(entryStarts[e])
                guard length >= 0 else { return "entry starts not ascending" }
                longest = max(longest, length)
            }
            guard longest == longestEntry else { return "longest entry wrong" }
            let syllableCount = syllableInitialLengths.count
            guard syllableStarts.first == 0, syllableStarts.last == Int32(syllableBytes.count),
                  zip(syllableStarts.buffer, syllableStarts.buffer.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return "syllable columns inconsistent" }
            guard syllables.buffer.allSatisfy({ $0 == SearchKeyTable.noSyllable || Int($0) < syllableCount })
            else { return "syllable out of range" }
            guard postingStarts.first == 0, postingStarts.last == Int32(postings.count),
                  zip(postingStarts.buffer, postingStarts.buffer.dropFirst()).allSatisfy({ $0 <= $1 }),
                  postings.buffer.allSatisfy({ $0.entry >= 0 && Int($0.entry) < entries })
            else { return "postings inconsistent" }
            return nil
        }
    }

    /// This table's columns (the same storage, not a copy).
    public var columns: Columns {
        Columns(scalars: scalars, leads: leads, syllables: syllables, wordStarts: wordStarts, offsets: offsets,
                entryStarts: entryStarts, characterCounts: characterCounts, masks: masks,
                literalMasks: literalMasks, leadMasks: leadMasks, pairMasks: pairMasks,
                syllableBytes: syllableBytes, syllableStarts: syllableStarts,
                syllableInitialLengths: syllableInitialLengths, longestEntry: longestEntry,
                postingStarts: postingStarts, postings: postings)
    }

    /// A table over stored columns, used where they lie. They must be consistent
    /// (`Columns.consistencyProblem`) before the table is searched.
    public init(columns c: Columns) {
        scalars = c.scalars
        leads = c.leads
        syllables = c.syllables
        wordStarts = c.wordStarts
        offsets = c.offsets
        entryStarts = c.entryStarts
        characterCounts = c.characterCounts
        masks = c.masks
        literalMasks = c.literalMasks
        leadMasks = c.leadMasks
        pairMasks = c.pairMasks
        syllableBytes = c.syllableBytes
        syllableStarts = c.syllableStarts
        syllableInitialLengths = c.syllableInitialLengths
        longestEntry = c.longestEntry
        postingStarts = c.postingStarts
        postings = c.postings
    }

    /// The key of entry `entry`, as it was packed.
    public func key(of entry: Int) -> SearchKey {
        var units: [SearchKey.Unit] = []
        for u in Int(entryStarts[entry])..<Int(entryStarts[entry + 1]) {
            var syllable: String?
            if syllables[u] != Self.noSyllable {
                let id = Int(syllables[u])
                syllable = String(decoding: syllableBytes.buffer[Int(syllableStarts[id])..<Int(syllableStarts[id + 1])], as: UTF8.self)
            }
            units.append(SearchKey.Unit(scalar: Unicode.Scalar(scalars[u]) ?? "\u{FFFD}", syllable: syllable,
                                        offset: Int(offsets[u]), isWordStart: wordStarts[u]))
        }
        return SearchKey(units: units, characterCount: Int(characterCounts[entry]))
    }
}
