import Catalogue
import Foundation

/// Fingerprints of a catalogue's source files: a cheap stamp from sizes and modification times,
/// and a content hash that decides whether a rebuild is needed when the stamp differs.
struct SourceFingerprint {
    /// Paths, sizes and modification times: equal stamps mean unchanged files. An edit in place
    /// changes the file's modification time (to the nanosecond) even when it keeps the size.
    static func stamp(folder: URL, files: [String]) -> String {
        var hash = FNV1a()
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
            hash.add(bytes: path[base..<(path.count - 1)])
            hash.add(integer: found ? Int64(info.st_size) : -1)
            hash.add(integer: found ? Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) : 0)
        }
        return hash.hex
    }

    /// A hash of every file's name and bytes.
    static func contentHash(folder: URL, files: [String]) -> String {
        var hash = FNV1a()
        hash.add("schema \(CatalogueDatabase.schemaVersion)")
        for file in files {
            hash.add(file)
            // Only regular files (a FIFO in a source's place must not block the start), read a
            // megabyte at a time so a large file is never held whole.
            hash.add(contentsOf: folder.appendingPathComponent(file).path)
        }
        return hash.hex
    }
}

/// 64-bit FNV-1a: not cryptographic, but enough to tell whether sources changed.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        var v = value
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for byte in bytes {
                v ^= UInt64(byte)
                v = v &* 0x0000_0100_0000_01B3
            }
        }
        value = v
        add(byte: 0xFF)
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    /// Adds bytes followed by a separator, as `add(_:)` does.
    mutating func add(bytes: ArraySlice<UInt8>) {
        var v = value
        for byte in bytes {
            v ^= UInt64(byte)
            v = v &* 0x0000_0100_0000_01B3
        }
        value = v
        add(byte: 0xFF)
    }

    /// Adds a file's bytes read a megabyte at a time (the same value as `add(Data)` of the whole
    /// file, without holding it), or nothing when it is not a readable regular file.
    mutating func add(contentsOf path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var v = value
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.withUnsafeBufferPointer { bytes in
                for byte in bytes[0..<count] {
                    v ^= UInt64(byte)
                    v = v &* 0x0000_0100_0000_01B3
                }
            }
        }
        value = v
        add(byte: 0xFF)
    }

    /// Adds the eight little-endian bytes of an integer.
    mutating func add(integer: Int64) {
        var v = value
        var bits = UInt64(bitPattern: integer)
        for _ in 0..<8 {
            v ^= bits & 0xFF
            v = v &* 0x0000_0100_0000_01B3
            bits >>= 8
        }
        value = v
    }

    private mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
