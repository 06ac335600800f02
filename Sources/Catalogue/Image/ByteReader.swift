/// Reads what `ByteWriter` wrote, checking every length against the bytes there are: damaged
/// input ends in `CatalogueImageError`, never in a crash.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    /// The strings table at the start of the bytes, decoded once; nil when strings are decoded
    /// where they are read (`lazyStrings`), so that a reader of a few records of a large
    /// catalogue does not make a `String` of every distinct text.
    private var stringTable: [String]?
    /// The table's `count + 1` end offsets (32-bit) and its UTF-8 bytes, as stored.
    private var stringOffsets = UnsafeRawBufferPointer(start: nil, count: 0)
    private var stringBytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var stringCount = 0

    /// Reads the strings table; the rest is read by the calls that follow. With `lazyStrings`
    /// the table's offsets are checked once here and each string is decoded when it is read.
    init(_ bytes: UnsafeRawBufferPointer, lazyStrings: Bool = false) throws(CatalogueImageError) {
        self.bytes = bytes
        let count = try int()
        let offsetsRegion = try region(of: UInt32.self)
        let utf8Count = try int()
        try align()
        let utf8 = UnsafeRawBufferPointer(rebasing: try take(utf8Count))
        try align()
        guard offsetsRegion.count == (count + 1) * 4, Self.u32(offsetsRegion, 0) == 0,
              Int(Self.u32(offsetsRegion, count)) == utf8Count else { throw .malformed("string table") }
        var previous: UInt32 = 0
        for i in stride(from: 1, through: count, by: 1) {
            let end = Self.u32(offsetsRegion, i)
            guard previous <= end else { throw .malformed("string table") }
            previous = end
        }
        stringOffsets = offsetsRegion
        stringBytes = utf8
        stringCount = count
        if !lazyStrings {
            var table: [String] = []
            table.reserveCapacity(count)
            for number in 0..<count { table.append(decodeString(number)) }
            stringTable = table
        }
    }

    private static func u32(_ region: UnsafeRawBufferPointer, _ i: Int) -> UInt32 {
        UInt32(littleEndian: region.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }

    /// The UTF-8 bytes of string `number` (offsets checked in `init`).
    func stringUTF8(_ number: Int) -> UnsafeRawBufferPointer {
        let start = Int(Self.u32(stringOffsets, number)), end = Int(Self.u32(stringOffsets, number + 1))
        return UnsafeRawBufferPointer(rebasing: stringBytes[start..<end])
    }

    private func decodeString(_ number: Int) -> String {
        String(decoding: stringUTF8(number), as: UTF8.self)
    }

    private func tableString(_ number: Int) -> String {
        stringTable?[number] ?? decodeString(number)
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
        defer { position += count }
        return bytes[position..<(position + count)]
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
        return tableString(number)
    }

    mutating func optionalString() throws(CatalogueImageError) -> String? {
        let number = Int(try u32())
        if number == 0 { return nil }
        guard number - 1 < stringCount else { throw .malformed("string number \(number - 1)") }
        return tableString(number - 1)
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

    /// Skips `count` bytes.
    mutating func skip(_ count: Int) throws(CatalogueImageError) { _ = try take(count) }

    mutating func array() throws(CatalogueImageError) -> [Bool] {
        let raw: [UInt8] = try array()
        return raw.map { $0 != 0 }
    }

    mutating func align() throws(CatalogueImageError) {
        let padding = (8 - position % 8) % 8
        _ = try take(padding)
    }
}
