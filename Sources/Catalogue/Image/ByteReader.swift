/// Reads what `ByteWriter` wrote, checking every length against the bytes there are: damaged
/// input ends in `CatalogueImageError`, never in a crash.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    /// The owner of `bytes` when they are checked block by block (`ImageBytes.verify`); nil when
    /// they were checked whole before reading.
    private let owner: ImageBytes?
    /// Bytes this reader has seen pass their check (the blocks of its last read).
    private var checked: Range<Int> = 0..<0
    private(set) var position = 0
    /// The strings table at the start of the bytes, decoded once; nil when strings are decoded
    /// where they are read (`lazyStrings`), so that a reader of a few records of a large
    /// catalogue does not make a `String` of every distinct text.
    private var stringTable: [String]?
    /// The table's `count + 1` end offsets (32-bit) and its UTF-8 bytes, as stored.
    private var stringOffsets = UnsafeRawBufferPointer(start: nil, count: 0)
    private var stringBytes = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Where `stringBytes` start in `bytes` (for checking a string's block before decoding it).
    private var stringBytesStart = 0
    private(set) var stringCount = 0

    /// Reads the strings table; the rest is read by the calls that follow. With `lazyStrings`
    /// the table's offsets are checked once here and each string is decoded when it is read.
    init(_ bytes: UnsafeRawBufferPointer, lazyStrings: Bool = false) throws(CatalogueImageError) {
        try self.init(bytes, owner: nil, lazyStrings: lazyStrings)
    }

    /// Reads `owner`'s bytes, checking each block before it is read (the strings' text when a
    /// string is decoded).
    init(_ owner: ImageBytes, lazyStrings: Bool = false) throws(CatalogueImageError) {
        try self.init(owner.buffer, owner: owner, lazyStrings: lazyStrings)
    }

    private init(_ bytes: UnsafeRawBufferPointer, owner: ImageBytes?, lazyStrings: Bool) throws(CatalogueImageError) {
        self.bytes = bytes
        self.owner = owner
        let count = try int()
        let offsetsRegion = try region(of: UInt32.self)
        let utf8Count = try int()
        try align()
        let utf8Start = position
        try skip(utf8Count, checking: false)
        let utf8 = UnsafeRawBufferPointer(rebasing: bytes[utf8Start..<position])
        stringBytesStart = utf8Start
        try align()
        guard offsetsRegion.count == (count + 1) * 4, Self.u32(offsetsRegion, 0) == 0,
              Int(Self.u32(offsetsRegion, count)) == utf8Count else { throw .malformed("string table") }
        guard Self.ascending(offsetsRegion, count: count + 1) else { throw .malformed("string table") }
        stringOffsets = offsetsRegion
        stringBytes = utf8
        stringCount = count
        if !lazyStrings { stringTable = try decodingEveryString().stringTable }
    }

    /// True when the first `count` 32-bit values of `region` never decrease: a plain loop over
    /// aligned values where it can (vectorised; a million points' strings take a millisecond),
    /// else one value at a time.
    static func ascending(_ region: UnsafeRawBufferPointer, count: Int) -> Bool {
        guard count > 1, let base = region.baseAddress, region.count >= count * 4 else { return true }
        #if _endian(little)
        if Int(bitPattern: base) % 4 == 0 {
            let values = base.assumingMemoryBound(to: UInt32.self)
            var disorder: UInt32 = 0
            for i in 1..<count { disorder |= values[i - 1] > values[i] ? 1 : 0 }
            return disorder == 0
        }
        #endif
        for i in 1..<count where u32(region, i - 1) > u32(region, i) { return false }
        return true
    }

    /// True when each of the first `count` 32-bit values of `region` is below `limit` (as
    /// `ascending`, vectorised where it can be).
    static func allBelow(_ region: UnsafeRawBufferPointer, count: Int, limit: Int) -> Bool {
        guard count > 0, let base = region.baseAddress, region.count >= count * 4 else { return true }
        var highest: UInt32 = 0
        #if _endian(little)
        if Int(bitPattern: base) % 4 == 0 {
            let values = base.assumingMemoryBound(to: UInt32.self)
            for i in 0..<count { highest = Swift.max(highest, values[i]) }
            return Int(highest) < limit
        }
        #endif
        for i in 0..<count { highest = Swift.max(highest, u32(region, i)) }
        return Int(highest) < limit
    }

    private static func u32(_ region: UnsafeRawBufferPointer, _ i: Int) -> UInt32 {
        UInt32(littleEndian: region.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }

    /// This reader with every string decoded once, for a reader about to read most records:
    /// a string that recurs (a type, a subdistrict, an opening-hours text) is then one `String`.
    func decodingEveryString() throws(CatalogueImageError) -> ByteReader {
        var copy = self
        if copy.stringTable == nil {
            if let owner, !owner.verify(stringBytesStart..<(stringBytesStart + stringBytes.count)) { throw .damagedBlock }
            var table: [String] = []
            table.reserveCapacity(stringCount)
            for number in 0..<stringCount { table.append(String(decoding: utf8(number), as: UTF8.self)) }
            copy.stringTable = table
        }
        return copy
    }

    /// Where string `number`'s UTF-8 bytes are in `stringBytes` (offsets checked in `init`).
    private func utf8Range(_ number: Int) -> Range<Int> {
        Int(Self.u32(stringOffsets, number))..<Int(Self.u32(stringOffsets, number + 1))
    }

    private func utf8(_ number: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: stringBytes[utf8Range(number)])
    }

    private func tableString(_ number: Int) throws(CatalogueImageError) -> String {
        if let stringTable { return stringTable[number] }
        let range = utf8Range(number)
        if let owner, !owner.verify((stringBytesStart + range.lowerBound)..<(stringBytesStart + range.upperBound)) {
            throw .damagedBlock
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: stringBytes[range]), as: UTF8.self)
    }

    /// Moves to `position` (a value this reader's `position` had, or one stored by the writer).
    mutating func seek(to position: Int) throws(CatalogueImageError) {
        guard position >= 0, position <= bytes.count else { throw .truncated }
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - position }

    private mutating func take(_ count: Int) throws(CatalogueImageError) -> UnsafeRawBufferPointer.SubSequence {
        guard count >= 0, count <= bytes.count - position else { throw .truncated }
        let range = position..<(position + count)
        if let owner, count > 0, !(checked.lowerBound <= range.lowerBound && range.upperBound <= checked.upperBound) {
            guard owner.verify(range) else { throw .damagedBlock }
            checked = owner.blocks(holding: range)
        }
        position += count
        return bytes[range]
    }

    mutating func u8() throws(CatalogueImageError) -> UInt8 { try take(1).first ?? 0 }

    mutating func u32() throws(CatalogueImageError) -> UInt32 {
        let slice = try take(4)
        return UInt32(littleEndian: UnsafeRawBufferPointer(rebasing: slice).loadUnaligned(as: UInt32.self))
    }

    mutating func int() throws(CatalogueImageError) -> Int { Int(try u32()) }

    mutating func bool() throws(CatalogueImageError) -> Bool { try u8() != 0 }

    mutating func double() throws(CatalogueImageError) -> Double {
        let slice = try take(8)
        return Double(bitPattern: UInt64(littleEndian: UnsafeRawBufferPointer(rebasing: slice).loadUnaligned(as: UInt64.self)))
    }

    mutating func optionalDouble() throws(CatalogueImageError) -> Double? {
        try bool() ? try double() : nil
    }

    mutating func string() throws(CatalogueImageError) -> String {
        let number = Int(try u32())
        guard number < stringCount else { throw .malformed("string number \(number)") }
        return try tableString(number)
    }

    /// The string with this number in the strings table.
    func string(number: Int) throws(CatalogueImageError) -> String {
        guard number >= 0, number < stringCount else { throw .malformed("string number \(number)") }
        return try tableString(number)
    }

    mutating func optionalString() throws(CatalogueImageError) -> String? {
        let number = Int(try u32())
        if number == 0 { return nil }
        guard number - 1 < stringCount else { throw .malformed("string number \(number - 1)") }
        return try tableString(number - 1)
    }

    mutating func strings() throws(CatalogueImageError) -> [String] {
        let count = try int()
        guard count <= bytes.count - position else { throw .truncated }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }

    /// An array written by `ByteWriter.array`, copied out in one move.
    mutating func array<T: FixedWidthInteger>(of _: T.Type = T.self) throws(CatalogueImageError) -> [T] {
        let count = try int()
        try align()
        let stride = MemoryLayout<T>.stride
        guard count <= (bytes.count - position) / stride else { throw .truncated }
        let slice = try take(count * stride)
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
            if count > 0, let destination = buffer.baseAddress, let source = slice.base.baseAddress {
                UnsafeMutableRawPointer(destination).copyMemory(from: source + slice.startIndex, byteCount: count * stride)
            }
            initialised = count
        }
        #if _endian(big)
        return values.map { T(littleEndian: $0) }
        #else
        return values
        #endif
    }

    /// An array written by `ByteWriter.array`, left where it is: its bytes, for reading in place.
    mutating func region<T: FixedWidthInteger>(of _: T.Type) throws(CatalogueImageError) -> UnsafeRawBufferPointer {
        let count = try int()
        try align()
        let stride = MemoryLayout<T>.stride
        guard count <= (bytes.count - position) / stride else { throw .truncated }
        return UnsafeRawBufferPointer(rebasing: try take(count * stride))
    }

    /// Where an array written by `ByteWriter.array` lies (byte range), skipped without checking
    /// its bytes: the caller checks them (`ImageBytes.verify`) before reading them in place.
    mutating func uncheckedRegion<T: FixedWidthInteger>(of _: T.Type) throws(CatalogueImageError) -> Range<Int> {
        let count = try int()
        try align()
        let stride = MemoryLayout<T>.stride
        guard count <= (bytes.count - position) / stride else { throw .truncated }
        let start = position
        position += count * stride
        return start..<position
    }

    /// Where an array written by `ByteWriter.array` lies, skipped without checking any of its
    /// bytes, its count and padding included: `checked` (count to end) is what the caller checks
    /// (`ImageBytes.verify`) before trusting the values in `values`.
    mutating func lazyRegion<T: FixedWidthInteger>(of _: T.Type) throws(CatalogueImageError)
        -> (checked: Range<Int>, values: Range<Int>) {
        let start = position
        guard bytes.count - position >= 4 else { throw .truncated }
        let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
        position += 4
        position += (8 - position % 8) % 8
        let stride = MemoryLayout<T>.stride
        guard position <= bytes.count, count <= (bytes.count - position) / stride else { throw .truncated }
        let valuesStart = position
        position += count * stride
        return (start..<position, valuesStart..<position)
    }

    /// Skips `count` bytes, checking them unless told not to (bytes read later, each checked then).
    mutating func skip(_ count: Int, checking: Bool = true) throws(CatalogueImageError) {
        if checking { _ = try take(count); return }
        guard count >= 0, count <= bytes.count - position else { throw .truncated }
        position += count
    }

    mutating func array() throws(CatalogueImageError) -> [Bool] {
        let raw: [UInt8] = try array()
        return raw.map { $0 != 0 }
    }

    mutating func align() throws(CatalogueImageError) {
        let padding = (8 - position % 8) % 8
        _ = try take(padding)
    }
}
