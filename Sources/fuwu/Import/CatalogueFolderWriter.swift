import Catalogue
import CatalogueImport
import Foundation

/// Writes the catalogue an import plans into a new folder beside the target, validates it as
/// `fuwu validate` does, and only then swaps it into place; on any failure the target is left
/// byte for byte as it was and the new folder is removed.
struct CatalogueFolderWriter {
    /// The catalogue folder to replace (it may not exist yet).
    var target: URL
    /// Where the unchanged files come from: the target itself, or the frame of a new catalogue.
    var base: URL
    /// catalogue.json of `base`, parsed.
    var baseDescription: JSONNode

    /// A failure, with the diagnostics of a new folder that did not validate.
    enum Failure: Error {
        case write(String)
        case invalid([Diagnostic])
        case swap(String)
        case injected
    }

    /// The staging folder beside the target: `.NAME.import-PID`.
    var staging: URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).import-\(getpid())", isDirectory: true)
    }

    /// Where the merge writes the points it adds while planning (`AddedPointSpool`), beside the
    /// staging folder: `.NAME.import-PID.points`. The import removes it however it ends.
    var spoolPath: String { staging.path + ".points" }

    /// Files of a catalogue's frame that an import copies and never rewrites.
    static let frameFiles = ["domains.json", "subdistricts.json", "landmarks.json", "boundary.geojson", "subdistricts.geojson"]

    /// Writes `plan` beside the target and validates it; returns the staging folder.
    func stage(_ plan: ImportPlan, newCatalogue: Bool) throws(Failure) -> URL {
        let fm = FileManager.default
        let folder = staging
        try? fm.removeItem(at: folder)
        var written: WrittenPoints?
        do {
            if newCatalogue {
                try fm.createDirectory(at: folder.appendingPathComponent("standards", isDirectory: true), withIntermediateDirectories: true)
                for name in Self.frameFiles where fm.fileExists(atPath: base.appendingPathComponent(name).path) {
                    try fm.copyItem(at: base.appendingPathComponent(name), to: folder.appendingPathComponent(name))
                }
            } else {
                try fm.copyItem(at: target, to: folder)
            }
            let c = plan.result.catalogue
            func write(_ text: String, _ name: String) throws {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
            try write(CatalogueWriter.catalogueJSON(original: baseDescription, counts: c.metadata.counts,
                                                    published: c.metadata.publishedCounts, addedSources: plan.addedSources), "catalogue.json")
            if newCatalogue || plan.touchesItems { try write(CatalogueWriter.items(c.items), "items.json") }
            if newCatalogue || plan.touchesPoints {
                if let failure = plan.spooledPoints?.failure { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure]) }
                written = try Self.writePoints(c.points, spooled: plan.spooledPoints, to: folder.appendingPathComponent("points.geojson"))
            }
            for standard in c.standards where newCatalogue || plan.writtenStandards.contains(standard.id) {
                try write(CatalogueWriter.standard(standard, body: plan.result.bodies[standard.id] ?? "",
                                                   draftingBody: plan.result.draftingBodies[standard.id]), "standards/\(standard.id).md")
            }
        } catch {
            try? fm.removeItem(at: folder)
            throw .write("cannot write the new catalogue beside \(target.path): \(error.localizedDescription)")
        }
        // Checked as `fuwu validate` checks it: every diagnostic, without keeping a million points,
        // and without parsing again the points just written (they are checked as records).
        let report = CatalogueLoader.validate(folder: folder, writtenPoints: written)
        if !report.errors.isEmpty {
            try? fm.removeItem(at: folder)
            throw .invalid(report.errors)
        }
        return folder
    }

    /// Writes points.geojson a megabyte at a time, replacing the file copied from the old folder;
    /// returns what it wrote, for validation.
    static func writePoints(_ points: [ServicePoint], spooled: AddedPointSpool? = nil, to url: URL) throws -> WrittenPoints {
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? handle.close() }
        return try CatalogueWriter.writePoints(points, spooled: spooled) { try handle.write(contentsOf: Data(buffer: $0)) }
    }

    /// Swaps the staged folder into place and removes the old copy.
    func swap(_ folder: URL, newCatalogue: Bool) throws(Failure) {
        let fm = FileManager.default
        if let value = ProcessInfo.processInfo.environment["FUWU_IMPORT_FAIL_AFTER_WRITE"], !value.isEmpty, value != "0" {
            try? fm.removeItem(at: folder)
            throw .injected
        }
        do {
            if newCatalogue && !fm.fileExists(atPath: target.path) {
                try FolderSwap.move(folder.path, to: target.path)
                return
            }
            try FolderSwap.exchange(folder.path, target.path)
        } catch {
            try? fm.removeItem(at: folder)
            throw .swap(error.reason)
        }
        // The old catalogue now stands at the staging name.
        try? fm.removeItem(at: folder)
    }
}
