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
        var path = Array(folder.path.utf8)
        path.append(UInt8(ascii: "/"))
        let base = path.count
        for file in files {
            path.removeSubrange(base...)
            path.append(contentsOf: file.utf8)
            path.append(0)
            var info = stat()
            let found = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    chars.baseAddress.map { stat($0, &info) == 0 } ?? false
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
            // Only regular files: a FIFO in a source's place must not block the start.
            if case .success(let data) = SourceFile.read(folder.appendingPathComponent(file).path) {
                hash.add(data)
            }
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
