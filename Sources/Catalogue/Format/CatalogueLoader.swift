import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ChineseText
import Geodesy

/// A catalogue read from its source folder: the values, the standard bodies, the boundary.
public struct LoadedCatalogue: Sendable {
    public var catalogue: ServiceCatalogue
    /// Markdown bodies of the standard texts by id.
    public var bodies: [String: String]
    /// The body that drafted or issued each text whose header names one (`drafting_body`), by id:
    /// kept with the source files for a later rewrite, not part of the model.
    public var draftingBodies: [String: String]
    /// The district boundary (also on the catalogue).
    public var boundary: Boundary { catalogue.boundary }

    public init(catalogue: ServiceCatalogue, bodies: [String: String], draftingBodies: [String: String] = [:]) {
        self.catalogue = catalogue
        self.bodies = bodies
        self.draftingBodies = draftingBodies
    }
}

/// The outcome of reading a folder: the catalogue when it has no errors, and every diagnostic.
public struct CatalogueLoadReport: Sendable {
    public var loaded: LoadedCatalogue?
    /// Every problem found, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads and validates a catalogue folder in the format of docs/data-format.md, reporting every
/// problem rather than stopping at the first.
public enum CatalogueLoader {
    /// The source files of a catalogue, relative to its folder (standards/ is read as a folder).
    public static let fileNames = ["catalogue.json", "domains.json", "items.json", "points.geojson",
                                   "subdistricts.json", "landmarks.json", "boundary.geojson",
                                   "subdistricts.geojson"]
    /// Source files a catalogue may leave out: without subdistricts.geojson it has no subdistrict polygons.
    public static let optionalFileNames: Set<String> = ["subdistricts.geojson"]

    /// Boundary tolerance: the district polygon is simplified, so a location this close outside
    /// it is still accepted.
    public static let boundaryToleranceMetres = 300.0

    /// Reads, validates and cross-checks the catalogue in `folder`.
    public static func load(folder: URL) -> CatalogueLoadReport {
        var reader = Reader(folder: folder)
        reader.run()
        let diagnostics = DiagnosticLog.capped(reader.log.entries.sorted { $0.location < $1.location })
        return CatalogueLoadReport(loaded: reader.log.hasErrors ? nil : reader.result(), diagnostics: diagnostics)
    }

    /// Checks the catalogue in `folder` exactly as `load` does, with the same diagnostics, but
    /// keeps no point once it is checked: memory stays flat however many points the file holds.
    /// With no errors, `counts` gives what was found (domains, items, points, standards).
    public static func validate(folder: URL) -> CatalogueValidation {
        validate(folder: folder, writtenPoints: nil)
    }

    /// `validate(folder:)` of a folder whose points.geojson a writer has just written: when the
    /// file still holds exactly the bytes `writtenPoints` describes, its points are checked as
    /// the records they were written from instead of being parsed again, with every check
    /// reading them would make. Should any point fail a check (or the file differ), the file is
    /// read as `validate(folder:)` reads it, so the diagnostics are always the same as its own.
    /// Everything else in the folder, and the counts, are read and checked as usual.
    public static func validate(folder: URL, writtenPoints: WrittenPoints?) -> CatalogueValidation {
        var reader = Reader(folder: folder)
        reader.keepsPoints = false
        reader.writtenPoints = writtenPoints
        reader.run()
        let diagnostics = DiagnosticLog.capped(reader.log.entries.sorted { $0.location < $1.location })
        var validation = CatalogueValidation(diagnostics: diagnostics, counts: reader.log.hasErrors ? nil : reader.foundCounts)
        validation.checkedWrittenPoints = reader.checkedWrittenPoints
        return validation
    }

    /// The files a catalogue consists of (relative paths, sorted), for hashing and change checks.
    /// Every start asks (the cache's change check), so it uses `access` and `readdir` directly:
    /// FileManager cost ten times as much for the same answer.
    public static func sourceFiles(in folder: URL) -> [String] {
        let base = folder.path
        var files = fileNames.filter { access(base + "/" + $0, F_OK) == 0 }
        var names: [String] = []
        if let directory = opendir(base + "/standards") {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name != ".", name != "..", name.hasSuffix(".md") { names.append(name) }
            }
        }
        files += names.sorted().map { "standards/\($0)" }
        return files.sorted()
    }
}

private struct Reader {
    let folder: URL
    var log = DiagnosticLog()

    var metadata: CatalogueMetadata?
    var sources: [SourceInfo] = []
    var pointTypes: [PointType] = []
    var domains: [Domain] = []
    var items: [ServiceItem] = []
    var points: [ServicePoint] = []
    /// False when only checking (`CatalogueLoader.validate`): points are counted, not kept.
    var keepsPoints = true
    /// The points a writer has just written to points.geojson, checked without parsing them again.
    var writtenPoints: WrittenPoints?
    /// True once they were.
    var checkedWrittenPoints = false
    var pointCount = 0
    var standards: [StandardText] = []
    var bodies: [String: String] = [:]
    var draftingBodies: [String: String] = [:]
    var subdistricts: [Subdistrict] = []
    var landmarks: [Landmark] = []
    var boundary = Boundary(polygons: [])
    var boundaryLoaded = false
    var subdistrictBoundaries: [SubdistrictBoundary] = []
    /// The region box catalogue.json declares; nil when missing or malformed (reported).
    var region: RegionBox?

    /// Where each record and each reference stood, for cross-reference messages.
    var recordLocation: [String: SourceLocation] = [:]
    var references: [(kind: RefKind, id: String, from: String, at: SourceLocation)] = []
    var provenanceRefs: [(source: String, at: SourceLocation)] = []

    enum RefKind: String { case domain, item, pointType = "point type", standard, subdistrict }

    /// Kinds whose whole file could not be read, and single records (`kind:id`) whose source
    /// failed: references to them are not reported again.
    var unreadableKinds: Set<String> = []

    init(folder: URL) { self.folder = folder }

    // MARK: - Files

