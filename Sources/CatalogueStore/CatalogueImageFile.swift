import CPageChecksum
import Catalogue
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compiled catalogue's start-up file, beside its SQLite database: the source stamp and hash,
/// then the catalogue, search index and place-name keys in their binary forms
/// (`ServiceCatalogue.image`, `SearchIndex.image`, `PlaceNameTable.image`), each with a checksum,
/// and a checksum per 16 KiB block of the catalogue and search sections.
///
/// A cached start reads the header and the block checksums, and maps the catalogue section (no
/// SQLite); the search section is mapped only by the commands that search, and read in place. The file
/// stays open, so a later section comes from the same file even if a rebuild has renamed a new
/// one over it.
final class CatalogueImageFile: @unchecked Sendable {
    /// Bumped whenever the layout or a section's encoding changes; an older file is rebuilt.
    static let version: UInt32 = 10
    static let magic: [UInt8] = Array("FUWUIMG\0".utf8)
    static let headerSize = 8 + 4 + 4 + 16 + 16 + Section.allCases.count * 24 + 16

    /// The sections, in file order. `blocks` and `searchBlocks` hold a checksum per `blockSize`
    /// bytes of the catalogue and search sections, so that a command checks only the blocks it reads.
    enum Section: Int, CaseIterable {
        case catalogue, search, places, blocks, searchBlocks
    }

    /// The catalogue and search sections are checked in blocks of this many bytes.
    static let blockSize = 1 << 14

    let path: String
    /// The sources' stamp and content hash when this was compiled (`SourceFingerprint`).
    let stamp: String
    let sourceHash: String
    private let descriptor: Int32
    private let sections: [(offset: Int, length: Int, checksum: UInt64)]

