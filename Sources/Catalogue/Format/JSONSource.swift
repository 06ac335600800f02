import Foundation

/// The UTF-8 bytes of one JSON document, and the way from a byte offset to a 1-based line and
/// column (columns count Unicode scalars). Values remember only their byte offset; the line table
/// is built the first time a position is asked for, which normally means an error is reported.
public final class JSONSource: @unchecked Sendable {
    /// The document's bytes; valid as long as this object lives.
    let bytes: UnsafeBufferPointer<UInt8>
    /// True when the bytes are a read-only mapping of a file (pages can be dropped and re-read).
    let isMapped: Bool
    private let release: () -> Void
    private let lock = NSLock()
    private var lineStarts: [Int]?
    /// The last position resolved, so positions asked for in file order count each line once.
    private var cursor: (offset: Int, line: Int, column: Int) = (0, 1, 1)

    private init(bytes: UnsafeBufferPointer<UInt8>, isMapped: Bool, release: @escaping () -> Void) {
        self.bytes = bytes
        self.isMapped = isMapped
        self.release = release
    }

    /// A copy of `text`'s bytes.
    public convenience init(_ text: String) {
        self.init(copying: Array(text.utf8))
    }

    convenience init(copying array: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        self.init(bytes: UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<array.count]), isMapped: false,
                  release: { buffer.deallocate() })
    }

    /// The bytes of the regular file at `path` (links followed), mapped read-only rather than
    /// copied, so a large file costs memory only for the pages being read (see `forget(before:)`).
    /// Fails as `SourceFile.read` does: missing, not a regular file (a FIFO is never waited on),
    /// or unreadable.
    static func mapping(_ path: String) -> Result<JSONSource, SourceFile.Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
            return .failure(.unreadable(reason: String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind: SourceFile.kindName(info.st_mode))) }
        let size = Int(info.st_size)
        if size == 0 { return .success(JSONSource(copying: [])) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != UnsafeMutableRawPointer(bitPattern: -1) else {
            return .failure(.unreadable(reason: String(cString: strerror(errno))))
        }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        return .success(JSONSource(bytes: bytes, isMapped: true, release: { munmap(base, size) }))
    }

    /// True when the bytes start with a UTF-8 byte-order mark.
    var startsWithByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    deinit { release() }

    /// Tells the kernel that the pages before `offset` are not needed now: a mapped file's pages
    /// are dropped from memory (and read again should a message need them later).
    func forget(before offset: Int) {
        let page = Int(getpagesize())
        guard isMapped, let base = bytes.baseAddress else { return }
        let start = UnsafeMutableRawPointer(mutating: base)
        let pages = (offset / page) * page
        if pages > 0 { _ = madvise(start, pages, Int32(MADV_DONTNEED)) }
    }

    /// True when the bytes are well-formed UTF-8 (no overlong forms, surrogates or values above
    /// U+10FFFF), which the parser then relies on.
    var isValidUTF8: Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        let n = bytes.count
        let p = bytes
        var released = 0
        while i < n {
            if isMapped && i - released > 1 << 24 {
                forget(before: i)
                released = i
            }
            // Eight ASCII bytes at a time.
            let limit = isMapped ? min(n, released + 1 << 24) : n
            while i + 8 <= limit {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard i + length <= n, (lower...upper).contains(p[i + 1]) else { return false }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(p[i + k]) { return false }
            i += length
        }
        return true
    }

    /// The 1-based line and column of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        lock.lock()
        defer { lock.unlock() }
        let starts = lineTable()
        // The last line starting at or before `offset`.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = low + 1
        var from = starts[low], column = 1
        if cursor.line == line && cursor.offset <= offset && cursor.offset >= from {
            from = cursor.offset
            column = cursor.column
        }
        var i = from
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cursor = (offset, line, column)
        return (line, column)
    }

    private func lineTable() -> [Int] {
        if let lineStarts { return lineStarts }
        var starts = [0]
        if let base = bytes.baseAddress {
            var offset = 0
            while offset < bytes.count,
                  let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
        return starts
    }
}