    /// The bytes of a source file, mapped rather than read; nil (and an error) when it is missing,
    /// not a regular file, unreadable, starts with a byte-order mark or is not UTF-8.
    mutating func source(_ name: String) -> JSONSource? {
        switch JSONSource.mapping(folder.appendingPathComponent(name).path) {
        case .success(let source):
            if source.startsWithByteOrderMark {
                log.error(SourceLocation(file: name, line: 1, column: 1), "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
            } else if !source.isValidUTF8 {
                log.error(SourceLocation(file: name, line: 0), "the file is not valid UTF-8; save it as UTF-8")
            } else {
                return source
            }
        case .failure(.missing):
            log.error(SourceLocation(file: name, line: 0), "the file is missing; a catalogue needs \(name) (see docs/data-format.md)")
        case .failure(let failure):
            log.error(SourceLocation(file: name, line: 0), failure.message)
        }
        unreadableKinds.insert(name)
        return nil
    }

    mutating func text(_ name: String) -> String? {
        source(name).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    mutating func json(_ name: String) -> JSONNode? {
        guard let source = self.source(name) else { return nil }
        do {
            return try JSONParser.parse(source)
        } catch {
            malformed(name, error)
            return nil
        }
    }

    mutating func malformed(_ name: String, _ error: JSONParser.Failure) {
        log.error(SourceLocation(file: name, line: error.line, column: error.column), "malformed JSON: \(error.message)")
        unreadableKinds.insert(name)
    }

    mutating func array(_ name: String, _ node: JSONNode?) -> [JSONNode] {
        guard let node else { return [] }
        guard let elements = node.array else {
            log.error(SourceLocation(file: name, node: node, path: "$"), "the file must hold a JSON array of records, not \(node.typeName)")
            return []
        }
        return elements.filter { element in
            if element.isObject { return true }
            log.error(SourceLocation(file: name, node: element), "each record must be a JSON object, not \(element.typeName)")
            return false
        }
    }

    // MARK: - Run

    mutating func run() {
        readMetadata()
        readDomains()
        readBoundary()
        readSubdistricts()
        readSubdistrictBoundaries()
        readItems()
        readLandmarks()
        readPoints()
        readStandards()
        crossCheck()
    }

    /// What the catalogue holds, counted as the declared counts are.
    var foundCounts: CatalogueMetadata.Counts {
        CatalogueMetadata.Counts(domains: domains.count, items: items.count, futianItems: items.filter(\.isFutianSpecific).count,
                                 points: pointCount, standards: standards.count)
    }

    func result() -> LoadedCatalogue? {
        guard let metadata else { return nil }
        let catalogue = ServiceCatalogue(metadata: metadata, sources: sources, pointTypes: pointTypes,
                                         domains: domains, items: items, points: points,
                                         standards: standards, subdistricts: subdistricts, landmarks: landmarks,
                                         boundary: boundary, subdistrictBoundaries: subdistrictBoundaries)
        return LoadedCatalogue(catalogue: catalogue, bodies: bodies, draftingBodies: draftingBodies)
    }

    mutating func claim(_ kind: String, _ id: String, at location: SourceLocation) -> Bool {
        let key = "\(kind):\(id)"
        if let first = recordLocation[key] {
            log.error(location, "duplicate \(kind) id \"\(id)\"; it is already used at \(first.file):\(first.line) — give each record its own id")
            return false
        }
        recordLocation[key] = location
        return true
    }

    /// Reads a record's id field and claims the id for its kind; the reader it returns names the
    /// record in messages (`item "D1-01"`). Nil when the id is missing or already taken.
    mutating func identified(_ node: JSONNode, file: String, kind: String, article: String = "a",
                             idField: String = "id") -> (id: String, reader: ObjectReader)? {
        guard let id = ObjectReader(node, file: file, subject: "\(article) \(kind)").string(idField, &log) else { return nil }
        let reader = ObjectReader(node, file: file, subject: "\(kind) \"\(id)\"")
        guard claim(kind, id, at: reader.location(of: idField)) else { return nil }
        return (id, reader)
    }

    /// A record's provenance; its source is kept for the cross-check.
    mutating func provenance(_ r: ObjectReader) -> Provenance? {
        let provenance = readProvenance(r)
        if let source = provenance?.sourceID { provenanceRefs.append((source, r.location(of: "source"))) }
        return provenance
    }

    mutating func readProvenance(_ r: ObjectReader) -> Provenance? {
        guard let kind = r.string("provenance", &log) else { return nil }
        switch kind {
        case "sample": return .sample
        case "reference", "official":
            guard let source = r.string("source", &log) else { return nil }
            return Provenance(kind: kind, source: source)
        default:
            log.error(r.location(of: "provenance"), "\"provenance\" of \(r.subject) is \"\(kind)\"; use \"official\" or \"reference\" (with a \"source\"), or \"sample\"")
            return nil
        }
    }

    /// Reads the optional `imported` object of an imported record: file, sheet, row and date.
    mutating func importOrigin(_ r: ObjectReader, _ node: JSONNode) -> ImportOrigin? {
        guard let imported = node["imported"], !imported.isNull else { return nil }
        guard imported.isObject else {
            log.error(r.location(of: "imported"), "\"imported\" of \(r.subject) must be an object with \"file\", \"sheet\", \"row\" and \"date\"")
            return nil
        }
        let o = ObjectReader(imported, file: r.file, subject: "\"imported\" of \(r.subject)")
        let file = o.string("file", &log), date = o.string("date", &log)
        let sheet = o.optionalString("sheet", &log)
        let row = imported["row"].flatMap { $0.isNull ? nil : $0 } != nil ? o.integer("row", &log) : nil
        if let date, !SemanticChecks.isCalendarDate(date) {
            log.error(o.location(of: "date"), "the import date \"\(date)\" of \(r.subject) is not a date of the calendar; write YYYY-MM-DD")
        }
        guard let file, let date else { return nil }
        return ImportOrigin(file: file, sheet: sheet, row: row, date: date)
    }

    mutating func coordinate(_ node: JSONNode?, file: String, subject: String, field: String) -> GeoCoordinate? {
        guard let node, !node.isNull else { return nil }
        func at() -> SourceLocation { SourceLocation(file: file, node: node) }
        guard let pair = node.array, pair.count == 2, let lon = pair[0].number, let lat = pair[1].number else {
            log.error(at(), "\(field) of \(subject) must be [longitude, latitude] as two numbers")
            return nil
        }
        if (15...30).contains(lon) && (100...125).contains(lat) {
            log.error(at(), "\(field) of \(subject) look swapped ([\(lon), \(lat)]); the order is [longitude, latitude]")
            return nil
        }
        guard (-180...180).contains(lon), (-90...90).contains(lat) else {
            log.error(at(), "\(field) of \(subject) are out of range: longitude must be within ±180 and latitude within ±90")
            return nil
        }
        if field != "source_coordinates", let region, !region.contains(longitude: lon, latitude: lat) {
            log.error(at(), "\(field) [\(lon), \(lat)] of \(subject) lies outside the catalogue's region \(region.text) (\"bbox\" in catalogue.json); check the coordinate and its datum")
            return nil
        }
        return GeoCoordinate(latitude: lat, longitude: lon)
    }

    mutating func datum(_ r: ObjectReader, _ field: String) -> Datum? {
        guard let name = r.string(field, &log) else { return nil }
        guard let datum = Datum(rawValue: name) else {
            log.error(r.location(of: field), "\"\(field)\" of \(r.subject) is \"\(name)\"; declare one of WGS-84, GCJ-02, BD-09")
            return nil
        }
        return datum
    }

    /// Reports a value outside its field's vocabulary.
    mutating func vocabulary(_ r: ObjectReader, _ field: String, _ value: String?, _ allowed: [String]) {
        if let value, !allowed.contains(value) {
            log.error(r.location(of: field), SemanticChecks.notInVocabulary(field, of: r.subject, value: value, allowed: allowed))
        }
    }

    /// Checks one boundary vertex: on the earth and inside the declared region.
    mutating func checkBoundaryVertex(_ lon: Double, _ lat: Double, at: SourceLocation) -> Bool {
        guard SemanticChecks.isOnEarth(longitude: lon, latitude: lat) else {
            log.error(at, "boundary position [\(lon), \(lat)] is out of range: longitude must be within ±180 and latitude within ±90")
            return false
        }
        if let region, !region.contains(longitude: lon, latitude: lat) {
            log.error(at, "boundary position [\(lon), \(lat)] lies outside the catalogue's region \(region.text) (\"bbox\" in catalogue.json)")
            return false
        }
        return true
    }

    mutating func checkInside(_ c: GeoCoordinate, at: @autoclosure () -> SourceLocation, subject: String) {
        guard boundaryLoaded, !boundary.contains(c) else { return }
        let distance = boundary.distanceToEdgeMetres(c)
        if distance > CatalogueLoader.boundaryToleranceMetres {
            log.error(at(), "the location of \(subject) (\(String(format: "%.6f, %.6f", c.latitude, c.longitude)) lat, lng) lies \(Int(distance.rounded())) m outside the district boundary; check the coordinate and its datum, or set the geometry to null if it is unknown")
        }
    }

    // MARK: - catalogue.json

    mutating func readMetadata() {
        let file = "catalogue.json"
        guard let root = json(file) else { return }
        guard root.isObject else {
            log.error(SourceLocation(file: file, node: root, path: "$"), "the file must hold a JSON object, not \(root.typeName)")
            return
        }
        let r = ObjectReader(root, file: file, subject: "the catalogue")
        if let format = r.integer("format", &log), format != 1 {
            log.error(r.location(of: "format"), "format \(format) is not supported; this fuwu reads format 1")
        }
        let name = r.string("name", &log)
        let nameEnglish = r.optionalString("name_en", &log) ?? ""
        let district = r.string("district", &log)
        let districtCode = r.string("district_code", &log)
        let version = r.string("version", &log)
        let datumName = r.string("coordinate_datum", &log)
        if let datumName, datumName != Datum.wgs84.rawValue {
            log.error(r.location(of: "coordinate_datum"), "coordinate_datum is \"\(datumName)\", but GeoJSON coordinates are WGS-84 (RFC 7946); convert the data and declare WGS-84")
        }
        let notes = r.optionalString("notes", &log) ?? ""
        region = RegionBox.read(root, file: file, &log)
        var counts: CatalogueMetadata.Counts?
        var publishedCounts: CatalogueMetadata.Counts?
        if let countsNode = root["counts"], countsNode.isObject {
            let c = ObjectReader(countsNode, file: file, subject: "counts")
            if let d = c.integer("domains", &log), let i = c.integer("items", &log), let f = c.integer("futian_items", &log),
               let p = c.integer("points", &log), let s = c.integer("standards", &log) {
                counts = .init(domains: d, items: i, futianItems: f, points: p, standards: s)
            }
        }
        if let publishedNode = root["published_counts"], publishedNode.isObject {
            let c = ObjectReader(publishedNode, file: file, subject: "published_counts")
            if let d = c.integer("domains", &log), let i = c.integer("items", &log), let f = c.integer("futian_items", &log),
               let p = c.integer("points", &log), let s = c.integer("standards", &log) {
                publishedCounts = .init(domains: d, items: i, futianItems: f, points: p, standards: s)
            }
        } else if let publishedNode = root["published_counts"] {
            log.error(SourceLocation(file: file, node: publishedNode),
                      "\"published_counts\" must be an object like \"counts\", with the figures the district published")
        }
        if root["counts"]?.isObject != true {
            log.error(r.location(of: root["counts"] == nil ? nil : "counts"), "the catalogue has no \"counts\" object declaring the published numbers of domains, items, futian_items, points and standards")
        }
        for node in array(file, root["sources"] ?? root.standIn(.array([]), member: "sources")) {
            guard let (id, sr) = identified(node, file: file, kind: "source") else { continue }
            guard let title = sr.string("title", &log), let origin = sr.string("origin", &log),
                  let licence = sr.string("licence", &log), let snapshot = sr.string("snapshot", &log) else { continue }
            let datum = sr.optionalString("datum", &log), reliability = sr.optionalString("reliability", &log)
            vocabulary(sr, "datum", datum, SemanticChecks.sourceDatums)
            vocabulary(sr, "reliability", reliability, SemanticChecks.reliabilities)
            sources.append(SourceInfo(id: id, title: title, origin: origin, licence: licence,
                                      datum: datum, snapshot: snapshot,
                                      reliability: reliability, note: sr.optionalString("note", &log)))
        }
        for node in array(file, root["point_types"] ?? root.standIn(.array([]), member: "point_types")) {
            guard let (id, tr) = identified(node, file: file, kind: "point type") else { continue }
            guard let typeName = tr.string("name", &log), let domain = tr.string("domain", &log) else { continue }
            references.append((.domain, domain, "point type \"\(id)\"", tr.location(of: "domain")))
            pointTypes.append(PointType(id: id, name: typeName, nameEnglish: tr.optionalString("name_en", &log) ?? "", domainID: domain))
        }
        if let name, let district, let districtCode, let version, let datumName, let counts {
            metadata = CatalogueMetadata(name: name, nameEnglish: nameEnglish, district: district, districtCode: districtCode,
                                         version: version, coordinateDatum: datumName, notes: notes, counts: counts,
                                         publishedCounts: publishedCounts)
        }
    }

    // MARK: - domains.json

    mutating func readDomains() {
        let file = "domains.json"
        for node in array(file, json(file)) {
            guard let (id, r) = identified(node, file: file, kind: "domain") else { continue }
            guard let name = r.string("name", &log), let provenance = provenance(r) else { continue }
            domains.append(Domain(id: id, name: name, nameEnglish: r.optionalString("name_en", &log) ?? "",
                                  summary: r.optionalString("summary", &log) ?? "", provenance: provenance))
        }
    }

    // MARK: - items.json

    mutating func readItems() {
        let file = "items.json"
        for node in array(file, json(file)) {
            guard let (id, r) = identified(node, file: file, kind: "item", article: "an") else { continue }
            let domain = r.string("domain", &log)
            let category = r.string("category", &log)
            let name = r.string("name", &log)
            let recipients = r.string("recipients", &log)
            let content = r.string("content", &log)
            let standard = r.string("standard", &log)
            let funding = r.string("funding", &log)
            let lead = r.string("lead", &log)
            let futian = r.bool("futian", &log)
            let types = r.strings("point_types", required: true, &log)
            let texts = r.strings("standards", required: true, &log)
            let provenance = provenance(r)
            if types.isEmpty && node["point_types"]?.array != nil {
                log.error(r.location(of: "point_types"), "item \"\(id)\" lists no point types; name at least one type of point that provides it")
            }
            for (typeID, at) in types { references.append((.pointType, typeID, "item \"\(id)\"", at)) }
            for (standardID, at) in texts { references.append((.standard, standardID, "item \"\(id)\"", at)) }
            if let domain { references.append((.domain, domain, "item \"\(id)\"", r.location(of: "domain"))) }
            guard let domain, let category, let name, let recipients, let content, let standard,
                  let funding, let lead, let futian, let provenance else { continue }
            items.append(ServiceItem(id: id, domainID: domain, category: category, name: name, recipients: recipients,
                                     content: content, standard: standard, funding: funding, lead: lead,
                                     isFutianSpecific: futian, pointTypeIDs: types.map(\.0), standardIDs: texts.map(\.0),
                                     provenance: provenance, note: r.optionalString("note", &log), origin: importOrigin(r, node)))
        }
    }

    // MARK: - boundary.geojson

    mutating func readBoundary() {
        let file = "boundary.geojson"
        guard let root = json(file) else { return }
        var geometries: [JSONNode] = []
        switch root["type"]?.string {
        case "FeatureCollection":
            for feature in root["features"]?.array ?? [] { if let g = feature["geometry"] { geometries.append(g) } }
        case "Feature":
            if let g = root["geometry"] { geometries.append(g) }
        case "Polygon", "MultiPolygon":
            geometries.append(root)
        default:
            log.error(SourceLocation(file: file, node: root, path: "$.type"), "malformed GeoJSON: the boundary must be a Feature, FeatureCollection, Polygon or MultiPolygon")
            return
        }
        var polygons: [[[GeoCoordinate]]] = []
        for g in geometries {
            func at() -> SourceLocation { SourceLocation(file: file, node: g) }
            let type = g["type"]?.string
            let coordinates = g["coordinates"]?.array ?? []
            let polygonNodes: [JSONNode]
            if type == "Polygon" {
                polygonNodes = [g.standIn(.array(coordinates))]
            } else if type == "MultiPolygon" {
                polygonNodes = coordinates
            } else {
                log.error(at(), "malformed GeoJSON: the boundary geometry must be a Polygon or MultiPolygon")
                continue
            }
            for polygon in polygonNodes {
                var rings: [[GeoCoordinate]] = []
                for ring in polygon.array ?? [] {
                    var points: [GeoCoordinate] = []
                    for position in ring.array ?? [] {
                        guard let pair = position.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number else {
                            log.error(SourceLocation(file: file, node: position), "malformed GeoJSON: a position must be [longitude, latitude]")
                            return
                        }
                        guard checkBoundaryVertex(lon, lat, at: SourceLocation(file: file, node: position)) else { return }
                        points.append(GeoCoordinate(latitude: lat, longitude: lon))
                    }
                    let ringAt = SourceLocation(file: file, node: ring)
                    if points.count < 4 {
                        log.error(ringAt, "malformed GeoJSON: a ring needs at least 4 positions (a closed triangle)")
                        return
                    }
                    if points.first != points.last {
                        log.error(ringAt, "malformed GeoJSON: the ring is not closed; its last position must repeat its first (RFC 7946 §3.1.6)")
                        return
                    }
                    rings.append(points)
                }
                if !rings.isEmpty { polygons.append(rings) }
            }
        }
        if polygons.isEmpty {
            log.error(SourceLocation(file: file, line: root.line, column: root.column), "the boundary holds no polygon")
            return
        }
        let area = polygons.reduce(0) { $0 + SemanticChecks.areaSquareKilometres($1[0]) }
        if area > SemanticChecks.boundaryAreaLimitSquareKilometres {
            log.error(SourceLocation(file: file, line: root.line, column: root.column), "the boundary encloses \(Int(area.rounded())) km², more than the \(Int(SemanticChecks.boundaryAreaLimitSquareKilometres)) km² a district can cover; check the polygon and its ring order")
            return
        }
        boundary = Boundary(polygons: polygons)
        boundaryLoaded = true
    }

    // MARK: - subdistricts.json

    mutating func readSubdistricts() {
        let file = "subdistricts.json"
        for node in array(file, json(file)) {
            guard let (code, r) = identified(node, file: file, kind: "subdistrict", idField: "code") else { continue }
            guard let name = r.string("name", &log) else { continue }
            let centre = coordinate(node["centre"], file: file, subject: "subdistrict \"\(code)\"", field: "centre")
            if let centre { checkInside(centre, at: r.location(of: "centre"), subject: "subdistrict \"\(code)\"") }
            let communities = r.strings("communities", required: false, &log).map(\.0)
            let provenance: Provenance = r.optionalString("source", &log).map { source in
                provenanceRefs.append((source, r.location(of: "source")))
                return .reference(source: source)
            } ?? .sample
            subdistricts.append(Subdistrict(code: code, name: name, pinyin: r.optionalString("pinyin", &log) ?? "",
                                            communities: communities, centre: centre,
                                            centreNote: r.optionalString("centre_note", &log), provenance: provenance))
        }
    }

    // MARK: - subdistricts.geojson

    /// Reads the optional subdistrict polygons: a FeatureCollection with one feature per 街道,
    /// codes and names as in subdistricts.json, rings closed, positions in range.
    mutating func readSubdistrictBoundaries() {
        let file = "subdistricts.geojson"
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), let root = json(file) else { return }
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array else {
            log.error(SourceLocation(file: file, node: root, path: "$"), "malformed GeoJSON: the file must be a FeatureCollection with a \"features\" array")
            return
        }
        let known = Dictionary(subdistricts.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        for feature in features {
            func at() -> SourceLocation { SourceLocation(file: file, node: feature) }
            guard feature.isObject, feature["type"]?.string == "Feature" else {
                log.error(at(), "malformed GeoJSON: each element of \"features\" must be an object with \"type\": \"Feature\"")
                continue
            }
            guard let properties = feature["properties"], properties.isObject else {
                log.error(at().with(path: "\(feature.path).properties"), "a subdistrict polygon has no \"properties\" object; give it \"code\", \"name\", \"provenance\", \"source\" and \"note\"")
                continue
            }
            guard let (code, r) = identified(properties, file: file, kind: "subdistrict polygon", idField: "code") else { continue }
            let name = r.string("name", &log)
            let provenance = provenance(r)
            let note = r.optionalString("note", &log)
            if let name, let expected = known[code], expected != name {
                log.error(r.location(of: "name"), "subdistrict polygon \"\(code)\" is named \"\(name)\", but subdistricts.json names \(code) \"\(expected)\"; make the names agree")
            }
            references.append((.subdistrict, code, "subdistrict polygon \"\(code)\"", r.location(of: "code")))
            guard let geometry = feature["geometry"], !geometry.isNull else {
                log.error(at().with(path: "\(feature.path).geometry"), "subdistrict polygon \"\(code)\" has no geometry; give a Polygon or MultiPolygon")
                continue
            }
            guard let polygons = polygons(of: geometry, file: file, subject: "subdistrict polygon \"\(code)\""),
                  let name, let provenance else { continue }
            subdistrictBoundaries.append(SubdistrictBoundary(code: code, name: name, area: Boundary(polygons: polygons),
                                                             note: note, provenance: provenance))
        }
    }

    /// The rings of a subdistrict's Polygon or MultiPolygon geometry; nil (with a diagnostic) when
    /// it is malformed. Positions must be [longitude, latitude] in range (and inside the
    /// catalogue's region when it declares one); every ring must end where it starts, and an
    /// exterior ring that runs clockwise is a warning (RFC 7946 asks for anticlockwise exteriors).
    mutating func polygons(of g: JSONNode, file: String, subject: String) -> [[[GeoCoordinate]]]? {
        func at() -> SourceLocation { SourceLocation(file: file, node: g) }
        let coordinates = g["coordinates"]?.array ?? []
        let polygonNodes: [JSONNode]
        switch g["type"]?.string {
        case "Polygon": polygonNodes = [g.standIn(.array(coordinates), member: "coordinates")]
        case "MultiPolygon": polygonNodes = coordinates
        default:
            log.error(at(), "malformed GeoJSON: the geometry of \(subject) must be a Polygon or MultiPolygon")
            return nil
        }
        var polygons: [[[GeoCoordinate]]] = []
        for polygon in polygonNodes {
            var rings: [[GeoCoordinate]] = []
            for (ringIndex, ring) in (polygon.array ?? []).enumerated() {
                func ringAt() -> SourceLocation { SourceLocation(file: file, node: ring) }
                var points: [GeoCoordinate] = []
                for position in ring.array ?? [] {
                    guard let pair = position.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number else {
                        log.error(SourceLocation(file: file, node: position), "malformed GeoJSON: a position of \(subject) must be [longitude, latitude]")
                        return nil
                    }
                    if (15...30).contains(lon) && (100...125).contains(lat) {
                        log.error(SourceLocation(file: file, node: position), "a position of \(subject) looks swapped ([\(lon), \(lat)]); the order is [longitude, latitude]")
                        return nil
                    }
                    guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                        log.error(SourceLocation(file: file, node: position), "a position of \(subject) is out of range ([\(lon), \(lat)]): longitude must be within ±180 and latitude within ±90, in that order")
                        return nil
                    }
                    if let region, !region.contains(longitude: lon, latitude: lat) {
                        log.error(SourceLocation(file: file, node: position), "a position of \(subject) ([\(lon), \(lat)]) lies outside the catalogue's region \(region.text) (\"bbox\" in catalogue.json)")
                        return nil
                    }
                    points.append(GeoCoordinate(latitude: lat, longitude: lon))
                }
                if points.count < 4 {
                    log.error(ringAt(), "malformed GeoJSON: a ring of \(subject) needs at least 4 positions (3 corners and the first repeated)")
                    return nil
                }
                if let first = points.first, let last = points.last, first != last {
                    log.error(ringAt(), "a ring of \(subject) is not closed: its last position must repeat the first ([\(first.longitude), \(first.latitude)])")
                    return nil
                }
                if ringIndex == 0, Boundary.signedArea(points) < 0 {
                    log.warning(ringAt(), "the exterior ring of \(subject) runs clockwise; RFC 7946 asks for anticlockwise exterior rings (it is used as it is)")
                }
                rings.append(points)
            }
            if !rings.isEmpty { polygons.append(rings) }
        }
        if polygons.isEmpty {
            log.error(at(), "\(subject) holds no polygon")
            return nil
        }
        return polygons
    }

    // MARK: - landmarks.json

    mutating func readLandmarks() {
        let file = "landmarks.json"
        for node in array(file, json(file)) {
            guard let (id, r) = identified(node, file: file, kind: "landmark") else { continue }
            let name = r.string("name", &log)
            let kind = r.string("kind", &log)
            vocabulary(r, "kind", kind, SemanticChecks.landmarkKinds)
            let lines = r.strings("lines", required: false, &log).map(\.0)
            guard node["location"].map({ !$0.isNull }) == true else {
                log.error(r.location().with(path: "\(node.path).location"), "landmark \"\(id)\" has no \"location\"; a landmark without a known location cannot be used")
                continue
            }
            let location = coordinate(node["location"], file: file, subject: "landmark \"\(id)\"", field: "location")
            let datum = datum(r, "source_datum")
            let sourceCoordinate = coordinate(node["source_coordinates"], file: file, subject: "landmark \"\(id)\"", field: "source_coordinates")
            let provenance = provenance(r)
            guard let name, let kind, let location, let datum, let provenance else { continue }
            checkInside(location, at: r.location(of: "location"), subject: "landmark \"\(id)\"")
            landmarks.append(Landmark(id: id, name: name, kind: kind, lines: lines, location: location,
                                      sourceDatum: datum, sourceCoordinate: sourceCoordinate, provenance: provenance))
        }
    }

    // MARK: - points.geojson

    /// Reads points.geojson one feature at a time when it begins as a FeatureCollection (the
    /// usual case), so a file of a million points is never held as one tree. A point's references
    /// are checked at once (everything they can refer to is read by then) instead of being kept
    /// for the cross-check. If the file turns out malformed further on, everything logged for it
    /// is withdrawn, so the result is the same as parsing first.
    mutating func readPoints() {
        let file = "points.geojson"
        if let written = writtenPoints, checkWritten(written, file: file) { return }
        guard let source = self.source(file) else { return }
        let logged = log.count
        // The declared count saves regrowing the tables a million times over; a feature takes
        // more than 64 bytes, so the file's size bounds a count that overstates.
        if let declared = metadata?.counts.points, declared > 0 {
            let expected = min(declared, source.bytes.count / 64)
            pointOffsets.reserveCapacity(expected)
            if keepsPoints { points.reserveCapacity(expected) }
        }
        pointContext = PointContext(self)
        defer { pointContext = nil }
        let root: JSONNode
        do {
            root = try JSONParser.parse(source, streaming: "features", when: { members in
                members.contains { $0.key == "type" && $0.node.string == "FeatureCollection" }
            }, element: { feature in readPoint(feature, file: file) })
        } catch {
            log.truncate(to: logged)
            points.removeAll()
            pointCount = 0
            pointOffsets.removeAll()
            malformed(file, error)
            return
        }
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array else {
            log.error(SourceLocation(file: file, node: root, path: "$"), "malformed GeoJSON: the file must be a FeatureCollection with a \"features\" array")
            return
        }
        for feature in features { readPoint(feature, file: file) }
    }

    /// What a point's references are checked against, gathered once before the points are read.
    struct PointContext {
        var itemIDs: Set<String>
        var pointTypeIDs: Set<String>
        var subdistrictCodes: Set<String>
        var sourceIDs: Set<String>
        var communities: [String: Set<String>]
        var pointTypesByItem: [String: Set<String>]

        init(_ reader: Reader) {
            itemIDs = Set(reader.items.map(\.id))
            pointTypeIDs = Set(reader.pointTypes.map(\.id))
            subdistrictCodes = Set(reader.subdistricts.map(\.code))
            sourceIDs = Set(reader.sources.map(\.id))
            communities = Dictionary(uniqueKeysWithValues: reader.subdistricts.map { ($0.code, Set($0.communities)) })
            // Items naming an unknown type are reported already; checking points against them adds noise.
            let known = pointTypeIDs
            pointTypesByItem = Dictionary(uniqueKeysWithValues: reader.items.filter { $0.pointTypeIDs.allSatisfy(known.contains) }
                .map { ($0.id, Set($0.pointTypeIDs)) })
        }
    }

    var pointContext: PointContext?
    /// Where each point's feature starts in points.geojson, by id.
    var pointOffsets: [String: Int] = [:]

    /// Checks the points a writer wrote as records, when the file holds exactly what it wrote;
    /// true when every point passes every check `readPoint` makes (then nothing is logged and the
    /// points are counted), false when the file must be read after all.
    mutating func checkWritten(_ written: WrittenPoints, file: String) -> Bool {
        guard written.matches(fileAt: folder.appendingPathComponent(file).path) else { return false }
        // Locals, so that no point copies the reader.
        let context = PointContext(self), region = self.region, boundary: Boundary? = boundaryLoaded ? self.boundary : nil
        // The ids' hashes, not the ids (8 bytes each, no strings): two ids with one hash (equal
        // ids, or the rare collision) send validation back to reading the file, which tells them apart.
        var ids = Set<Int>()
        ids.reserveCapacity(written.count)
        var clean = true, count = 0
        written.forEach { point in
            count += 1
            clean = ids.insert(point.id.hashValue).inserted && Self.isClean(point, context, region: region, boundary: boundary)
            return clean
        }
        guard clean, count == written.count else { return false }
        pointCount = count
        checkedWrittenPoints = true
        return true
    }

    /// True when reading `p` back from the writer's feature would log nothing (`boundary` nil
    /// when none was loaded): the same checks as
    /// `readPoint` and the `ObjectReader` calls it makes, on the values instead of their nodes.
    static func isClean(_ p: ServicePoint, _ context: PointContext, region: RegionBox?, boundary: Boundary?) -> Bool {
        func safe(_ text: String, _ field: String) -> Bool {
            if text.utf8.count > SemanticChecks.nameLengthLimit, SemanticChecks.exceeds(text, SemanticChecks.lengthLimit(of: field)) { return false }
            return Sanitiser.isPlain(text)
        }
        func required(_ text: String, _ field: String) -> Bool { !text.isBlank && safe(text, field) }
        func optional(_ text: String?, _ field: String) -> Bool { text.map { safe($0, field) } ?? true }
        func coordinate(_ c: GeoCoordinate, region: RegionBox?) -> Bool {
            let (lon, lat) = (c.longitude, c.latitude)
            guard lon.isFinite, lat.isFinite, !((15...30).contains(lon) && (100...125).contains(lat)),
                  (-180...180).contains(lon), (-90...90).contains(lat) else { return false }
            return region?.contains(longitude: lon, latitude: lat) ?? true
        }
        guard !p.id.isEmpty, required(p.name, "name"), required(p.typeID, "type"), context.pointTypeIDs.contains(p.typeID),
              !p.itemIDs.isEmpty else { return false }
        for itemID in p.itemIDs {
            guard safe(itemID, "items"), context.itemIDs.contains(itemID) else { return false }
            if let types = context.pointTypesByItem[itemID], !types.contains(p.typeID) { return false }
        }
        if let code = p.subdistrictCode, !(required(code, "subdistrict") && context.subdistrictCodes.contains(code)) { return false }
        guard optional(p.community, "community") else { return false }
        if let community = p.community, !community.isBlank, let code = p.subdistrictCode,
           let known = context.communities[code], !known.contains(community) { return false }
        if let location = p.location {
            guard coordinate(location, region: region), p.sourceDatum != nil else { return false }
            if let boundary, !boundary.contains(location), boundary.distanceToEdgeMetres(location) > CatalogueLoader.boundaryToleranceMetres {
                return false
            }
        }
        if p.location != nil || p.sourceDatum != nil, let source = p.sourceCoordinate, !coordinate(source, region: nil) { return false }
        if let source = p.provenance.sourceID, !(required(source, "source") && context.sourceIDs.contains(source)) { return false }
        guard optional(p.address, "address"), optional(p.phone, "phone"), optional(p.hours, "hours"), optional(p.note, "note") else { return false }
        if let o = p.origin {
            guard required(o.file, "file"), required(o.date, "date"), optional(o.sheet, "sheet"), SemanticChecks.isCalendarDate(o.date) else { return false }
            if let row = o.row, abs(Double(row)) >= 1e9 { return false }
        }
        return true
    }

    /// Checks one reference as the cross-check would, at once.
    mutating func checkNow(_ kind: RefKind, _ id: String, from: String, known: Set<String>, at: @autoclosure () -> SourceLocation) {
        guard !known.contains(id) else { return }
        if !isReportedAlready(kind, id) { log.error(at(), unknownReference(kind, id, from: from)) }
    }

    mutating func readPoint(_ feature: JSONNode, file: String) {
        guard let context = pointContext else { return }
        func at() -> SourceLocation { SourceLocation(file: file, node: feature) }
        guard feature.isObject, feature["type"]?.string == "Feature" else {
            log.error(at(), "malformed GeoJSON: each element of \"features\" must be an object with \"type\": \"Feature\"")
            return
        }
        guard let id = feature["id"]?.string, !id.isEmpty else {
            log.error(at().with(path: "\(feature.path).id"), "a point has no string \"id\"; give each feature an id such as \"P0001\"")
            return
        }
        let subject = "point \"\(id)\""
        // One hash for the usual, new id; a duplicate puts the first offset back.
        if let first = pointOffsets.updateValue(feature.offset, forKey: id) {
            pointOffsets[id] = first
            log.error(at(), "duplicate point id \"\(id)\"; it is already used at \(file):\(feature.source.position(of: first).line) — give each record its own id")
            return
        }
        guard let properties = feature["properties"], properties.isObject else {
            log.error(at().with(path: "\(feature.path).properties"), "\(subject) has no \"properties\" object")
            return
        }
        let r = ObjectReader(properties, file: file, subject: subject)
        let name = r.string("name", &log)
        let type = r.string("type", &log)
        let itemIDs = r.stringNodes("items", required: true, &log)
        if itemIDs.isEmpty && properties["items"]?.array != nil {
            log.error(r.location(of: "items"), "\(subject) serves no item; list at least one item id")
        }
        if let type { checkNow(.pointType, type, from: subject, known: context.pointTypeIDs, at: r.location(of: "type")) }
        for (itemID, node) in itemIDs {
            checkNow(.item, itemID, from: subject, known: context.itemIDs, at: SourceLocation(file: file, node: node))
        }
        var subdistrict: String?
        if let sub = properties["subdistrict"], !sub.isNull {
            subdistrict = r.string("subdistrict", &log)
            if let subdistrict {
                checkNow(.subdistrict, subdistrict, from: subject, known: context.subdistrictCodes, at: r.location(of: "subdistrict"))
            }
        } else if properties["subdistrict"] == nil {
            log.error(r.location().with(path: "\(properties.path).subdistrict"), "\(subject) has no \"subdistrict\"; give its code, or null when unknown")
        }
        let community = r.optionalString("community", &log)
        var communityError: (SourceLocation, String)?
        if let community, let subdistrict, let known = context.communities[subdistrict], !known.contains(community) {
            communityError = (r.location(of: "community"), "\(subject) names community \"\(community)\", which subdistrict \(subdistrict) does not list in subdistricts.json")
        }

        var location: GeoCoordinate?
        var datum: Datum?
        var sourceCoordinate: GeoCoordinate?
        if let geometry = feature["geometry"], !geometry.isNull {
            if geometry["type"]?.string != "Point" {
                log.error(SourceLocation(file: file, node: geometry), "malformed GeoJSON: the geometry of \(subject) must be a Point or null")
            } else {
                location = coordinate(geometry["coordinates"], file: file, subject: subject, field: "coordinates")
                if geometry["coordinates"] == nil { log.error(SourceLocation(file: file, node: geometry), "malformed GeoJSON: the Point geometry of \(subject) has no \"coordinates\"") }
            }
            if properties["source_datum"] == nil || properties["source_datum"]?.isNull == true {
                log.error(r.location().with(path: "\(properties.path).source_datum"), "\(subject) has a location but no \"source_datum\"; declare the datum its source used (WGS-84, GCJ-02 or BD-09)")
            } else {
                datum = self.datum(r, "source_datum")
            }
            sourceCoordinate = coordinate(properties["source_coordinates"], file: file, subject: subject, field: "source_coordinates")
            if let location {
                checkInside(location, at: SourceLocation(file: file, node: geometry["coordinates"] ?? geometry, path: "\(geometry.path).coordinates"), subject: subject)
            }
        } else if feature["geometry"] == nil {
            log.error(at().with(path: "\(feature.path).geometry"), "malformed GeoJSON: \(subject) has no \"geometry\" member; use null when the location is unknown")
        } else if let withheld = properties["source_datum"], !withheld.isNull {
            // A source coordinate withheld as implausible keeps its datum and values for checking.
            datum = self.datum(r, "source_datum")
            sourceCoordinate = coordinate(properties["source_coordinates"], file: file, subject: subject, field: "source_coordinates")
        }
        var sourceError: (SourceLocation, String)?
        let provenance = readProvenance(r)
        if let source = provenance?.sourceID, !context.sourceIDs.contains(source) {
            sourceError = (r.location(of: "source"), unknownSource(source))
        }
        // The cross-check reported unknown sources after unknown ids, and communities after both.
        if let (where_, message) = sourceError { log.error(where_, message) }
        if let (where_, message) = communityError { log.error(where_, message) }
        guard let name, let type, let provenance else { return }
        let point = ServicePoint(id: id, name: name, typeID: type, itemIDs: itemIDs.map(\.0), subdistrictCode: subdistrict,
                                 community: community, address: r.optionalString("address", &log),
                                 phone: r.optionalString("phone", &log), hours: r.optionalString("hours", &log),
                                 location: location, sourceDatum: datum, sourceCoordinate: sourceCoordinate,
                                 note: r.optionalString("note", &log), provenance: provenance,
                                 origin: importOrigin(r, properties))
        if keepsPoints { points.append(point) }
        pointCount += 1
        for itemID in point.itemIDs {
            if let types = context.pointTypesByItem[itemID], !types.contains(point.typeID) {
                log.error(at(), "point \"\(point.id)\" of type \"\(point.typeID)\" serves item \"\(itemID)\", whose point_types do not include \"\(point.typeID)\"; add the type to the item or remove the item from the point")
            }
        }
    }


    // MARK: - standards/*.md

    mutating func readStandards() {
        let directory = folder.appendingPathComponent("standards")
        var info = stat()
        guard stat(directory.path, &info) == 0 else {
            log.error(SourceLocation(file: "standards/", line: 0), "the folder of standard texts is missing; a catalogue needs standards/*.md")
            unreadableKinds.insert("standards/")
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            log.error(SourceLocation(file: "standards/", line: 0), "standards is \(SourceFile.kindName(info.st_mode)), not a folder; a catalogue needs a folder standards/ of *.md files")
            unreadableKinds.insert("standards/")
            return
        }
        let listing: [String]
        do {
            listing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let reason = access(directory.path, R_OK | X_OK) == 0 ? "it cannot be listed" : String(cString: strerror(EACCES))
            log.error(SourceLocation(file: "standards/", line: 0), "the folder of standard texts cannot be read (\(reason)); check its permissions")
            unreadableKinds.insert("standards/")
            return
        }
        let names = listing.filter { $0.hasSuffix(".md") }.sorted()
        for name in names { readStandard("standards/\(name)") }
    }

    mutating func readStandard(_ file: String) {
        guard let text = text(file) else { return }
        let header: FrontMatter
        do {
            header = try FrontMatter.parse(text)
        } catch {
            log.error(SourceLocation(file: file, line: error.line), "malformed front matter: \(error.message)")
            unreadableKinds.insert("standard:" + file.dropFirst("standards/".count).dropLast(3))
            return
        }
        func at(_ key: String) -> SourceLocation { SourceLocation(file: file, line: header.entries[key]?.line ?? 1) }
        var missing = false
        func value(_ key: String, required: Bool = true) -> String? {
            guard let entry = header.entries[key], !entry.value.isEmpty else {
                if required {
                    log.error(SourceLocation(file: file, line: 1), "the header has no \"\(key)\"; add a line '\(key): …'")
                    missing = true
                }
                return nil
            }
            let limit = SemanticChecks.lengthLimit(of: key)
            if SemanticChecks.exceeds(entry.value, limit) {
                log.error(at(key), SemanticChecks.tooLong(key, of: "the header", limit: limit))
            }
            if let (scalar, offset) = ChineseTextCheck.firstUnsafe(entry.value) {
                log.warning(at(key), "\"\(key)\" contains the control or bidi character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)) at character \(offset + 1); it is shown as inert text — remove it from the source")
            }
            return SemanticChecks.storable(entry.value)
        }
        let known: Set<String> = ["id", "code", "title", "kind", "level", "issued", "effective", "items", "provenance", "source",
                                  "imported_file", "imported_sheet", "imported_row", "imported_date", "drafting_body"]
        for (key, entry) in header.entries where !known.contains(key) {
            log.warning(SourceLocation(file: file, line: entry.line), "unknown header key \"\(key)\" is ignored")
        }
        let id = value("id"), code = value("code"), title = value("title")
        let kindName = value("kind"), levelName = value("level")
        let issued = value("issued", required: false), effective = value("effective", required: false)
        let itemsValue = value("items"), provenanceName = value("provenance")
        if missing { return }
        guard let id, let code, let title, let kindName, let levelName, let itemsValue, let provenanceName else { return }
        let subject = "standard \"\(id)\""
        if file != "standards/\(id).md" {
            log.error(at("id"), "the file of \(subject) must be named standards/\(id).md")
        }
        guard claim("standard", id, at: at("id")) else { return }
        guard let kind = StandardText.Kind(rawValue: kindName) else {
            log.error(at("kind"), "kind \"\(kindName)\" of \(subject) is unknown; use \"standard\" or \"guide\"")
            return
        }
        guard let level = StandardText.Level(rawValue: levelName) else {
            log.error(at("level"), "level \"\(levelName)\" of \(subject) is unknown; use one of \(StandardText.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            return
        }
        for (key, date) in [("issued", issued), ("effective", effective)] {
            if let date, date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                log.error(at(key), "\(key) date \"\(date)\" of \(subject) must be written YYYY-MM-DD")
            } else if let date, !SemanticChecks.isCalendarDate(date) {
                log.error(at(key), "\(key) date \"\(date)\" of \(subject) is not a date of the calendar; write a real date as YYYY-MM-DD")
            }
        }
        guard let itemIDs = FrontMatter.list(itemsValue) else {
            log.error(at("items"), "items of \(subject) must be a list such as [D1-01, D1-02]")
            return
        }
        for itemID in itemIDs { references.append((.item, itemID, subject, at("items"))) }
        let provenance: Provenance
        switch provenanceName {
        case "sample": provenance = .sample
        case "reference", "official":
            guard let source = value("source"), let known = Provenance(kind: provenanceName, source: source) else { return }
            provenanceRefs.append((source, at("source")))
            provenance = known
        default:
            log.error(at("provenance"), "provenance \"\(provenanceName)\" of \(subject) is unknown; use \"official\" or \"reference\" (with a source), or \"sample\"")
            return
        }
        var origin: ImportOrigin?
        if let file = value("imported_file", required: false) {
            let date = value("imported_date") ?? ""
            if !SemanticChecks.isCalendarDate(date) {
                log.error(at("imported_date"), "imported_date \"\(date)\" of \(subject) is not a date of the calendar; write YYYY-MM-DD")
            }
            let rowText = value("imported_row", required: false)
            let row = rowText.flatMap { Int($0) }
            if let rowText, row == nil { log.error(at("imported_row"), "imported_row \"\(rowText)\" of \(subject) must be a whole number") }
            origin = ImportOrigin(file: file, sheet: value("imported_sheet", required: false), row: row, date: date)
        }
        if header.body.utf8.count > SemanticChecks.bodyByteLimit {
            log.error(SourceLocation(file: file, line: header.bodyStartLine), "the body of \(subject) is larger than 2 MB (\(SemanticChecks.bodyByteLimit) bytes), the limit for a text; split it or shorten it")
        }
        if provenance.isSample && !code.hasPrefix("样例") {
            log.error(at("code"), "the code \"\(code)\" of sample \(subject) must start with 样例 so it cannot be taken for a real standard number")
        }
        // Most bodies hold no unsafe scalar at all, which one pass over the bytes tells; only the
        // others are walked line by line.
        if !Sanitiser.isPlain(header.body, allowingLineFeeds: true) {
            for (offset, line) in header.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let (scalar, column) = ChineseTextCheck.firstUnsafe(String(line)), scalar != "\t" {
                    log.warning(SourceLocation(file: file, line: header.bodyStartLine + offset, column: column + 1), "the body contains the control or bidi character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)); it is shown as inert text — remove it from the source")
                    break
                }
            }
        }
        standards.append(StandardText(id: id, code: code, title: title, kind: kind, level: level, issued: issued,
                                      effective: effective, itemIDs: itemIDs, provenance: provenance, origin: origin))
        bodies[id] = SemanticChecks.storable(header.body)
        if let draftingBody = value("drafting_body", required: false) { draftingBodies[id] = draftingBody }
    }

