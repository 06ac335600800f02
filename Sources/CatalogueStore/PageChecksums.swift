import CPageChecksum
import Foundation
import GRDB

/// Per-page checksums for compiled catalogues. A pass-through VFS (`Sources/CPageChecksum`)
/// keeps an 8-byte checksum in each page's reserved bytes and verifies every page SQLite reads,
/// so a flipped bit becomes a read error — and a rebuild — instead of wrong text. The cost is one
/// pass over the pages a command actually reads (see docs/performance.md).
enum PageChecksums {
    /// Registers the checksum VFS as SQLite's default, once per process; true when it is in place.
    static let isRegistered: Bool = fuwu_page_checksum_register() == 0 /* SQLITE_OK */

    /// Reserves the checksum bytes on a new, empty database.
    static func reserve(_ db: Database) throws {
        guard fuwu_page_checksum_reserve(db.sqliteConnection) == 0 /* SQLITE_OK */ else {
            throw StoreError.unwritable(path: db.description, reason: "cannot reserve space for page checksums")
        }
    }

    /// What the first 100 bytes of a compiled catalogue say about it.
    enum Header: Equatable {
        /// An SQLite database whose pages carry checksums.
        case protected
        /// An SQLite database without checksums: written by an earlier fuwu.
        case unprotected
        /// Not an SQLite database header at all.
        case damaged
    }

    /// Reads and classifies the header of the file at `path` (which must be a regular file).
    static func header(of path: String) -> Header {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .damaged }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 100)
        guard pread(fd, &bytes, 100, 0) == 100, bytes.starts(with: Array("SQLite format 3\0".utf8)) else { return .damaged }
        switch bytes[20] {
        case 8: return .protected
        case 0: return .unprotected
        default: return .damaged
        }
    }

    /// SQLite's extended code for a read the VFS rejected (SQLITE_IOERR_DATA).
    static let checksumMismatchCode: Int32 = 10 | (32 << 8)

    /// A damage error in a few words: "a page checksum does not match", else SQLite's message.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        if error.extendedResultCode.rawValue == checksumMismatchCode { return "a page checksum does not match" }
        return error.message ?? "\(error.resultCode)"
    }

    /// True when `error` says the database file is damaged (a checksum mismatch, a malformed
    /// page, not a database) rather than, say, busy or missing.
    static func indicatesDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_FORMAT:
            return true
        default:
            return false
        }
    }
}
