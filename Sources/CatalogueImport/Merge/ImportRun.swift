import Catalogue
import Foundation
import Geodesy

/// Runs an import in memory: opens each file by its kind, converts its rows through the mapping,
/// and merges items, then standards, then points, so later tables can name records of earlier
/// ones. Writes nothing: the plan holds the catalogue a real run writes.
public enum ImportRun {
    /// The kinds of file `fuwu import` reads, by extension.
    public enum FileKind: Sendable, Equatable {
        case table, featureList, text
    }

    /// The kind of a file from its extension; nil for one fuwu cannot read.
    public static func kind(of path: String) -> FileKind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "tsv", "xlsx": return .table
        case "geojson", "json": return .featureList
        case "docx", "md", "txt": return .text
        default: return nil
        }
    }

    /// Opens a table file with the reader its extension calls for.
    public typealias TableOpener = (String) throws(ImportProblem) -> any TableSource
    /// Converts a text file (.docx, .md, .txt).
    public typealias TextConverter = (String) throws(ImportProblem) -> ConvertedText

    /// Plans the import of `request` into `base`. Throws for a file or mapping that cannot be read
    /// at all; rows that cannot be read are listed in the plan as rejected. `progress` is called
    /// with a file and how many of its bytes are read after every row, and with nil once the
    /// file is read to its end. With a `spool`, the points the import adds are written there as
    /// they are merged instead of kept (`ImportPlan.spooledPoints`).
    public static func plan(_ request: ImportRequest, into base: LoadedCatalogue, spool: AddedPointSpool? = nil, openTable: TableOpener,
                            convertText: TextConverter, progress: @escaping (String, Int64?) -> Void = { _, _ in }) throws(ImportProblem) -> ImportPlan {
        var merge = CatalogueMerge(base: base, prefer: request.prefer, spool: spool)
        let source = sourceInfo(request)
        guard let provenance = Provenance(kind: request.provenanceKind, source: source.id) else {
            throw ImportProblem(file: request.files.first ?? "", reason: "provenance \"\(request.provenanceKind)\" must be official or reference")
        }
        // Each file with its tables, checked before anything is read.
        var tables: [(path: String, table: TableMapping)] = []
        var texts: [String] = []
        for path in request.files {
            guard let kind = kind(of: path) else {
                throw ImportProblem(file: path, reason: "fuwu cannot read this kind of file; give .xlsx, .csv, .geojson, .json, .docx, .md or .txt")
            }
            if kind == .text { texts.append(path); continue }
            let mapped = request.mapping?.tables(forFile: path) ?? []
            if mapped.isEmpty {
                throw ImportProblem(file: path, reason: request.mapping == nil
                    ? "a table needs a mapping: run `fuwu import --guess \(path) > mapping.toml`, check it, and pass --mapping mapping.toml"
                    : "the mapping has no [[table]] with file = \"\((path as NSString).lastPathComponent)\"; add one (`fuwu import --guess` proposes it)")
            }
            for var table in mapped {
                if let datum = request.datum { table.datum = datum }
                tables.append((path, table))
            }
        }
        merge.add(source: source)
        for kind in [RecordKind.items, .standards, .points] {
            for (path, table) in tables where table.kind == kind {
                let context = ImportContext(catalogue: merge.current, date: request.date, provenance: provenance)
                let file: any TableSource = Self.kind(of: path) == .featureList ? try FeatureListSource(path: path) : try openTable(path)
                let position = file.position
                // Each record is merged as it is converted, so the rows of a big file are never held twice.
                let result = try TableImport.read(file, mappings: [table], context: context,
                                                  progress: { _ in progress(path, position?.bytes ?? 0) },
                                                  each: { merge.apply(row: $0) })
                progress(path, nil)
                merge.reject(result.rejected)
            }
            if kind == .standards {
                for path in texts {
                    let context = ImportContext(catalogue: merge.current, date: request.date, provenance: provenance)
                    let row = StandardConversion.record(try convertText(path), path: path, context: context)
                    if let reason = RecordLimits.problem(row.record, draftingBody: row.draftingBody) {
                        throw ImportProblem(file: path, reason: reason)
                    }
                    merge.apply(row: row)
                    progress(path, nil)
                }
            }
        }
        var plan = merge.finish()
        // A source no record cites is not added.
        let result = plan.result.catalogue
        let cited = spool?.sourceIDs.contains(source.id) == true || result.items.contains { $0.provenance.sourceID == source.id } || result.points.contains { $0.provenance.sourceID == source.id }
            || result.standards.contains { $0.provenance.sourceID == source.id }
        if !cited, plan.addedSources.contains(where: { $0.id == source.id }) {
            plan.addedSources.removeAll { $0.id == source.id }
            var c = plan.result.catalogue
            c.sources.removeAll { $0.id == source.id }
            plan.result.catalogue = ServiceCatalogue(metadata: c.metadata, sources: c.sources, pointTypes: c.pointTypes, domains: c.domains,
                                                     items: c.items, points: c.points, standards: c.standards, subdistricts: c.subdistricts,
                                                     landmarks: c.landmarks, boundary: c.boundary, subdistrictBoundaries: c.subdistrictBoundaries)
        }
        return plan
    }

    /// The source entry the records cite: the mapping's, else one named after the files.
    static func sourceInfo(_ request: ImportRequest) -> SourceInfo {
        let datums = Set((request.mapping?.tables ?? []).compactMap { request.datum ?? $0.datum })
        let datum = datums.count == 1 ? datums.first?.rawValue : (datums.isEmpty ? "none" : nil)
        let names = request.files.map { ($0 as NSString).lastPathComponent }
        if let s = request.mapping?.source {
            return SourceInfo(id: s.id, title: s.title, origin: s.origin, licence: s.licence, datum: datum, snapshot: s.snapshot,
                              reliability: s.reliability, note: s.note)
        }
        let official = request.provenanceKind == "official"
        return SourceInfo(id: "\(request.provenanceKind)-import-\(request.date)", title: names.joined(separator: ", "),
                          origin: "fuwu import of \(names.joined(separator: ", ")) on \(request.date)",
                          licence: official ? "the district's own data" : "see the files' own terms",
                          datum: datum, snapshot: request.date, reliability: official ? "high" : "medium", note: nil)
    }
}
