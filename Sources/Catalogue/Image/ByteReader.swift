/// Reads what `ByteWriter` wrote, checking every length against the bytes there are: damaged
/// input ends in `CatalogueImageError`, never in a crash.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// The strings table at the start of the bytes, decoded once.
    private var stringTable: [String] = []

    /// Reads the strings table; the rest is read by the calls that follow.
    init(_ bytes: UnsafeRawBufferPointer) throws(CatalogueImageError) {
        self.bytes = bytes
        let count = try int()
        let offsets: [UInt32] = try array()
        let utf8Count = try int()
        try align()
        guard offsets.count == count + 1, offsets.last.map(Int.init) == utf8Count else { throw .malformed("string table") }
        let utf8 = UnsafeRawBufferPointer(rebasing: try take(utf8Count))
        try align()
        var strings: [String] = []
        strings.reserveCapacity(count)
        var start = 0
        for i in 0..<count {
            let end = Int(offsets[i + 1])
            guard start <= end, end <= utf8Count else { throw .malformed("string table") }
            strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
            start = end
        }
        stringTable = strings
    }

    var isAtEnd: Bool { position == bytes.count }

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
        guard number < stringTable.count else { throw .malformed("string number \(number)") }
        return stringTable[number]
    }

    mutating func optionalString() throws(CatalogueImageError) -> String? {
        let number = Int(try u32())
        if number == 0 { return nil }
        guard number - 1 < stringTable.count else { throw .malformed("string number \(number - 1)") }
        return stringTable[number - 1]
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

    mutating func array() throws(CatalogueImageError) -> [Bool] {
        let raw: [UInt8] = try array()
        return raw.map { $0 != 0 }
    }

    private mutating func align() throws(CatalogueImageError) {
        let padding = (8 - position % 8) % 8
        _ = try take(padding)
    }
}
