import Catalogue
import Foundation
import Geodesy

/// The points an import adds, written to a file as they are merged instead of kept in memory: an
/// added point is never changed by a later row (a row that matches it is a duplicate), so the
/// merge keeps only what matching needs (hashes and locations, `CatalogueMerge`) and the writer reads the
/// points back, in the order they were added, after the catalogue's own.
///
/// Each point is one record: its length (4 bytes, little-endian) and its fields, strings as a
/// length and UTF-8 bytes, optional values behind a flag byte, numbers as their bit patterns, so
/// a point reads back exactly as it was written. The file is written and read a megabyte at a
/// time. A write that fails is kept (`failure`) and reported by whoever writes the catalogue;
/// the points from then on stay in memory, so that `point(at:)` still reads every one.
///
/// Beside the records, a second file (`featuresPath`) holds each point's feature as points.geojson
/// has it (`FeatureBytes`, after ",\n"), encoded as the point is appended: writing the catalogue
/// copies these bytes (`forEachFeatureChunk`) and decodes nothing; validation alone reads the
/// records back.
///
/// `point(at:)` reads one point back by its place (the merge confirms a hash match against the
/// point's own id, name or address; the plan reads the ids and names of the points it added),
/// so the spool keeps where each record starts: eight bytes a point.
public final class AddedPointSpool: @unchecked Sendable {
    /// Where the records are written.
    public let path: String
    /// How many points were written.
    public private(set) var count = 0
    /// The sources the written points cite.
    public private(set) var sourceIDs: Set<String> = []
    /// The first write that failed, if one did; later points are not written.
    public private(set) var failure: String?
    var handle: FileHandle?
    var lastSourceID: String?
    var buffer: [UInt8] = []
    static let chunkBytes = 1 << 20
    /// Where each point's record (its length) starts, counting the file's bytes and then the buffer's.
    var offsets: [Int] = []
    /// How many bytes the file holds; the buffer follows them.
    var flushedBytes = 0
    /// For `point(at:)`: the file opened for reading, the bytes last read from it (from
    /// `windowStart` on) and the place of the last point read.
    var readDescriptor: Int32 = -1
    var window: [UInt8] = []
    var windowStart = 0
    var lastRead = -2
    /// The features file, its buffer, and how many bytes it was given.
    var featureHandle: FileHandle?
    var features = FeatureBytes(capacity: 0)
    var featureBytes = 0

