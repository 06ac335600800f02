import Catalogue
import Foundation
import GRDB

/// A catalogue opened for use: its values, the database behind them, and how it was obtained.
public struct OpenedCatalogue: Sendable {
    /// How the compiled database came to be used.
    public enum Status: Sendable {
        /// The compiled database matched the sources.
        case cached
        /// The sources were compiled now (first use or changed); warnings are attached.
        case compiled(warnings: [Diagnostic])
        /// The sources changed and have errors: the previous compiled catalogue is in use.
        case stale(diagnostics: [Diagnostic], compiledAt: String)
    }

    public let folder: URL
    public let catalogue: ServiceCatalogue
    /// The SQLite database, opened on first use (standard bodies and their full-text search).
    public let database: CatalogueDatabase
    public let status: Status
    /// The start-up file the catalogue came from; its other sections are read on demand.
    let image: CatalogueImageFile
    /// Why the compiled catalogue had to be rebuilt although the sources had not changed (it was
    /// damaged); nil when it was not.
    public internal(set) var repairedDamage: String?

    /// The ranked search index compiled with the catalogue, read in place from the start-up file's
    /// mapped search section. A damaged section is damage found after start-up: the compiled
    /// catalogue is removed and `damaged` thrown, so the CLI rebuilds it and runs the command again
    /// (the browser computes the index). A large section's blocks are checked as the index reads
    /// them, so damage may be found later, by a search: see `confirmIntact(_:)`.
    public func searchIndex() throws(StoreError) -> SearchIndex {
        try searchIndex(checkingWholeUpTo: CatalogueImageFile.checkedWholeUpTo)
    }

    /// `searchIndex()`, checking the section whole now only when it is at most `limit` bytes.
    func searchIndex(checkingWholeUpTo limit: Int) throws(StoreError) -> SearchIndex {
        do throws(StoreError) {
            let bytes = try image.searchBytes(checkingWholeUpTo: limit)
            do {
                return try SearchIndex(image: bytes)
            } catch {
                throw image.damagedSection(.search, error)
            }
        } catch {
            CatalogueCache.discard(databasePath: database.path)
            guard case .damaged(_, let reason) = error else { throw error }
            throw StoreError.damaged(path: database.path, reason: reason)
        }
    }

    /// Checks `index` (from `searchIndex()`) as its first search would, ahead of it: `damaged` is
    /// thrown, the compiled catalogue removed, when its arrays fail their checks (for a caller
    /// that would rather build the index than find nothing).
    public func confirmUsable(_ index: SearchIndex) throws(StoreError) {
        _ = index.isUsableForSearch
        try confirmIntact(index)
    }

    /// Throws `damaged`, having removed the compiled catalogue, when `index` (from `searchIndex()`)
    /// found damage while it was searched; what it returned must then not be used: the CLI
    /// rebuilds the catalogue and runs the command again.
    public func confirmIntact(_ index: SearchIndex) throws(StoreError) {
        guard index.foundDamage else { return }
        CatalogueCache.discard(databasePath: database.path)
        throw StoreError.damaged(path: database.path, reason: "a block of its start-up file's search section fails its checksum")
    }

    /// The keys of every place name, for pinyin locations (`LocationResolver.pinyinMatch(places:)`);
    /// a damaged section is handled as in `searchIndex()`.
    public func placeNames() throws(StoreError) -> PlaceNameTable {
        try section(.places) { bytes throws(CatalogueImageError) in try PlaceNameTable(image: bytes) }
    }

    private func section<T>(_ section: CatalogueImageFile.Section,
                            _ read: (UnsafeRawBufferPointer) throws(CatalogueImageError) -> T) throws(StoreError) -> T {
        do {
            return try image.withSection(section, read)
        } catch {
            CatalogueCache.discard(databasePath: database.path)
            guard case .damaged(_, let reason) = error else { throw error }
            throw StoreError.damaged(path: database.path, reason: reason)
        }
    }
}

/// The outcome of an explicit build.
public struct BuildOutcome: Sendable {
    public let databasePath: String
    public let diagnostics: [Diagnostic]
    /// The catalogue that was compiled; nil when errors kept anything from being written.
    public let compiled: ServiceCatalogue?

    /// True when a new database was written.
    public var wrote: Bool { compiled != nil }
}