    // MARK: - Cross-checks

    mutating func crossCheck() {
        let ids: [RefKind: Set<String>] = [
            .domain: Set(domains.map(\.id)), .item: Set(items.map(\.id)), .pointType: Set(pointTypes.map(\.id)),
            .standard: Set(standards.map(\.id)), .subdistrict: Set(subdistricts.map(\.code)),
        ]
        for ref in references where !(ids[ref.kind]?.contains(ref.id) ?? false) && !isReportedAlready(ref.kind, ref.id) {
            log.error(ref.at, unknownReference(ref.kind, ref.id, from: ref.from))
        }
        let sourceIDs = Set(sources.map(\.id))
        for ref in provenanceRefs where !sourceIDs.contains(ref.source) {
            log.error(ref.at, unknownSource(ref.source))
        }
        // Points' references, communities and types are checked as each point is read (readPoint).
        // An item's standards and a standard's items must tell the same story.
        let itemStandards = Dictionary(uniqueKeysWithValues: items.map { ($0.id, Set($0.standardIDs)) })
        for standard in standards {
            for itemID in standard.itemIDs {
                if let listed = itemStandards[itemID], !listed.contains(standard.id) {
                    log.error(recordLocation["standard:\(standard.id)"] ?? SourceLocation(file: "standards/\(standard.id).md", line: 1),
                              "standard \"\(standard.id)\" lists item \"\(itemID)\", but that item's \"standards\" in items.json does not list \"\(standard.id)\"; make the two lists agree")
                }
            }
        }
        let standardItems = Dictionary(uniqueKeysWithValues: standards.map { ($0.id, Set($0.itemIDs)) })
        for item in items {
            for standardID in item.standardIDs {
                if let listed = standardItems[standardID], !listed.contains(item.id) {
                    log.error(recordLocation["item:\(item.id)"] ?? SourceLocation(file: "items.json", line: 0),
                              "item \"\(item.id)\" lists standard \"\(standardID)\", but standards/\(standardID).md does not list \"\(item.id)\" in its items; make the two lists agree")
                }
            }
        }
        guard let counts = metadata?.counts else { return }
        let actual: [(String, Int, Int, String)] = [
            ("domains", counts.domains, domains.count, "domains.json"),
            ("items", counts.items, items.count, "items.json"),
            ("futian_items", counts.futianItems, items.filter(\.isFutianSpecific).count, "items.json"),
            ("points", counts.points, pointCount, "points.geojson"),
            ("standards", counts.standards, standards.count, "standards/"),
        ]
        // Only compare counts when the records themselves read cleanly; otherwise the mismatch is noise.
        if log.hasErrors { return }
        for (name, declared, found, file) in actual where declared != found {
            log.error(SourceLocation(file: "catalogue.json", line: countLine(name), path: "$.counts.\(name)"),
                      "counts.\(name) declares \(declared), but \(file) holds \(found); fix the data or the declared count")
        }
    }

