import ChineseText

extension SearchIndex {
    /// This index in the compiled binary form: its arrays as they are, so that reading it back
    /// (`init(image:)`) is a copy, with no key parsing, packing or catalogue walk.
    public var image: [UInt8] {
        var w = ByteWriter()
        w.int(records.count)
        for record in records {
            w.u8(UInt8(SearchKind.allCases.firstIndex(of: record.kind) ?? 0))
            w.string(record.id)
            w.string(record.title)
            w.int(record.titleLength)
        }
        w.strings(texts)
        w.array(referenceStarts)
        w.array(referencePrimaryEnds)
        w.array(referenceRecords)
        w.array(referenceFields)
        w.array(recordKinds)
        w.array(recordTitleLengths.map(Int64.init))
        w.array(entryBestLengthParts.map(Int64.init))
        w.array(secondaryEntries)
        w.keyTable(table)
        return w.finished()
    }

    /// Reads an index written by `image`, checking that its arrays agree with each other.
    public init(image bytes: UnsafeRawBufferPointer) throws(CatalogueImageError) {
        var r = try ByteReader(bytes)
        let recordCount = try r.int()
        guard recordCount <= bytes.count else { throw .truncated }
        let kinds = SearchKind.allCases
        var records: [Record] = []
        records.reserveCapacity(recordCount)
        for _ in 0..<recordCount {
            let kind = Int(try r.u8())
            guard kind < kinds.count else { throw .malformed("record kind \(kind)") }
            records.append(Record(kind: kinds[kind], id: try r.string(), title: try r.string(), titleLength: try r.int()))
        }
        let texts = try r.strings()
        let starts: [Int32] = try r.array()
        let primaryEnds: [Int32] = try r.array()
        let referenceRecords: [Int32] = try r.array()
        let referenceFields: [UInt8] = try r.array()
        let recordKinds: [UInt8] = try r.array()
        let titleLengths: [Int64] = try r.array()
        let bestLengthParts: [Int64] = try r.array()
        let secondary: [Bool] = try r.array()
        let table = try r.keyTable()
        guard r.isAtEnd else { throw .malformed("trailing bytes in the search index") }
        let entries = texts.count
        guard table.count == entries, starts.count == entries + 1, primaryEnds.count == entries,
              bestLengthParts.count == entries, secondary.count == entries,
              referenceFields.count == referenceRecords.count, starts.first == 0,
              starts.last == Int32(referenceRecords.count),
              recordKinds.count == recordCount, titleLengths.count == recordCount,
              (0..<entries).allSatisfy({ starts[$0] <= primaryEnds[$0] && primaryEnds[$0] <= starts[$0 + 1] }),
              referenceRecords.allSatisfy({ $0 >= 0 && Int($0) < recordCount }),
              referenceFields.allSatisfy({ Int($0) < SearchField.allCases.count }),
              recordKinds.allSatisfy({ Int($0) < kinds.count })
        else { throw .malformed("search index arrays disagree") }
        self.init(table: table, texts: texts, referenceStarts: starts, referencePrimaryEnds: primaryEnds,
                  referenceRecords: referenceRecords, referenceFields: referenceFields, records: records,
                  recordKinds: recordKinds, recordTitleLengths: titleLengths.map { Int($0) },
                  entryBestLengthParts: bestLengthParts.map { Int($0) }, secondaryEntries: secondary)
    }
}

extension ByteWriter {
    /// A key table's columns.
    mutating func keyTable(_ table: SearchKeyTable) {
        let c = table.columns
        array(c.scalars); array(c.leads); array(c.syllables); array(c.wordStarts); array(c.offsets)
        array(c.entryStarts); array(c.characterCounts); array(c.masks); array(c.literalMasks); array(c.leadMasks)
        array(c.pairMasks); array(c.syllableBytes); array(c.syllableStarts); array(c.syllableInitialLengths)
        int(c.longestEntry)
        array(c.postingStarts); array(c.postingEntries); array(c.postingScores)
    }
}

extension ByteReader {
    /// A key table written by `ByteWriter.keyTable`, refused when its columns disagree.
    mutating func keyTable() throws(CatalogueImageError) -> SearchKeyTable {
        let columns = SearchKeyTable.Columns(
            scalars: try array(), leads: try array(), syllables: try array(), wordStarts: try array(),
            offsets: try array(), entryStarts: try array(), characterCounts: try array(), masks: try array(),
            literalMasks: try array(), leadMasks: try array(), pairMasks: try array(), syllableBytes: try array(),
            syllableStarts: try array(), syllableInitialLengths: try array(), longestEntry: try int(),
            postingStarts: try array(), postingEntries: try array(), postingScores: try array())
        if let problem = columns.consistencyProblem { throw .malformed("search keys: \(problem)") }
        return SearchKeyTable(columns: columns)
    }
}