    /// Creates (or empties) the file at `path`.
    public init(path: String) throws {
        self.path = path
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        buffer.reserveCapacity(Self.chunkBytes + 4096)
        try? FileManager.default.removeItem(atPath: featuresPath)
        guard FileManager.default.createFile(atPath: featuresPath, contents: nil),
              let featureHandle = FileHandle(forWritingAtPath: featuresPath) else {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: featuresPath])
        }
        self.featureHandle = featureHandle
        features.bytes.reserveCapacity(Self.chunkBytes + 4096)
    }

    /// Where the points' features are written.
    public var featuresPath: String { path + ".features" }

    deinit {
        try? handle?.close()
        try? featureHandle?.close()
        if readDescriptor >= 0 { close(readDescriptor) }
    }

    /// Writes one point after the others.
    public func append(_ p: ServicePoint) {
        let start = buffer.count
        offsets.append(flushedBytes + start)
        buffer.append(contentsOf: [0, 0, 0, 0])
        Self.encode(p, into: &buffer)
        let length = UInt32(buffer.count - start - 4)
        for k in 0..<4 { buffer[start + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
        count += 1
        // Rows come a table at a time: hash the source only when it is not the last one's.
        if let source = p.provenance.sourceID, source != lastSourceID { sourceIDs.insert(source); lastSourceID = source }
        if buffer.count >= Self.chunkBytes { flush() }
        features.ascii(",\n")
        features.feature(p)
        if features.bytes.count >= Self.chunkBytes { flushFeatures() }
    }

    /// Writes the buffered features (dropped when a write failed: the catalogue is not written then).
    func flushFeatures() {
        defer { features.bytes.removeAll(keepingCapacity: true) }
        guard failure == nil, let featureHandle, !features.bytes.isEmpty else { return }
        do {
            try features.bytes.withUnsafeBufferPointer { try featureHandle.write(contentsOf: Data(buffer: $0)) }
            featureBytes += features.bytes.count
        } catch {
            failure = "cannot write \(featuresPath): \(error.localizedDescription)"
        }
    }

    /// Hands the features of every point, in the order written and each after ",\n", to `body` a
    /// megabyte at a time. Throws when a write failed or the file cannot be read back whole.
    public func forEachFeatureChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        flushFeatures()
        if let failure { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: failure]) }
        var total = 0
        let read = try FileChunks.read(featuresPath) { chunk in
            guard total + chunk.count <= featureBytes else { total = featureBytes + 1; return }
            total += chunk.count
            try body(chunk.assumingMemoryBound(to: UInt8.self))
        }
        guard read != nil else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: featuresPath]) }
        guard total == featureBytes else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: featuresPath]) }
    }

    /// Writes what is buffered. After a write fails, the buffer keeps every later point.
    func flush() {
        guard failure == nil, let handle, !buffer.isEmpty else { return }
        do {
            try buffer.withUnsafeBufferPointer { try handle.write(contentsOf: Data(buffer: $0)) }
            flushedBytes += buffer.count
            buffer.removeAll(keepingCapacity: true)
        } catch {
            failure = "cannot write \(path): \(error.localizedDescription)"
        }
    }

    /// The point written `index`-th (from 0), read back from the buffer or from the file: a
    /// megabyte ahead when the points are read in order, only its own record otherwise. Nil when
    /// it cannot be read (the spool was removed, or the file is damaged).
    public func point(at index: Int) -> ServicePoint? {
        guard index >= 0, index < offsets.count else { return nil }
        let start = offsets[index]
        let end = index + 1 < offsets.count ? offsets[index + 1] : flushedBytes + buffer.count
        if start >= flushedBytes {
            var cursor = start - flushedBytes + 4
            guard let point = Self.decode(buffer, at: &cursor, end: end - flushedBytes), cursor == end - flushedBytes else { return nil }
            return point
        }
        // A record is written whole: one in the file ends in the file.
        if start < windowStart || end > windowStart + window.count {
            let ahead = index == lastRead + 1 ? Self.chunkBytes : 0
            guard readWindow(from: start, count: min(max(end - start, ahead), flushedBytes - start)), end <= windowStart + window.count else {
                window = []
                return nil
            }
        }
        lastRead = index
        var cursor = start - windowStart + 4
        guard let point = Self.decode(window, at: &cursor, end: end - windowStart), cursor == end - windowStart else { return nil }
        return point
    }

    /// Reads `count` bytes of the file from `offset` into the window; false when it cannot.
    func readWindow(from offset: Int, count: Int) -> Bool {
        if readDescriptor < 0 {
            guard handle != nil else { return false }
            readDescriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard readDescriptor >= 0 else { return false }
        }
        let descriptor = readDescriptor
        window = [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
            var done = 0
            while done < count, let base = bytes.baseAddress {
                let n = pread(descriptor, base + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            initialized = done
        }
        windowStart = offset
        return window.count == count
    }

    /// Hands every point, in the order written, to `body` until it returns false. Throws when the
    /// file cannot be read back whole.
    public func forEach(_ body: (ServicePoint) throws -> Bool) throws {
        flush()
        if let failure { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: failure]) }
        guard let reader = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? reader.close() }
        var pending: [UInt8] = []
        var read = 0
        while true {
            let chunk = try reader.read(upToCount: Self.chunkBytes) ?? Data()
            pending.append(contentsOf: chunk)
            var offset = 0
            while pending.count - offset >= 4 {
                var length = 0
                for k in 0..<4 { length |= Int(pending[offset + k]) << (8 * k) }
                guard pending.count - offset - 4 >= length else { break }
                var cursor = offset + 4
                guard let point = Self.decode(pending, at: &cursor, end: offset + 4 + length), cursor == offset + 4 + length else {
                    throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
                }
                read += 1
                offset = cursor
                if try !body(point) { return }
            }
            pending.removeFirst(offset)
            if chunk.isEmpty { break }
        }
        guard pending.isEmpty, read == count else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Closes and removes the file.
    public func remove() {
        try? handle?.close()
        handle = nil
        try? featureHandle?.close()
        featureHandle = nil
        features = FeatureBytes(capacity: 0)
        try? FileManager.default.removeItem(atPath: featuresPath)
        if readDescriptor >= 0 { close(readDescriptor) }
        readDescriptor = -1
        window = []
        offsets = []
        buffer = []
        try? FileManager.default.removeItem(atPath: path)
    }

    // MARK: - Records

    static func encode(_ p: ServicePoint, into out: inout [UInt8]) {
        func u32(_ n: UInt32) { withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ n: UInt64) { withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) { u32(UInt32(s.utf8.count)); out.append(contentsOf: s.utf8) }
        func optional(_ s: String?) { if let s { out.append(1); string(s) } else { out.append(0) } }
        func coordinate(_ c: GeoCoordinate?) {
            guard let c else { out.append(0); return }
            out.append(1)
            u64(c.latitude.bitPattern)
            u64(c.longitude.bitPattern)
        }
        string(p.id); string(p.name); string(p.typeID)
        u32(UInt32(p.itemIDs.count)); for id in p.itemIDs { string(id) }
        optional(p.subdistrictCode); optional(p.community); optional(p.address); optional(p.phone); optional(p.hours)
        coordinate(p.location); optional(p.sourceDatum?.rawValue); coordinate(p.sourceCoordinate); optional(p.note)
        string(p.provenance.kind); optional(p.provenance.sourceID)
        if let o = p.origin {
            out.append(1)
            string(o.file); optional(o.sheet)
            if let row = o.row { out.append(1); u64(UInt64(bitPattern: Int64(row))) } else { out.append(0) }
            string(o.date)
        } else {
            out.append(0)
        }
    }

    static func decode(_ array: [UInt8], at index: inout Int, end: Int) -> ServicePoint? {
        array.withUnsafeBytes { bytes in decode(bytes, at: &index, end: end) }
    }

    /// One record from `bytes[i..<end]`, read straight from the bytes; nil when it is not one.
    static func decode(_ bytes: UnsafeRawBufferPointer, at i: inout Int, end: Int) -> ServicePoint? {
        var failed = false
        func take(_ n: Int) -> Int? {
            guard n >= 0, end - i >= n else { failed = true; return nil }
            defer { i += n }
            return i
        }
        func u8() -> UInt8 { take(1).map { bytes[$0] } ?? 0 }
        func u32() -> Int { take(4).map { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt32.self))) } ?? 0 }
        func u64() -> UInt64 { take(8).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt64.self)) } ?? 0 }
        func string() -> String {
            let n = u32()
            guard let at = take(n) else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
        }
        func optional() -> String? { u8() == 1 ? string() : nil }
        func coordinate() -> GeoCoordinate? {
            guard u8() == 1 else { return nil }
            let latitude = Double(bitPattern: u64())
            return GeoCoordinate(latitude: latitude, longitude: Double(bitPattern: u64()))
        }
        let id = string(), name = string(), typeID = string()
        var itemIDs: [String] = []
        let itemCount = u32()
        guard itemCount <= end - i else { return nil }
        for _ in 0..<itemCount { itemIDs.append(string()) }
        let subdistrict = optional(), community = optional(), address = optional(), phone = optional(), hours = optional()
        let location = coordinate()
        let datumText = optional()
        let sourceCoordinate = coordinate()
        let note = optional()
        let kind = string(), source = optional()
        var origin: ImportOrigin?
        if u8() == 1 {
            let file = string(), sheet = optional()
            let row: Int? = u8() == 1 ? Int(Int64(bitPattern: u64())) : nil
            origin = ImportOrigin(file: file, sheet: sheet, row: row, date: string())
        }
        var datum: Datum?
        if let datumText {
            guard let known = Datum(rawValue: datumText) else { return nil }
            datum = known
        }
        guard !failed, let provenance = Provenance(kind: kind, source: source) else { return nil }
        return ServicePoint(id: id, name: name, typeID: typeID, itemIDs: itemIDs, subdistrictCode: subdistrict, community: community,
                            address: address, phone: phone, hours: hours, location: location, sourceDatum: datum,
                            sourceCoordinate: sourceCoordinate, note: note, provenance: provenance, origin: origin)
    }
}
