import Catalogue
import Foundation

/// Fingerprints of a catalogue's source files: a cheap stamp from sizes and modification times,
/// and a content hash that decides whether a rebuild is needed when the stamp differs.
struct SourceFingerprint {
    /// Paths, sizes and modification times: equal stamps mean unchanged files.
    static func stamp(folder: URL, files: [String]) -> String {
        var hash = FNV1a()
        for file in files {
            // stat(2) directly: FileManager's attributes also look up owner and group names,
            // which cost more than the stat itself for each of ~900 files.
            var info = stat()
            let found = stat(folder.appendingPathComponent(file).path, &info) == 0
            let size = found ? Int64(info.st_size) : -1
            let modified = found ? Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec) : 0
            hash.add(file)
            hash.add("\(size):\(modified)")
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

    private mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
