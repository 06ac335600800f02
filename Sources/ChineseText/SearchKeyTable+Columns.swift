extension SearchKeyTable {
    /// Every array of a table, as plain columns: what a compiled catalogue stores so that a table
    /// is loaded by copying instead of being rebuilt from its keys.
    public struct Columns: Equatable, Sendable {
        public var scalars: [UInt32]
        public var leads: [UInt32]
        public var syllables: [UInt16]
        public var wordStarts: [Bool]
        public var offsets: [Int32]
        public var entryStarts: [Int32]
        public var characterCounts: [Int32]
        public var masks: [UInt64]
        public var literalMasks: [UInt64]
        public var leadMasks: [UInt64]
        public var pairMasks: [UInt64]
        public var syllableBytes: [UInt8]
        public var syllableStarts: [Int32]
        public var syllableInitialLengths: [UInt8]
        public var longestEntry: Int
        /// The one-letter postings, flattened: slot `s` holds `postingStarts[s]..<postingStarts[s+1]`
        /// of `postingEntries` and `postingScores`.
        public var postingStarts: [Int32]
        public var postingEntries: [Int32]
        public var postingScores: [Int32]

        public init(scalars: [UInt32], leads: [UInt32], syllables: [UInt16], wordStarts: [Bool], offsets: [Int32],
                    entryStarts: [Int32], characterCounts: [Int32], masks: [UInt64], literalMasks: [UInt64],
                    leadMasks: [UInt64], pairMasks: [UInt64], syllableBytes: [UInt8], syllableStarts: [Int32],
                    syllableInitialLengths: [UInt8], longestEntry: Int, postingStarts: [Int32],
                    postingEntries: [Int32], postingScores: [Int32]) {
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
            self.postingEntries = postingEntries
            self.postingScores = postingScores
        }

        /// How the columns contradict each other (a damaged store), nil when they are consistent: the
        /// matcher reads them unchecked, so it must never be handed inconsistent ones.
        public var consistencyProblem: String? {
            let units = scalars.count
            let entries = masks.count
            guard leads.count == units, syllables.count == units, wordStarts.count == units, offsets.count == units
            else { return "unit columns differ in length" }
            guard entryStarts.count == entries + 1, characterCounts.count == entries, literalMasks.count == entries,
                  leadMasks.count == entries, pairMasks.count == SearchKeyTable.pairWords * entries
            else { return "entry columns differ in length" }
            guard entryStarts.first == 0, entryStarts.last == Int32(units) else { return "entry starts out of range" }
            var longest = 0
            for e in 0..<entries {
                let length = Int(entryStarts[e + 1]) - Int(entryStarts[e])
                guard length >= 0 else { return "entry starts not ascending" }
                longest = max(longest, length)
            }
            guard longest == longestEntry else { return "longest entry wrong" }
            let syllableCount = syllableInitialLengths.count
            guard syllableStarts.count == syllableCount + 1, syllableStarts.first == 0,
                  syllableStarts.last == Int32(syllableBytes.count),
                  zip(syllableStarts, syllableStarts.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return "syllable columns inconsistent" }
            guard syllables.allSatisfy({ $0 == SearchKeyTable.noSyllable || Int($0) < syllableCount })
            else { return "syllable out of range" }
            guard postingStarts.count == 37, postingStarts.first == 0, postingStarts.last == Int32(postingEntries.count),
                  postingScores.count == postingEntries.count,
                  zip(postingStarts, postingStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
                  postingEntries.allSatisfy({ $0 >= 0 && Int($0) < entries })
            else { return "postings inconsistent" }
            return nil
        }
    }

    /// This table's columns.
    public var columns: Columns {
        var starts: [Int32] = [0]
        var entries: [Int32] = []
        var scores: [Int32] = []
        for list in letterPostings {
            for posting in list {
                entries.append(posting.entry)
                scores.append(posting.score)
            }
            starts.append(Int32(entries.count))
        }
        return Columns(scalars: scalars, leads: leads, syllables: syllables, wordStarts: wordStarts, offsets: offsets,
                       entryStarts: entryStarts, characterCounts: characterCounts, masks: masks,
                       literalMasks: literalMasks, leadMasks: leadMasks, pairMasks: pairMasks,
                       syllableBytes: syllableBytes, syllableStarts: syllableStarts,
                       syllableInitialLengths: syllableInitialLengths, longestEntry: longestEntry,
                       postingStarts: starts, postingEntries: entries, postingScores: scores)
    }

    /// A table from stored columns, which must be consistent (see `Columns.consistencyProblem`).
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
        letterPostings = (0..<(c.postingStarts.count - 1)).map { slot in
            (Int(c.postingStarts[slot])..<Int(c.postingStarts[slot + 1])).map {
                EntryScore(entry: c.postingEntries[$0], score: c.postingScores[$0])
            }
        }
    }

    /// The key of entry `entry`, as it was packed.
    public func key(of entry: Int) -> SearchKey {
        var units: [SearchKey.Unit] = []
        for u in Int(entryStarts[entry])..<Int(entryStarts[entry + 1]) {
            var syllable: String?
            if syllables[u] != Self.noSyllable {
                let id = Int(syllables[u])
                syllable = String(decoding: syllableBytes[Int(syllableStarts[id])..<Int(syllableStarts[id + 1])], as: UTF8.self)
            }
            units.append(SearchKey.Unit(scalar: Unicode.Scalar(scalars[u]) ?? "\u{FFFD}", syllable: syllable,
                                        offset: Int(offsets[u]), isWordStart: wordStarts[u]))
        }
        return SearchKey(units: units, characterCount: Int(characterCounts[entry]))
    }
}
