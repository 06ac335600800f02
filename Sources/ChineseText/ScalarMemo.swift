import Foundation

/// A thread-safe memo from one scalar to another (the simplified form of a Han character).
final class ScalarMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Unicode.Scalar: Unicode.Scalar] = [:]

    /// The kept answer for `scalar`, else `compute()`'s, which is kept.
    func value(for scalar: Unicode.Scalar, compute: () -> Unicode.Scalar) -> Unicode.Scalar {
        lock.lock()
        if let known = answers[scalar] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let answer = compute()
        lock.lock()
        answers[scalar] = answer
        lock.unlock()
        return answer
    }
}
