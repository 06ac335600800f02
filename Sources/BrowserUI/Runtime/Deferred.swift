import Foundation

/// A value computed on first use and kept; thread-safe. The browser's first frame must not wait
/// for indexes only some sessions need, so they are built when first asked for, or warmed on
/// another core after the first frame.
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, computed now if no one has asked before (a second caller waits for the first).
    public var value: Value { value(onceHeld: {}) }

    /// The value, as `value`; `held` runs as soon as this call holds the lock, before computing,
    /// so that another thread told of it knows that whoever asks next waits for this computation
    /// rather than starting one of its own.
    public func value(onceHeld held: () -> Void) -> Value {
        lock.lock()
        defer { lock.unlock() }
        held()
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
