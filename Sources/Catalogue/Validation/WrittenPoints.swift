import Foundation

/// The points a writer has just put into a folder's points.geojson, with the length and digest of
/// the bytes it wrote, so that validating the folder need not parse them again
/// (`CatalogueLoader.validate(folder:writtenPoints:)`): when the file on disk is still exactly
/// those bytes, the points are checked as records, with the same checks reading them would run.
public struct WrittenPoints {
    /// How many bytes the writer wrote, and their `ByteDigest`.
    public var byteCount: Int
    public var digest: UInt64
    /// How many points the file holds.
    public var count: Int
    /// Hands every written point, in file order, to `body` until it returns false.
    public var forEach: ((ServicePoint) -> Bool) -> Void

    public init(byteCount: Int, digest: UInt64, count: Int, forEach: @escaping ((ServicePoint) -> Bool) -> Void) {
        self.byteCount = byteCount
        self.digest = digest
        self.count = count
        self.forEach = forEach
    }

    /// The points of an array, written as `bytes` bytes with `digest`.
    public init(_ points: [ServicePoint], byteCount: Int, digest: UInt64) {
        self.init(byteCount: byteCount, digest: digest, count: points.count) { body in
            for point in points where !body(point) { return }
        }
    }

    /// True when the regular file at `path` holds exactly `byteCount` bytes with `digest` (read a
    /// megabyte at a time, so the check holds no more than that in memory).
    func matches(fileAt path: String) -> Bool {
        var hasher = ByteDigest()
        return hasher.add(contentsOfFileAt: path) == byteCount && hasher.value == digest
    }
}

/// A 64-bit digest of a stream of bytes, the same however the stream is cut into pieces: eight
/// bytes at a time, multiplied and rotated. Not cryptographic; it tells a file that is not the
/// one a writer wrote (`WrittenPoints`) and whether a catalogue's sources changed (the compiled
/// catalogue's stamp and source hash).
public struct ByteDigest: Sendable {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Bytes of an unfinished word, lowest first, and how many.
    var pending: UInt64 = 0
    var pendingCount = 0
    var length: UInt64 = 0

    public init() {}

    mutating func mix(_ word: UInt64) {
        state = (state ^ (word &* 0xC2B2_AE3D_27D4_EB4F))
        state = ((state << 31) | (state >> 33)) &* 0x9E37_79B9_7F4A_7C15
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        length &+= UInt64(n)
        var i = 0
        while pendingCount > 0 && i < n {
            pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt64(pendingCount))
            pendingCount += 1
            i += 1
            if pendingCount == 8 { mix(pending); pending = 0; pendingCount = 0 }
        }
        while i + 8 <= n {
            mix(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < n {
            pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt64(pendingCount))
            pendingCount += 1
            i += 1
        }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds the bytes of the regular file at `path`, read a megabyte at a time (the same digest
    /// as adding them at once, without holding the file), and returns how many there were; nil,
    /// with nothing added, when it is not a readable regular file (a FIFO must not block).
    public mutating func add(contentsOfFileAt path: String) -> Int? {
        var digest = self
        let total = FileChunks.read(path) { digest.add($0) }
        self = digest
        return total
    }

    /// The digest of the bytes added so far.
    public var value: UInt64 {
        var copy = self
        copy.mix(pending ^ (UInt64(pendingCount) << 56))
        copy.mix(length)
        return copy.state
    }
}

/// A regular file read a megabyte at a time: the one chunked reader of the digests and of the
/// import's spooled features.
public enum FileChunks {
    /// Hands the bytes of the regular file at `path` to `body` a chunk at a time and returns how
    /// many it read (fewer than the file holds when a read fails); nil, with nothing read, when it
    /// is not a readable regular file (a FIFO must not block).
    public static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Int? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        var total = 0
        while true {
            let n = Foundation.read(descriptor, chunk.baseAddress, chunk.count)
            if n < 0 { if errno == EINTR { continue }; return total }
            if n == 0 { return total }
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            total += n
        }
    }
}