    static let referenceFiles: [RefKind: String] = [.domain: "domains.json", .item: "items.json", .pointType: "catalogue.json",
                                                    .standard: "standards/", .subdistrict: "subdistricts.json"]

    /// True when an unknown reference's target failed to read and was reported already: a second
    /// error on it would be noise.
    func isReportedAlready(_ kind: RefKind, _ id: String) -> Bool {
        recordLocation["\(kind.rawValue):\(id)"] != nil || unreadableKinds.contains(Self.referenceFiles[kind] ?? "")
            || unreadableKinds.contains("\(kind.rawValue):\(id)")
    }

    func unknownReference(_ kind: RefKind, _ id: String, from: String) -> String {
        "\(from) refers to unknown \(kind.rawValue) \"\(id)\"; no such id in \(Self.referenceFiles[kind] ?? "")"
    }

    func unknownSource(_ source: String) -> String {
        "unknown source \"\(source)\"; add it to the \"sources\" of catalogue.json"
    }

    func countLine(_ name: String) -> Int {
        guard case .success(let data) = SourceFile.read(folder.appendingPathComponent("catalogue.json").path),
              let text = String(data: data, encoding: .utf8), let root = try? JSONParser.parse(text) else { return 0 }
        return root["counts"]?[name]?.line ?? 0
    }
}

/// Shared unsafe-text check for non-JSON sources.
enum ChineseTextCheck {
    static func firstUnsafe(_ text: String) -> (Unicode.Scalar, Int)? {
        guard let hit = Sanitiser.firstUnsafe(in: text) else { return nil }
        return (hit.scalar, hit.offset)
    }
}
