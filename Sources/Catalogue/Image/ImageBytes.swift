import FlatStorage
import Foundation

/// The bytes of a compiled section, kept alive for as long as records are read from them on
/// demand (a lazily decoded catalogue keeps its section's bytes rather than every record).
///
/// The bytes may come with a check per block (`blockSize` bytes each, the last shorter): then
/// no byte is trusted until its block has passed, which `verify` does once per block on first
/// use, so a command that reads a few records of a large mapped section checks those blocks only.
public final class ImageBytes: @unchecked Sendable {
    /// The bytes; never written after `init`, so any thread may read them (after `verify`).
    public let buffer: UnsafeRawBufferPointer
    private let release: () -> Void
    private let blockSize: Int
    private let checkBlock: ((Int, UnsafeRawBufferPointer) -> Bool)?
    /// Guarded by `lock`: which blocks have passed their check.
    private var passed: [Bool]
    private let lock = NSLock()

    /// Bytes that `release` frees, checked block by block with `checkBlock(index, bytes)` when
    /// one is given (else trusted as they are).
    public init(buffer: UnsafeRawBufferPointer, blockSize: Int = 1 << 16,
                checkBlock: ((Int, UnsafeRawBufferPointer) -> Bool)? = nil, release: @escaping () -> Void) {
        self.buffer = buffer
        self.release = release
        self.blockSize = max(blockSize, 1)
        self.checkBlock = checkBlock
        passed = checkBlock == nil ? [] : [Bool](repeating: false, count: (buffer.count + max(blockSize, 1) - 1) / max(blockSize, 1))
    }

    /// Takes ownership of `storage` (allocated with `UnsafeMutableRawBufferPointer.allocate`),
    /// of which the first `count` bytes are the section, already checked.
    public convenience init(adopting storage: UnsafeMutableRawBufferPointer, count: Int) {
        self.init(buffer: UnsafeRawBufferPointer(rebasing: storage[0..<count])) { storage.deallocate() }
    }

    /// A copy of `bytes`, 8-byte aligned.
    public convenience init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, !source.isEmpty { storage.baseAddress?.copyMemory(from: base, byteCount: source.count) }
        }
        self.init(adopting: storage, count: bytes.count)
    }

    deinit { release() }

    /// True when every block overlapping `range` has passed its check (checking those not yet
    /// checked); a range past the end fails.
    public func verify(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= buffer.count else { return false }
        guard let checkBlock, !range.isEmpty else { return true }
        let first = range.lowerBound / blockSize, last = (range.upperBound - 1) / blockSize
        lock.lock()
        defer { lock.unlock() }
        for block in first...last where !passed[block] {
            let start = block * blockSize, end = min(start + blockSize, buffer.count)
            guard checkBlock(block, UnsafeRawBufferPointer(rebasing: buffer[start..<end])) else { return false }
            passed[block] = true
        }
        return true
    }

    /// `verify` for the values at `positions` of `array`, which must lie in these bytes (as
    /// `borrowed` gives them); false when it does not, or a position is out of its range.
    func verify<T>(_ positions: Range<Int>, of array: FlatArray<T>) -> Bool {
        guard positions.lowerBound >= 0, positions.upperBound <= array.count else { return false }
        guard !positions.isEmpty else { return true }
        guard let base = buffer.baseAddress, let start = array.buffer.baseAddress else { return false }
        let offset = UnsafeRawPointer(start) - base
        let stride = MemoryLayout<T>.stride
        return verify((offset + positions.lowerBound * stride)..<(offset + positions.upperBound * stride))
    }

    /// The values in `range` (whole values of `T`, as `ByteWriter.array` lays them out), borrowed
    /// where they lie for as long as these bytes live. The caller checks the blocks (`verify`)
    /// before trusting them; refused when they are not aligned for `T`.
    func borrowed<T: BitwiseCopyable>(_ range: Range<Int>, as _: T.Type) throws(CatalogueImageError) -> FlatArray<T> {
        guard let base = buffer.baseAddress, !range.isEmpty else { return FlatArray([]) }
        let start = base + range.lowerBound
        guard Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else { throw .malformed("unaligned table") }
        return FlatArray(borrowing: UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self),
                                                        count: range.count / MemoryLayout<T>.stride), owner: self)
    }

    /// The block range that holds `range` (what a reader may read after one `verify`).
    func blocks(holding range: Range<Int>) -> Range<Int> {
        guard checkBlock != nil, !range.isEmpty else { return 0..<buffer.count }
        let start = range.lowerBound / blockSize * blockSize
        return start..<min(((range.upperBound - 1) / blockSize + 1) * blockSize, buffer.count)
    }
}