/// Compiles catalogue folders into cached SQLite databases, keyed by the sources' content, and
/// opens them; a catalogue with errors never replaces a good compiled one.
public struct CatalogueCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The cache folder: `FUWU_CACHE_DIR`, else `$XDG_CACHE_HOME/fuwu`, else `~/.cache/fuwu`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["FUWU_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("fuwu", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/fuwu", isDirectory: true)
    }

    /// Where the compiled database of a catalogue folder lives.
    public func databaseURL(for folder: URL) -> URL {
        var hash = ByteDigest()
        hash.addPiece(folder.standardizedFileURL.path)
        let name = folder.standardizedFileURL.lastPathComponent.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return directory.appendingPathComponent("\(name.isEmpty ? "catalogue" : name)-\(hash.hex).sqlite")
    }

    /// Where the start-up file of a compiled database lives: beside it.
    static func imagePath(for database: URL) -> String {
        database.deletingPathExtension().path + ".image"
    }

    /// Opens the catalogue in `folder`, compiling it first when the sources changed.
    ///
    /// A cached start stats the source files, compares their stamp with the start-up file's and
    /// reads the catalogue from it; SQLite is opened only when a standard body is needed (its
    /// pages are checked then). A start-up file that is damaged (its header or catalogue section
    /// fails its checksum), or a database that is not a regular file, is never read on: the
    /// catalogue is rebuilt from the sources and the reason is returned in `repairedDamage`.
    public func open(folder: URL) throws(StoreError) -> OpenedCatalogue {
        try checkFolder(folder)
        StaleBuildFiles.removeStale(in: directory)
        let target = databaseURL(for: folder)
        let imagePath = Self.imagePath(for: target)
        let files = CatalogueLoader.sourceFiles(in: folder)
        let stamp = SourceFingerprint.stamp(folder: folder, files: files)
        var (image, damage) = openExisting(target, imagePath)
        if let current = image {
            do {
                if current.stamp == stamp {
                    markUsed(target)
                    return try opened(folder, target, current, .cached)
                }
                let hash = SourceFingerprint.contentHash(folder: folder, files: files)
                if current.sourceHash == hash, let restamped = restamp(current, stamp: stamp) {
                    markUsed(target)
                    return try opened(folder, target, restamped, .cached)
                }
            } catch {
                (image, damage) = (nil, Self.reason(error))
            }
        }
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            if let previous = image, let compiledAt = try? CatalogueDatabase(path: target.path).meta("compiled_at"),
               let stale = try? opened(folder, target, previous, .stale(diagnostics: report.diagnostics, compiledAt: compiledAt)) {
                return stale
            }
            throw StoreError.invalidSources(path: folder.path, diagnostics: report.diagnostics)
        }
        image = nil
        try write(loaded, files: files, stamp: stamp, folder: folder, to: target)
        guard let written = CatalogueImageFile(path: imagePath) else {
            throw StoreError.unreadable(path: imagePath, reason: "the start-up file just written cannot be read")
        }
        var result = try opened(folder, target, written, .compiled(warnings: report.warnings))
        result.repairedDamage = damage
        return result
    }

    /// The start-up file of the compiled catalogue at `target` when it can be used, or why it
    /// cannot when it is damaged (nil reason: it is missing or from an older fuwu, which is no damage).
    private func openExisting(_ target: URL, _ imagePath: String) -> (CatalogueImageFile?, damage: String?) {
        var info = stat()
        guard stat(target.path, &info) == 0 else { return (nil, nil) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            // Never open it: a FIFO would block. A rename cannot replace a folder, so remove it.
            try? FileManager.default.removeItem(at: target)
            return (nil, "it is not a regular file")
        }
        switch PageChecksums.header(of: target.path) {
        case .unprotected: return (nil, nil)
        case .damaged: return (nil, "its header is not a database header")
        case .protected: break
        }
        guard stat(imagePath, &info) == 0 else { return (nil, nil) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            try? FileManager.default.removeItem(atPath: imagePath)
            return (nil, "its start-up file is not a regular file")
        }
        guard let image = CatalogueImageFile(path: imagePath) else {
            return (nil, "its start-up file's header is damaged or from another version")
        }
        return (image, nil)
    }

    /// The reason a compiled database could not be read, in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error as? StoreError {
        case .damaged(_, let reason)?, .unreadable(_, let reason)?: return reason
        default: return "\(error)"
        }
    }

    /// Removes a compiled database that a read found damaged, so the next open rebuilds it.
    public static func discard(databasePath: String) {
        unlink(databasePath)
        unlink(imagePath(for: URL(fileURLWithPath: databasePath)))
    }

    /// Validates and compiles `folder` unconditionally (`fuwu build`); on errors nothing is written.
    public func build(folder: URL) throws(StoreError) -> BuildOutcome {
        try checkFolder(folder)
        StaleBuildFiles.removeStale(in: directory)
        let target = databaseURL(for: folder)
        let files = CatalogueLoader.sourceFiles(in: folder)
        let stamp = SourceFingerprint.stamp(folder: folder, files: files)
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            return BuildOutcome(databasePath: target.path, diagnostics: report.diagnostics, compiled: nil)
        }
        try write(loaded, files: files, stamp: stamp, folder: folder, to: target)
        return BuildOutcome(databasePath: target.path, diagnostics: report.diagnostics, compiled: loaded.catalogue)
    }

    private func checkFolder(_ folder: URL) throws(StoreError) {
        // `stat` as FileManager's `fileExists` does, without paging in FileManager's code (issue #10).
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
              stat(folder.appendingPathComponent("catalogue.json").path, &info) == 0 else {
            throw StoreError.missingCatalogue(path: folder.path)
        }
    }

    private func opened(_ folder: URL, _ target: URL, _ image: CatalogueImageFile, _ status: OpenedCatalogue.Status)
        throws(StoreError) -> OpenedCatalogue {
        let bytes = try image.catalogueBytes()
        let catalogue: ServiceCatalogue
        do {
            catalogue = try ServiceCatalogue(image: bytes)
        } catch {
            throw StoreError.damaged(path: image.path, reason: "its start-up file's catalogue section: \(error.description)")
        }
        return OpenedCatalogue(folder: folder, catalogue: catalogue, database: CatalogueDatabase(openingLater: target.path),
                               status: status, image: image, repairedDamage: nil)
    }

    /// Writes the database and its start-up file into temporary files beside the targets and
    /// renames them over, the database first: a reader never sees a half-written file, a failure
    /// leaves the previous pair intact, and a start-up file is never newer than its database. The
    /// temporary database is locked while the build runs, so a later start can tell a killed
    /// build's leftovers from a running one's.
    private func write(_ loaded: LoadedCatalogue, files: [String], stamp: String, folder: URL, to target: URL) throws(StoreError) {
        try createDirectory(target)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard let lock = StaleBuildFiles.createLocked(temporary.path) else {
            throw StoreError.unwritable(path: target.path, reason: Self.systemReason(errno, folder: directory))
        }
        let imagePath = Self.imagePath(for: target)
        let temporaryImage = String(temporary.path.dropLast(".tmp".count)) + ".image.tmp"
        defer {
            unlink(temporary.path)
            unlink(temporaryImage)
            close(lock)
        }
        do {
            let hash = SourceFingerprint.contentHash(folder: folder, files: files)
            let meta = [
                "source_hash": hash,
                "source_stamp": stamp,
                "source_folder": folder.standardizedFileURL.path,
                "compiled_at": ISO8601DateFormatter().string(from: Date()),
            ]
            let keys = try CatalogueDatabase.write(loaded, meta: meta, to: temporary.path)
            let catalogue = loaded.catalogue
            try CatalogueImageFile.write(to: temporaryImage, stamp: stamp, sourceHash: hash, sections: [
                .catalogue: catalogue.image,
                .search: SearchIndex(catalogue: catalogue, keys: keys).image,
                .places: PlaceNameTable(catalogue: catalogue, keys: keys).image,
            ])
            var info = stat()
            if lstat(target.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try? FileManager.default.removeItem(at: target)   // a rename cannot replace a folder
            }
            if rename(temporary.path, target.path) != 0 || rename(temporaryImage, imagePath) != 0 {
                throw StoreError.unwritable(path: target.path, reason: Self.systemReason(errno, folder: directory))
            }
            prune(keeping: target)
        } catch let error as StoreError {
            throw error
        } catch {
            let reason = (error as? DatabaseError)?.message ?? "\(error)"
            throw StoreError.unwritable(path: target.path, reason: access(directory.path, W_OK) == 0 ? reason : Self.systemReason(EACCES, folder: directory))
        }
    }

    /// Creates the cache folder (and its parents), with a plain reason when it cannot be created.
    private func createDirectory(_ target: URL) throws(StoreError) {
        func make(_ path: String) -> Int32 {
            if mkdir(path, 0o755) == 0 { return 0 }
            var code = errno
            if code == ENOENT, path != "/" {
                let parent = make((path as NSString).deletingLastPathComponent)
                if parent != 0 { return parent }
                if mkdir(path, 0o755) == 0 { return 0 }
                code = errno
            }
            if code == EEXIST {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? 0 : ENOTDIR
            }
            return code
        }
        let code = make(directory.path)
        if code != 0 { throw StoreError.unwritable(path: target.path, reason: Self.systemReason(code, folder: directory)) }
    }

    /// A system error in words, naming the folder: "permission denied in /x/y".
    private static func systemReason(_ code: Int32, folder: URL) -> String {
        "\(String(cString: strerror(code)).lowercased()) in \(folder.path)"
    }

    /// A compiled catalogue not used for this long is removed when another is written.
    public static let unusedLifetimeSeconds: TimeInterval = 30 * 24 * 3600
    /// How stale a database's modification time may be before opening it refreshes it: it marks
    /// the last use, at the cost of one `stat` per open and one `utimes` a day.
    static let usedMarkResolutionSeconds: TimeInterval = 24 * 3600

    /// Removes the compiled catalogues other than `kept` whose source folder is gone (no
    /// `catalogue.json` there any more) or that were not used for `unusedLifetimeSeconds`.
    /// Returns the paths removed. Called whenever a catalogue is written; a reader that still has
    /// a removed file open keeps reading it. (Leftovers of killed builds are `StaleBuildFiles`'.)
    @discardableResult
    public func prune(keeping kept: URL? = nil, now: Date = Date()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".sqlite") && !name.hasPrefix(".") {
            let path = directory.appendingPathComponent(name).path
            guard path != kept?.path, let modified = Self.modificationTime(path) else { continue }
            var expired = now.timeIntervalSince1970 - modified >= Self.unusedLifetimeSeconds
            if !expired, let folder = Self.sourceFolder(ofDatabase: path) {
                expired = !FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("catalogue.json").path)
            }
            guard expired, unlink(path) == 0 else { continue }
            removed.append(path)
            for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
            unlink(Self.imagePath(for: URL(fileURLWithPath: path)))
        }
        return removed
    }

    /// The source folder recorded in a compiled database; nil when it is not a regular file with a
    /// protected header (never opened then: a FIFO would block) or cannot be read.
    private static func sourceFolder(ofDatabase path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              case .protected = PageChecksums.header(of: path) else { return nil }
        return try? CatalogueDatabase(path: path).meta("source_folder")
    }

    /// Moves the database's modification time to now when it is a day or more old, so that
    /// `prune` can tell it is in use.
    private func markUsed(_ target: URL) {
        guard let modified = Self.modificationTime(target.path),
              Date().timeIntervalSince1970 - modified >= Self.usedMarkResolutionSeconds else { return }
        utimes(target.path, nil)
    }

    /// A file's modification time in seconds since 1970, or nil when it cannot be read.
    static func modificationTime(_ path: String) -> TimeInterval? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return TimeInterval(info.st_mtim.tv_sec)
    }

    /// A copy of `image` under the new stamp (the sources were touched but not changed), renamed
    /// over it; nil when it cannot be written, and then the sources are compiled again.
    private func restamp(_ image: CatalogueImageFile, stamp: String) -> CatalogueImageFile? {
        var sections: [CatalogueImageFile.Section: [UInt8]] = [:]
        for section in CatalogueImageFile.Section.allCases {
            guard let bytes = try? image.withSection(section, { bytes throws(CatalogueImageError) in [UInt8](bytes) }) else {
                return nil
            }
            sections[section] = bytes
        }
        // Locked like a build's temporary files, so a later start never removes it while it is
        // written, and removes it once old when this process was killed.
        let imageURL = URL(fileURLWithPath: image.path)
        let temporary = imageURL.deletingLastPathComponent().appendingPathComponent(
            ".\(imageURL.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        guard let lock = StaleBuildFiles.createLocked(temporary) else { return nil }
        defer {
            unlink(temporary)
            close(lock)
        }
        do {
            try CatalogueImageFile.write(to: temporary, stamp: stamp, sourceHash: image.sourceHash, sections: sections)
        } catch {
            return nil
        }
        guard rename(temporary, image.path) == 0 else { return nil }
        return CatalogueImageFile(path: image.path)
    }
}
