/// A read-only array of fixed-width values that either owns its memory or borrows it from bytes
/// that another object keeps alive (a mapped file section), so that a table written by a
/// compiler can be read where it lies, with no copy and no decoding.
public struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// The values (never written through).
    public let buffer: UnsafeBufferPointer<Element>
    /// What keeps `buffer` alive: its own storage, or the borrowed bytes' owner.
    private let owner: AnyObject

    /// A copy of `values` in memory of its own.
    public init(_ values: [Element]) {
        let storage = Storage(values)
        buffer = UnsafeBufferPointer(storage.buffer)
        owner = storage
    }

    /// Values that live in `buffer`, valid for as long as `owner` is.
    public init(borrowing buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.buffer = buffer
        self.owner = owner
    }

    /// The same bytes read as values of another type of the same stride (the bit patterns of
    /// doubles stored as integers, flags stored as bytes); nil when the strides or alignments differ.
    public func reinterpreted<Other: BitwiseCopyable>(as _: Other.Type) -> FlatArray<Other>? {
        guard MemoryLayout<Other>.stride == MemoryLayout<Element>.stride,
              MemoryLayout<Other>.alignment <= MemoryLayout<Element>.alignment else { return nil }
        guard let base = buffer.baseAddress else { return FlatArray<Other>([]) }
        return FlatArray<Other>(borrowing: UnsafeBufferPointer(start: UnsafeRawPointer(base).assumingMemoryBound(to: Other.self),
                                                               count: buffer.count), owner: owner)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }

    @inline(__always)
    public subscript(position: Int) -> Element { buffer[position] }

    private final class Storage {
        let buffer: UnsafeMutableBufferPointer<Element>

        init(_ values: [Element]) {
            let whole = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(values.count, 1))
            _ = whole.initialize(from: values)
            buffer = UnsafeMutableBufferPointer(rebasing: whole[0..<values.count])
        }

        deinit { buffer.deallocate() }
    }
}
