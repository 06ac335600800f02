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
    public let database: CatalogueDatabase
    public let status: Status
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
        var hash = FNV1a()
        hash.add(folder.standardizedFileURL.path)
        let name = folder.standardizedFileURL.lastPathComponent.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return directory.appendingPathComponent("\(name.isEmpty ? "catalogue" : name)-\(hash.hex).sqlite")
    }

    /// Opens the catalogue in `folder`, compiling it first when the sources changed.
    public func open(folder: URL) throws(StoreError) -> OpenedCatalogue {
        try checkFolder(folder)
        let target = databaseURL(for: folder)
        let files = CatalogueLoader.sourceFiles(in: folder)
        let stamp = SourceFingerprint.stamp(folder: folder, files: files)
        let existing = FileManager.default.fileExists(atPath: target.path) ? try? CatalogueDatabase(path: target.path) : nil
        if let existing, (try? existing.meta("schema_version")) == String(CatalogueDatabase.schemaVersion) {
            if (try? existing.meta("source_stamp")) == stamp {
                markUsed(target)
                return try opened(folder, existing, .cached)
            }
            let hash = SourceFingerprint.contentHash(folder: folder, files: files)
            if (try? existing.meta("source_hash")) == hash {
                updateStamp(target, stamp)
                markUsed(target)
                return try opened(folder, existing, .cached)
            }
        }
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            if let existing, (try? existing.meta("schema_version")) == String(CatalogueDatabase.schemaVersion) {
                let compiledAt = (try? existing.meta("compiled_at")) ?? "?"
                return try opened(folder, existing, .stale(diagnostics: report.diagnostics, compiledAt: compiledAt))
            }
            throw StoreError.invalidSources(path: folder.path, diagnostics: report.diagnostics)
        }
        try write(loaded, files: files, stamp: stamp, folder: folder, to: target)
        return try opened(folder, try CatalogueDatabase(path: target.path), .compiled(warnings: report.warnings))
    }

    /// Validates and compiles `folder` unconditionally (`fuwu build`); on errors nothing is written.
    public func build(folder: URL) throws(StoreError) -> BuildOutcome {
        try checkFolder(folder)
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalogue.json").path) else {
            throw StoreError.missingCatalogue(path: folder.path)
        }
    }

    private func opened(_ folder: URL, _ database: CatalogueDatabase, _ status: OpenedCatalogue.Status) throws(StoreError) -> OpenedCatalogue {
        OpenedCatalogue(folder: folder, catalogue: try database.catalogue(), database: database, status: status)
    }

    /// Writes into a temporary file beside the target and renames it over, so a reader never sees
    /// a half-written database and a failure leaves the previous one intact.
    private func write(_ loaded: LoadedCatalogue, files: [String], stamp: String, folder: URL, to target: URL) throws(StoreError) {
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let meta = [
                "source_hash": SourceFingerprint.contentHash(folder: folder, files: files),
                "source_stamp": stamp,
                "source_folder": folder.standardizedFileURL.path,
                "compiled_at": ISO8601DateFormatter().string(from: Date()),
            ]
            try CatalogueDatabase.write(loaded, meta: meta, to: temporary.path)
            if rename(temporary.path, target.path) != 0 {
                throw StoreError.unwritable(path: target.path, reason: String(cString: strerror(errno)))
            }
            prune(keeping: target)
        } catch let error as StoreError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError.unwritable(path: target.path, reason: "\(error)")
        }
    }

    /// A compiled catalogue not used for this long is removed when another is written.
    public static let unusedLifetimeSeconds: TimeInterval = 30 * 24 * 3600
    /// How stale a database's modification time may be before opening it refreshes it: it marks
    /// the last use, at the cost of one `stat` per open and one `utimes` a day.
    static let usedMarkResolutionSeconds: TimeInterval = 24 * 3600

    /// Removes the compiled catalogues other than `kept` whose source folder is gone (no
    /// `catalogue.json` there any more) or that were not used for `unusedLifetimeSeconds`, and
    /// temporary files a crashed write left a day or more ago. Returns the paths removed. Called
    /// whenever a catalogue is written; a reader that still has a removed file open keeps reading it.
    @discardableResult
    public func prune(keeping kept: URL? = nil, now: Date = Date()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            let path = directory.appendingPathComponent(name).path
            guard path != kept?.path, let modified = Self.modificationTime(path) else { continue }
            let age = now.timeIntervalSince1970 - modified
            if name.hasPrefix("."), name.hasSuffix(".tmp") {
                if age >= Self.usedMarkResolutionSeconds, unlink(path) == 0 { removed.append(path) }
                continue
            }
            guard name.hasSuffix(".sqlite") else { continue }
            var expired = age >= Self.unusedLifetimeSeconds
            if !expired {
                let folder = (try? CatalogueDatabase(path: path)).flatMap { try? $0.meta("source_folder") }
                expired = folder.map { !FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0).appendingPathComponent("catalogue.json").path) } ?? false
            }
            guard expired, unlink(path) == 0 else { continue }
            removed.append(path)
            for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
        }
        return removed
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

    private func updateStamp(_ target: URL, _ stamp: String) {
        guard let queue = try? DatabaseQueue(path: target.path) else { return }
        try? queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'source_stamp'", arguments: [stamp])
        }
        try? queue.close()
    }
}
