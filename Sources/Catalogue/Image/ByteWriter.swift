/// Appends values to a flat little-endian byte buffer: the writing half of the compiled
/// catalogue's binary form (`ByteReader` reads it back).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    private var interned: [String: UInt32] = [:]
    /// Distinct strings in first-use order; records refer to them by number.
    private(set) var strings: [String] = []

    /// Bytes written so far (not counting the strings table `finished` puts in front).
    var count: Int { bytes.count }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    /// Overwrites the 32-bit value at `offset` (a placeholder written with `int(0)`).
    mutating func patch(_ value: Int, at offset: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
    }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { u32(UInt32(truncatingIfNeeded: value)) }

    mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func optionalDouble(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }

    /// A string, written once and referred to by number wherever it recurs.
    mutating func string(_ value: String) { u32(number(of: value)) }

    /// An optional string: 0 for nil, else the string's number plus one.
    mutating func optionalString(_ value: String?) { u32(value.map { number(of: $0) + 1 } ?? 0) }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// The number of `value` in the strings table (for arrays of string numbers).
    mutating func number(of value: String) -> UInt32 {
        if let known = interned[value] { return known }
        let number = UInt32(strings.count)
        interned[value] = number
        strings.append(value)
        return number
    }

    /// An array of fixed-width values: its count, padding to an 8-byte boundary, then the raw
    /// little-endian values, so a reader copies them in one move.
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        int(values.count)
        align()
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }   // one copy, not one append a value
        #else
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        #endif
    }

    mutating func array(_ values: [Bool]) { array(values.map { $0 ? UInt8(1) : 0 }) }

    private mutating func align() {
        let padding = (8 - bytes.count % 8) % 8
        if padding > 0 { bytes.append(contentsOf: repeatElement(0, count: padding)) }
    }

    /// The strings table followed by everything written: what `ByteReader` expects.
    func finished() -> [UInt8] {
        var head = ByteWriter()
        head.int(strings.count)
        var offsets: [UInt32] = [0]
        var utf8: [UInt8] = []
        for string in strings {
            utf8.append(contentsOf: string.utf8)
            offsets.append(UInt32(utf8.count))
        }
        head.array(offsets)
        head.array(utf8)
        head.align()
        return head.bytes + bytes
    }

    /// The nearby index's tables (`PointImage.nearbyTables()` reads them in place): the ids its
    /// positions refer to, the grid's layout, then its arrays (doubles as their bit patterns) and
    /// the slots' (`NearbyIndex.Slots`).
    mutating func nearbyTables(_ t: NearbyIndex.Tables) {
        strings(t.domainIDs); strings(t.typeIDs); strings(t.subdistrictCodes); strings(t.itemIDs)
        let l = t.layout
        for value in [l.count, l.rows, l.columns, l.tileSize] { int(value) }
        for value in [l.cellSizeMetres, l.southLatitude, l.westLongitude, l.cellLatitudeDegrees, l.cellLongitudeDegrees] {
            double(value)
        }
        array(Array(t.cellStart)); array(t.latitudes.map(\.bitPattern)); array(t.longitudes.map(\.bitPattern))
        let s = t.slots
        for column in [s.point, s.domain, s.type, s.subdistrict, s.idRank, s.itemStarts, s.items] { array(Array(column)) }
    }
}
