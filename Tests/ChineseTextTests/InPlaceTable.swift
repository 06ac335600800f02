import FlatStorage
@testable import ChineseText

/// A table whose columns are borrowed from one block of raw bytes, as a compiled catalogue's are
/// from its mapped search section: the same values, read where they lie.
enum InPlaceTable {
    final class Bytes {
        let buffer: UnsafeMutableRawBufferPointer
        init(count: Int) { buffer = .allocate(byteCount: max(count, 1), alignment: 8) }
        deinit { buffer.deallocate() }
    }

    static func of(_ table: SearchKeyTable) -> SearchKeyTable {
        let c = table.columns
        func size<T>(_ column: FlatArray<T>) -> Int { (column.count * MemoryLayout<T>.stride + 7) / 8 * 8 }
        let total = size(c.scalars) + size(c.leads) + size(c.syllables) + size(c.wordStarts) + size(c.offsets)
            + size(c.entryStarts) + size(c.characterCounts) + size(c.masks) + size(c.literalMasks) + size(c.leadMasks)
            + size(c.pairMasks) + size(c.syllableBytes) + size(c.syllableStarts) + size(c.syllableInitialLengths)
            + size(c.postingStarts) + size(c.postings)
        let bytes = Bytes(count: total)
        var at = 0
        func place<T>(_ column: FlatArray<T>) -> FlatArray<T> {
            let start = bytes.buffer.baseAddress! + at
            if let source = column.buffer.baseAddress {
                start.copyMemory(from: source, byteCount: column.count * MemoryLayout<T>.stride)
            }
            at += size(column)
            return FlatArray(borrowing: UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: column.count),
                             owner: bytes)
        }
        let columns = SearchKeyTable.Columns(
            scalars: place(c.scalars), leads: place(c.leads), syllables: place(c.syllables), wordStarts: place(c.wordStarts),
            offsets: place(c.offsets), entryStarts: place(c.entryStarts), characterCounts: place(c.characterCounts),
            masks: place(c.masks), literalMasks: place(c.literalMasks), leadMasks: place(c.leadMasks),
            pairMasks: place(c.pairMasks), syllableBytes: place(c.syllableBytes), syllableStarts: place(c.syllableStarts),
            syllableInitialLengths: place(c.syllableInitialLengths), longestEntry: c.longestEntry,
            postingStarts: place(c.postingStarts), postings: place(c.postings))
        precondition(columns.consistencyProblem == nil)
        return SearchKeyTable(columns: columns)
    }

    /// The table built from `keys`, and the same read in place.
    static func both(_ keys: [SearchKey]) -> [SearchKeyTable] {
        let built = SearchKeyTable(keys: keys)
        return [built, of(built)]
    }
}
