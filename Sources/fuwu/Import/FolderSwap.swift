import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished catalogue folder in place of the old one in one step: `renameat2` with
/// `RENAME_EXCHANGE` on Linux swaps the two names atomically, so a reader sees either the whole old
/// catalogue or the whole new one, and a crash leaves one of them in place.
enum FolderSwap {
    /// Why a swap failed.
    struct Failure: Error {
        var reason: String
    }

    static let renameNoReplace: UInt32 = 1
    static let renameExchange: UInt32 = 2

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift does not see its declaration
    /// without _GNU_SOURCE, and `syscall` is variadic, which Swift cannot call.
    static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges the folders at `a` and `b` atomically.
    static func exchange(_ a: String, _ b: String) throws(Failure) {
        guard let renameat2 else {
            throw Failure(reason: "this system has no renameat2, so the folders cannot be swapped atomically")
        }
        let atCurrent: Int32 = -100 // AT_FDCWD
        if renameat2(atCurrent, a, atCurrent, b, renameExchange) != 0 {
            let code = errno
            throw Failure(reason: "cannot swap \(a) and \(b): \(String(cString: strerror(code)))")
        }
    }

    /// Moves `from` to `to`, which must not exist (`RENAME_NOREPLACE` where the system has it).
    static func move(_ from: String, to: String) throws(Failure) {
        let atCurrent: Int32 = -100
        let result = renameat2.map { $0(atCurrent, from, atCurrent, to, renameNoReplace) } ?? rename(from, to)
        if result != 0 {
            let code = errno
            throw Failure(reason: "cannot move \(from) to \(to): \(String(cString: strerror(code)))")
        }
    }
}
