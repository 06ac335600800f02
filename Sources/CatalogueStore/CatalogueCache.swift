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
                return try opened(folder, existing, .cached)
            }
            let hash = SourceFingerprint.contentHash(folder: folder, files: files)
            if (try? existing.meta("source_hash")) == hash {
                updateStamp(target, stamp)
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
        } catch let error as StoreError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError.unwritable(path: target.path, reason: "\(error)")
        }
    }

    private func updateStamp(_ target: URL, _ stamp: String) {
        guard let queue = try? DatabaseQueue(path: target.path) else { return }
        try? queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'source_stamp'", arguments: [stamp])
        }
        try? queue.close()
    }
}
