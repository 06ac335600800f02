import Catalogue
import Foundation

/// Fingerprints of a catalogue's source files: a cheap stamp from sizes and modification times,
/// and a content hash that decides whether a rebuild is needed when the stamp differs.
struct SourceFingerprint {
    /// Paths, sizes and modification times: equal stamps mean unchanged files. An edit in place
    /// changes the file's modification time (to the nanosecond) even when it keeps the size.
    static func stamp(folder: URL, files: [String]) -> String {
        var hash = ByteDigest()
        // stat(2) directly, on paths built as bytes: FileManager's attributes also look up owner
        // and group names, and URL path building cost more than the stat itself, for each of ~900 files.
        // Relative to the folder, opened once, so that the kernel walks only the file's own
        // components (`standards/S0001.md`), not the folder's path again for each file.
        var path = Array(folder.path.utf8)
        path.append(UInt8(ascii: "/"))
        let base = path.count
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if directory >= 0 { close(directory) } }
        for file in files {
            path.removeSubrange(base...)
            path.append(contentsOf: file.utf8)
            path.append(0)
            var info = stat()
            let found = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let start = chars.baseAddress else { return false }
                    return directory >= 0 ? fstatat(directory, start + base, &info, 0) == 0 : stat(start, &info) == 0
                }
            }
            hash.addPiece(path[base..<(path.count - 1)])
            hash.add(integer: found ? Int64(info.st_size) : -1)
            hash.add(integer: found ? Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) : 0)
        }
        return hash.hex
    }

    /// A hash of every file's name and bytes.
    static func contentHash(folder: URL, files: [String]) -> String {
        var hash = ByteDigest()
        hash.addPiece("schema \(CatalogueDatabase.schemaVersion)")
        for file in files {
            hash.addPiece(file)
            // Only regular files (a FIFO in a source's place must not block the start), read a
            // megabyte at a time so a large file is never held whole.
            hash.addPiece(contentsOfFileAt: folder.appendingPathComponent(file).path)
        }
        return hash.hex
    }
}

extension ByteDigest {
    /// Adds `text` and a 0xFF byte after it (which UTF-8 never holds), so that pieces of
    /// different lengths never run together.
    mutating func addPiece(_ text: String) {
        add(text)
        addSeparator()
    }

    /// Adds bytes and the separator.
    mutating func addPiece(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { add($0) }
        addSeparator()
    }

    /// Adds a file's bytes (nothing when it is not a readable regular file) and the separator.
    mutating func addPiece(contentsOfFileAt path: String) {
        _ = add(contentsOfFileAt: path)
        addSeparator()
    }

    /// Adds the eight little-endian bytes of an integer.
    mutating func add(integer: Int64) {
        withUnsafeBytes(of: integer.littleEndian) { add($0) }
    }

    private mutating func addSeparator() {
        withUnsafeBytes(of: UInt8(0xFF)) { add($0) }
    }

    /// The digest as 16 hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
