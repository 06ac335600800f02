/// The bytes of a compiled section, kept alive for as long as records are read from them on
/// demand (a lazily decoded catalogue keeps its section's bytes rather than every record).
public final class ImageBytes: @unchecked Sendable {
    /// The bytes; never written after `init`, so any thread may read them.
    public let buffer: UnsafeRawBufferPointer
    private let storage: UnsafeMutableRawBufferPointer

    /// Takes ownership of `storage` (allocated with `UnsafeMutableRawBufferPointer.allocate`),
    /// of which the first `count` bytes are the section.
    public init(adopting storage: UnsafeMutableRawBufferPointer, count: Int) {
        self.storage = storage
        buffer = UnsafeRawBufferPointer(rebasing: storage[0..<count])
    }

    /// A copy of `bytes`, 8-byte aligned.
    public convenience init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, !source.isEmpty { storage.baseAddress?.copyMemory(from: base, byteCount: source.count) }
        }
        self.init(adopting: storage, count: bytes.count)
    }

    deinit { storage.deallocate() }
}
