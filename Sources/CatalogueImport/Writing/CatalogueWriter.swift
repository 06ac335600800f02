import Catalogue
import Foundation
import Geodesy

/// Writes catalogue records in the source format of docs/data-format.md, byte for byte as the
/// catalogue's own files are laid out, so that an import rewrites only what changed.
public enum CatalogueWriter {
    /// points.geojson: one feature per line.
    public static func points(_ points: [ServicePoint]) -> String {
        var out = ""
        Self.points(points) { out += $0 }
        return out
    }

    /// points.geojson handed to `emit` in pieces of about `chunkBytes`, so that a million points are
    /// written without the whole file in memory.
    public static func points(_ points: [ServicePoint], chunkBytes: Int = 1 << 20, emit: (String) throws -> Void) rethrows {
        try pointBytes(points, chunkBytes: chunkBytes) { try emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// points.geojson as UTF-8 bytes handed to `emit` in pieces of about `chunkBytes`: each feature
    /// written straight into the bytes (`FeatureBytes`), the same text as `feature(_:)` renders.
    public static func pointBytes(_ points: [ServicePoint], chunkBytes: Int = 1 << 20,
                                  emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var out = FeatureBytes(capacity: chunkBytes + 4096)
        out.ascii("{\"type\": \"FeatureCollection\", \"features\": [\n")
        for (index, point) in points.enumerated() {
            if index > 0 { out.ascii(",\n") }
            out.feature(point)
            if out.bytes.count >= chunkBytes {
                try out.bytes.withUnsafeBufferPointer { try emit($0) }
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        out.ascii("\n]}\n")
        try out.bytes.withUnsafeBufferPointer { try emit($0) }
    }

    /// Writes points.geojson through `sink` (`pointBytes`), keeping the length and digest of what
    /// it wrote for `CatalogueLoader.validate(folder:writtenPoints:)`.
    public static func writePoints(_ points: [ServicePoint], to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> WrittenPoints {
        var digest = ByteDigest(), count = 0
        try pointBytes(points) { chunk in
            digest.add(UnsafeRawBufferPointer(chunk))
            count += chunk.count
            try sink(chunk)
        }
        return WrittenPoints(points, byteCount: count, digest: digest.value)
    }

    /// Writes points.geojson of `points` followed by the `spooled` ones, in that order, through
    /// `sink` a megabyte at a time: the same bytes as `writePoints(_:to:)` of the two as one array.
    /// The spooled points' features are copied as the spool encoded them (`forEachFeatureChunk`),
    /// not decoded; the points it returns read the spool's records when validation asks for them.
    public static func writePoints(_ points: [ServicePoint], spooled: AddedPointSpool?,
                                   to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> WrittenPoints {
        guard let spooled else { return try writePoints(points, to: sink) }
        let chunkBytes = 1 << 20
        var digest = ByteDigest(), count = 0
        var out = FeatureBytes(capacity: chunkBytes + 4096)
        func flush() throws {
            try out.bytes.withUnsafeBufferPointer { chunk in
                digest.add(UnsafeRawBufferPointer(chunk))
                count += chunk.count
                try sink(chunk)
            }
            out.bytes.removeAll(keepingCapacity: true)
        }
        var first = true
        func add(_ point: ServicePoint) throws {
            if !first { out.ascii(",\n") }
            first = false
            out.feature(point)
            if out.bytes.count >= chunkBytes { try flush() }
        }
        out.ascii("{\"type\": \"FeatureCollection\", \"features\": [\n")
        for point in points { try add(point) }
        try flush()
        // Each spooled feature follows ",\n": the first one's is left out when no point came before it.
        var skip = points.isEmpty ? 2 : 0
        try spooled.forEachFeatureChunk { chunk in
            let rest = UnsafeBufferPointer(rebasing: chunk[min(skip, chunk.count)...])
            skip -= chunk.count - rest.count
            guard !rest.isEmpty else { return }
            digest.add(UnsafeRawBufferPointer(rest))
            count += rest.count
            try sink(rest)
        }
        out.ascii("\n]}\n")
        try flush()
        // A spool that cannot be read back ends the walk early: validation then reads the file.
        return WrittenPoints(byteCount: count, digest: digest.value, count: points.count + spooled.count) { body in
            for point in points where !body(point) { return }
            try? spooled.forEach(body)
        }
    }

    static func coordinate(_ c: GeoCoordinate) -> JSONText { .array([.number(c.longitude), .number(c.latitude)]) }

    static func origin(_ o: ImportOrigin) -> JSONText {
        var members: [(String, JSONText)] = [("file", .string(o.file))]
        if let sheet = o.sheet { members.append(("sheet", .string(sheet))) }
        if let row = o.row { members.append(("row", .int(row))) }
        members.append(("date", .string(o.date)))
        return .object(members)
    }

    static func provenance(_ p: Provenance, into members: inout [(String, JSONText)]) {
        members.append(("provenance", .string(p.kind)))
        if let source = p.sourceID { members.append(("source", .string(source))) }
    }

    /// One feature of points.geojson.
    public static func feature(_ p: ServicePoint) -> JSONText {
        var properties: [(String, JSONText)] = [("name", .string(p.name)), ("type", .string(p.typeID)),
                                                 ("items", .array(p.itemIDs.map(JSONText.string))),
                                                 ("subdistrict", p.subdistrictCode.map(JSONText.string) ?? .null)]
        if let v = p.community { properties.append(("community", .string(v))) }
        if let v = p.address { properties.append(("address", .string(v))) }
        if let v = p.phone { properties.append(("phone", .string(v))) }
        if let v = p.hours { properties.append(("hours", .string(v))) }
        if let v = p.sourceDatum { properties.append(("source_datum", .string(v.rawValue))) }
        if let v = p.sourceCoordinate { properties.append(("source_coordinates", coordinate(v))) }
        provenance(p.provenance, into: &properties)
        if let v = p.note { properties.append(("note", .string(v))) }
        if let v = p.origin { properties.append(("imported", origin(v))) }
        let geometry: JSONText = p.location.map { .object([("type", .string("Point")), ("coordinates", coordinate($0))]) } ?? .null
        return .object([("type", .string("Feature")), ("id", .string(p.id)), ("geometry", geometry), ("properties", .object(properties))])
    }

    /// items.json: an indented array.
    public static func items(_ items: [ServiceItem]) -> String {
        JSONText.array(items.map(item)).indented + "\n"
    }

    /// One record of items.json.
    public static func item(_ i: ServiceItem) -> JSONText {
        var members: [(String, JSONText)] = [
            ("id", .string(i.id)), ("domain", .string(i.domainID)), ("category", .string(i.category)), ("name", .string(i.name)),
            ("recipients", .string(i.recipients)), ("content", .string(i.content)), ("standard", .string(i.standard)),
            ("funding", .string(i.funding)), ("lead", .string(i.lead)), ("futian", .bool(i.isFutianSpecific)),
            ("point_types", .array(i.pointTypeIDs.map(JSONText.string))), ("standards", .array(i.standardIDs.map(JSONText.string))),
        ]
        provenance(i.provenance, into: &members)
        if let v = i.note { members.append(("note", .string(v))) }
        if let v = i.origin { members.append(("imported", origin(v))) }
        return .object(members)
    }

    /// standards/ID.md: the front matter, then the body as it is.
    public static func standard(_ s: StandardText, body: String, draftingBody: String? = nil) -> String {
        var lines = ["---", "id: \(s.id)", "code: \(s.code)", "title: \(s.title)", "kind: \(s.kind.rawValue)", "level: \(s.level.rawValue)"]
        if let v = s.issued { lines.append("issued: \(v)") }
        if let v = s.effective { lines.append("effective: \(v)") }
        if let v = draftingBody { lines.append("drafting_body: \(v)") }
        lines.append("items: [\(s.itemIDs.joined(separator: ", "))]")
        lines.append("provenance: \(s.provenance.kind)")
        if let v = s.provenance.sourceID { lines.append("source: \(v)") }
        if let o = s.origin {
            lines.append("imported_file: \(o.file)")
            if let v = o.sheet { lines.append("imported_sheet: \(v)") }
            if let v = o.row { lines.append("imported_row: \(v)") }
            lines.append("imported_date: \(o.date)")
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }

    /// catalogue.json with new declared counts, the published figures and added sources, every
    /// other member as it was.
    public static func catalogueJSON(original: JSONNode, counts: CatalogueMetadata.Counts,
                                     published: CatalogueMetadata.Counts?, addedSources: [SourceInfo]) -> String {
        guard case .object(let members) = JSONText(original) else { return JSONText(original).indented + "\n" }
        func countsValue(_ c: CatalogueMetadata.Counts) -> JSONText {
            .object([("domains", .int(c.domains)), ("items", .int(c.items)), ("futian_items", .int(c.futianItems)),
                     ("points", .int(c.points)), ("standards", .int(c.standards))])
        }
        var result: [(String, JSONText)] = []
        for (key, value) in members {
            switch key {
            case "published_counts": continue
            case "counts":
                result.append(("counts", countsValue(counts)))
                if let published { result.append(("published_counts", countsValue(published))) }
            case "sources":
                guard case .array(let existing) = value else { result.append((key, value)); continue }
                result.append((key, .array(existing + addedSources.map(source))))
            default:
                result.append((key, value))
            }
        }
        return JSONText.object(result).indented + "\n"
    }

    /// One entry of catalogue.json's sources.
    public static func source(_ s: SourceInfo) -> JSONText {
        var members: [(String, JSONText)] = [("id", .string(s.id)), ("title", .string(s.title)), ("origin", .string(s.origin)),
                                             ("licence", .string(s.licence))]
        if let v = s.datum { members.append(("datum", .string(v))) }
        members.append(("snapshot", .string(s.snapshot)))
        if let v = s.reliability { members.append(("reliability", .string(v))) }
        if let v = s.note { members.append(("note", .string(v))) }
        return .object(members)
    }
}
