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

    /// The ranked search index compiled with the catalogue, read from the start-up file; compiled
    /// here instead (ICU, a second or so) if that section is damaged.
    public func searchIndex() -> SearchIndex {
        (try? image.withSection(.search) { bytes throws(CatalogueImageError) in try SearchIndex(image: bytes) })
            ?? SearchIndex(catalogue: catalogue)
    }

    /// The keys of every place name, for pinyin locations (`LocationResolver.pinyinMatch(places:)`);
    /// compiled here instead if that section of the start-up file is damaged.
    public func placeNames() -> PlaceNameTable {
        (try? image.withSection(.places) { bytes throws(CatalogueImageError) in try PlaceNameTable(image: bytes) })
            ?? PlaceNameTable(catalogue: catalogue)
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
        var hash = FNV1a()
        hash.add(folder.standardizedFileURL.path)
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
    /// reads the catalogue from it; SQLite is opened only when a standard body is needed.
    public func open(folder: URL) throws(StoreError) -> OpenedCatalogue {
        try checkFolder(folder)
        let target = databaseURL(for: folder)
        let imagePath = Self.imagePath(for: target)
        let files = CatalogueLoader.sourceFiles(in: folder)
        let stamp = SourceFingerprint.stamp(folder: folder, files: files)
        var image = access(target.path, R_OK) == 0 ? CatalogueImageFile(path: imagePath) : nil
        if let current = image {
            if current.stamp == stamp, let opened = try? opened(folder, target, current, .cached) {
                return opened
            }
            let hash = SourceFingerprint.contentHash(folder: folder, files: files)
            if current.sourceHash == hash, let restamped = restamp(current, stamp: stamp),
               let opened = try? opened(folder, target, restamped, .cached) {
                return opened
            }
        }
        let report = CatalogueLoader.load(folder: folder)
        guard let loaded = report.loaded else {
            if let previous = image, let database = try? CatalogueDatabase(path: target.path) {
                let compiledAt = (try? database.meta("compiled_at")) ?? "?"
                return try opened(folder, target, previous, .stale(diagnostics: report.diagnostics, compiledAt: compiledAt))
            }
            throw StoreError.invalidSources(path: folder.path, diagnostics: report.diagnostics)
        }
        image = nil
        try write(loaded, files: files, stamp: stamp, folder: folder, to: target)
        guard let written = CatalogueImageFile(path: imagePath) else {
            throw StoreError.unreadable(path: imagePath, reason: "the start-up file just written cannot be read")
        }
        return try opened(folder, target, written, .compiled(warnings: report.warnings))
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

    private func opened(_ folder: URL, _ target: URL, _ image: CatalogueImageFile, _ status: OpenedCatalogue.Status)
        throws(StoreError) -> OpenedCatalogue {
        let catalogue = try image.withSection(.catalogue) { bytes throws(CatalogueImageError) in
            try ServiceCatalogue(image: bytes)
        }
        return OpenedCatalogue(folder: folder, catalogue: catalogue, database: CatalogueDatabase(openingLater: target.path),
                               status: status, image: image)
    }

    /// Writes the database and its start-up file into temporary files beside the targets and
    /// renames them over, the database first: a reader never sees a half-written file, a failure
    /// leaves the previous pair intact, and a start-up file is never newer than its database.
    private func write(_ loaded: LoadedCatalogue, files: [String], stamp: String, folder: URL, to target: URL) throws(StoreError) {
        let suffix = "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(suffix)")
        let imagePath = Self.imagePath(for: target)
        let temporaryImage = target.deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: imagePath).lastPathComponent).\(suffix)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let hash = SourceFingerprint.contentHash(folder: folder, files: files)
            let meta = [
                "source_hash": hash,
                "source_stamp": stamp,
                "source_folder": folder.standardizedFileURL.path,
                "compiled_at": ISO8601DateFormatter().string(from: Date()),
            ]
            let keys = try CatalogueDatabase.write(loaded, meta: meta, to: temporary.path)
            let catalogue = loaded.catalogue
            try CatalogueImageFile.write(to: temporaryImage.path, stamp: stamp, sourceHash: hash, sections: [
                .catalogue: catalogue.image,
                .search: SearchIndex(catalogue: catalogue, keys: keys).image,
                .places: PlaceNameTable(catalogue: catalogue, keys: keys).image,
            ])
            if rename(temporary.path, target.path) != 0 || rename(temporaryImage.path, imagePath) != 0 {
                throw StoreError.unwritable(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as StoreError {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: temporaryImage)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: temporaryImage)
            throw StoreError.unwritable(path: target.path, reason: "\(error)")
        }
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
        let temporary = image.path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try CatalogueImageFile.write(to: temporary, stamp: stamp, sourceHash: image.sourceHash, sections: sections)
        } catch {
            unlink(temporary)
            return nil
        }
        guard rename(temporary, image.path) == 0 else {
            unlink(temporary)
            return nil
        }
        return CatalogueImageFile(path: image.path)
    }
}