    /// Opens the file and reads its header; nil when there is none, or it is another version or damaged.
    init?(path: String) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        let read = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Self.headerSize, 0) }
        guard read == Self.headerSize, Array(header[0..<8]) == Self.magic,
              Self.u32(header, 8) == Self.version, Int(Self.u32(header, 12)) == Section.allCases.count,
              Self.u64(header, Self.headerSize - 16) == Self.checksum(header[0..<(Self.headerSize - 16)]) else {
            close(fd)
            return nil
        }
        self.path = path
        descriptor = fd
        stamp = String(decoding: header[16..<32], as: UTF8.self)
        sourceHash = String(decoding: header[32..<48], as: UTF8.self)
        sections = Section.allCases.map { section in
            let base = 48 + section.rawValue * 24
            return (Int(Self.u64(header, base)), Int(Self.u64(header, base + 8)), Self.u64(header, base + 16))
        }
    }

    deinit { close(descriptor) }

    /// The bytes of one section, checked against its checksum, passed to `body`.
    func withSection<T>(_ section: Section, _ body: (UnsafeRawBufferPointer) throws(CatalogueImageError) -> T)
        throws(StoreError) -> T {
        let bytes = try sectionBytes(section)
        do {
            return try body(bytes.buffer)
        } catch {
            throw damaged("its start-up file's \(section) section: \(error.description)")
        }
    }

    /// The catalogue section mapped into memory, each block checked against its checksum in the
    /// `blocks` section when first read (`ImageBytes.verify`): a command that reads a few records
    /// of a large catalogue pages in and checks those blocks only.
    func catalogueBytes() throws(StoreError) -> ImageBytes {
        try mappedBytes(.catalogue, sums: .blocks)
    }

    /// The search section mapped into memory, checked by block as it is read (as
    /// `catalogueBytes`); the search index reads its arrays where they lie.
    func searchBytes(checkingWholeUpTo limit: Int = checkedWholeUpTo) throws(StoreError) -> ImageBytes {
        try mappedBytes(.search, sums: .searchBlocks, checkingWholeUpTo: limit)
    }

    /// A section mapped into memory, its blocks checked against the checksums in `sums`: all of
    /// them now when it is at most `limit` bytes, else each when first read.
    private func mappedBytes(_ section: Section, sums sumsSection: Section, checkingWholeUpTo limit: Int = checkedWholeUpTo)
        throws(StoreError) -> ImageBytes {
        let (offset, length, _) = sections[section.rawValue]
        let sums: [UInt64] = try withSection(sumsSection) { bytes throws(CatalogueImageError) in
            guard bytes.count == (length + Self.blockSize - 1) / Self.blockSize * 8 else { throw .malformed("block checksums") }
            return (0..<(bytes.count / 8)).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        guard length > 0 else { return ImageBytes(copying: []) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset / page * page
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) >= offset + length else {
            throw damaged("its start-up file's \(section) section is cut short")
        }
        guard let mapped = mmap(nil, offset - start + length, PROT_READ, MAP_PRIVATE, descriptor, off_t(start)),
              mapped != MAP_FAILED else {
            throw damaged("its start-up file cannot be mapped (\(String(cString: strerror(errno))))")
        }
        let mappedLength = offset - start + length
        let buffer = UnsafeRawBufferPointer(start: mapped + (offset - start), count: length)
        let release = { _ = munmap(mapped, mappedLength) }
        func blockPasses(_ block: Int, _ bytes: UnsafeRawBufferPointer) -> Bool { Self.checksum(bytes) == sums[block] }
        // A section of Futian's size (a few megabytes at most) is checked whole now, and then read
        // without further checks; damage is found when it is opened and means a recompile. Only a
        // large section is checked block by block as it is read. The whole check reads the file
        // into one block-sized buffer rather than through the mapping, so that it pages nothing
        // in: the mapping's pages become resident only as records are read (the browser's first
        // frame reads items and standards, not the points), which keeps them out of its peak RSS.
        guard length > limit else {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.blockSize, alignment: 8)
            defer { block.deallocate() }
            for index in sums.indices {
                let from = index * Self.blockSize, count = min(Self.blockSize, length - from)
                guard readFully(into: block.baseAddress!, count: count, at: offset + from),
                      blockPasses(index, UnsafeRawBufferPointer(rebasing: block[0..<count])) else {
                    release()
                    throw damaged("its start-up file's \(section) section fails its checksum")
                }
            }
            return ImageBytes(buffer: buffer, release: release)
        }
        return ImageBytes(buffer: buffer, blockSize: Self.blockSize, checkBlock: blockPasses, release: release)
    }

    /// Catalogue and search sections up to this size are checked whole on opening.
    static let checkedWholeUpTo = 8 << 20

    /// The bytes of one section, checked against its checksum, kept for as long as the caller
    /// holds them.
    func sectionBytes(_ section: Section) throws(StoreError) -> ImageBytes {
        let (offset, length, checksum) = sections[section.rawValue]
        guard length >= 0, length < 1 << 34 else { throw damaged("its start-up file's \(section) section has an impossible length") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(length, 1), alignment: 8)
        let bytes = ImageBytes(adopting: buffer, count: length)
        guard length == 0 || readFully(into: buffer.baseAddress!, count: length, at: offset) else {
            throw damaged("its start-up file's \(section) section is cut short")
        }
        guard Self.checksum(bytes.buffer) == checksum else { throw damaged("its start-up file's \(section) section fails its checksum") }
        return bytes
    }

    /// Reads `count` bytes at `offset` of the file into `destination`; false when the file ends
    /// first or a read fails.
    private func readFully(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(descriptor, destination + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    private func damaged(_ reason: String) -> StoreError { .damaged(path: path, reason: reason) }

    /// The error for a section whose bytes do not read back.
    func damagedSection(_ section: Section, _ error: CatalogueImageError) -> StoreError {
        damaged("its start-up file's \(section) section: \(error.description)")
    }

    // MARK: - Writing

    /// Writes a new image file at `path` (replacing nothing: the caller renames it into place).
    static func write(to path: String, stamp: String, sourceHash: String,
                      sections contents: [Section: [UInt8]]) throws(StoreError) {
        var header: [UInt8] = magic
        append(&header, version)
        append(&header, UInt32(Section.allCases.count))
        header += fixed16(stamp) + fixed16(sourceHash)
        var contents = contents
        contents[.blocks] = blockChecksums(contents[.catalogue] ?? [])
        contents[.searchBlocks] = blockChecksums(contents[.search] ?? [])
        var offset = headerSize
        for section in Section.allCases {
            let bytes = contents[section] ?? []
            append(&header, UInt64(offset))
            append(&header, UInt64(bytes.count))
            append(&header, bytes.withUnsafeBytes { checksum($0) })
            offset += bytes.count + padding(bytes.count)
        }
        append(&header, header.withUnsafeBytes { checksum($0) })
        append(&header, UInt64(0))
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // Each part written where it is, so a million-point catalogue is not copied into one buffer.
        func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        var written = header.withUnsafeBytes(write)
        let zeros = [UInt8](repeating: 0, count: 8)
        for section in Section.allCases where written {
            let bytes = contents[section] ?? []
            written = bytes.withUnsafeBytes(write)
                && zeros.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<padding(bytes.count)])) }
        }
        guard written else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The checksum of each `blockSize` bytes of `bytes`, as little-endian 64-bit values.
    private static func blockChecksums(_ bytes: [UInt8]) -> [UInt8] {
        var sums: [UInt8] = []
        bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: blockSize) {
                append(&sums, checksum(UnsafeRawBufferPointer(rebasing: all[start..<min(start + blockSize, all.count)])))
            }
        }
        return sums
    }

    /// Zero bytes after a section of `count` bytes, so that the next starts on an 8-byte boundary.
    private static func padding(_ count: Int) -> Int { (8 - count % 8) % 8 }

    private static func fixed16(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8.prefix(16))
        return utf8 + [UInt8](repeating: 0x20, count: 16 - utf8.count)
    }

    private static func append<T: FixedWidthInteger>(_ bytes: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    }

    private static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// The 64-bit checksum of the header, each section and each block: the pages' own
    /// (`fuwu_block_checksum`, four vectorised lanes, about 0.2 instructions a byte): not
    /// cryptographic, but any flipped bit changes it.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        fuwu_block_checksum(bytes.baseAddress, bytes.count)
    }
}
