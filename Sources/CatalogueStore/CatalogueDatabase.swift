import Catalogue
import ChineseText
import Foundation
import Geodesy
import GRDB

/// A compiled catalogue database: writes a validated catalogue into SQLite and reads it back.
public final class CatalogueDatabase: StandardBodySource, @unchecked Sendable {
    /// Bumped whenever the schema or the compiled content changes meaning; an older file is rebuilt.
    public static let schemaVersion = 6

    public let path: String
    /// The connection, opened on first use; GRDB serialises access, so sharing it across threads is safe.
    private var connection: DatabaseQueue?
    private let lock = NSLock()

    /// Opens an existing compiled catalogue read-only.
    public init(path: String) throws(StoreError) {
        self.path = path
        _ = try reader()
    }

    /// A compiled catalogue opened on first use: a start that needs no standard body never opens
    /// SQLite.
    init(openingLater path: String) {
        self.path = path
    }

    /// The read-only connection, opened now if it is not yet.
    private func reader() throws(StoreError) -> DatabaseQueue {
        lock.lock()
        defer { lock.unlock() }
        if let connection { return connection }
        _ = PageChecksums.isRegistered
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "fuwu.catalogue"
        do {
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            connection = opened
            return opened
        } catch {
            // Opened lazily, the file may be found damaged only now, after start-up: that is
            // damage like any other read's (the file is removed and the command runs again).
            throw storeError(error)
        }
    }

    /// A value of the meta table, such as `source_hash`.
    public func meta(_ key: String) throws(StoreError) -> String? {
        do {
            return try reader().read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
        } catch {
            throw storeError(error)
        }
    }

    /// The Markdown body of a standard text.
    public func body(ofStandard id: String) throws -> String {
        let found: String?
        do {
            found = try reader().read { db in try String.fetchOne(db, sql: "SELECT body FROM standards WHERE id = ?", arguments: [id]) }
        } catch {
            throw storeError(error)
        }
        guard let found else { throw StoreError.unknownStandard(id) }
        return found
    }

    /// Reads every page (SQLite's quick check), so every page checksum is verified; throws
    /// `damaged` at the first damaged page. Costs a full read: for tests and diagnosis only.
    func checkEveryPage() throws {
        let result = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        if result != ["ok"] { throw StoreError.damaged(path: path, reason: result.prefix(3).joined(separator: "; ")) }
    }

    /// Runs a read-only block against the database (for other parts of this module).
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        do {
            return try reader().read(block)
        } catch {
            throw storeError(error)
        }
    }

    // MARK: - Reading the catalogue

    /// Reads every record back into catalogue values.
    public func catalogue() throws(StoreError) -> ServiceCatalogue {
        do {
            return try reader().read { db in try Self.readCatalogue(db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// A read failure as a `StoreError`: `damaged` (and the file removed) when the file itself is
    /// at fault.
    func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if PageChecksums.indicatesDamage(error) {
            // Never read on: remove the file so that the next open (this command's retry, or the
            // browser's next start) rebuilds it. This connection keeps the unlinked file.
            CatalogueCache.discard(databasePath: path)
            return StoreError.damaged(path: path, reason: PageChecksums.describe(error))
        }
        return StoreError.unreadable(path: path, reason: "\(error)")
    }

    // Columns are read by position: GRDB's lookup by name folds case on every access, which
    // made reading 2082 points a third of the browser's start-up.
    private static func provenance(_ row: Row, _ column: Int) -> Provenance {
        let source: String? = row[column]
        return source.map { .reference(source: $0) } ?? .sample
    }

    /// The provenance of a record whose source id and kind stand in two columns.
    private static func provenance(_ row: Row, source: Int, kind: Int) -> Provenance {
        let sourceID: String? = row[source]
        let kindName: String? = row[kind]
        return Provenance(kind: kindName ?? "", source: sourceID) ?? provenance(row, source)
    }

    /// Origins are stored as `file␟sheet␟row␟date`.
    private static func origin(_ text: String?) -> ImportOrigin? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.components(separatedBy: "\u{1F}")
        guard parts.count == 4 else { return nil }
        return ImportOrigin(file: parts[0], sheet: parts[1].isEmpty ? nil : parts[1], row: Int(parts[2]), date: parts[3])
    }

    private static func originText(_ origin: ImportOrigin?) -> String? {
        origin.map { [$0.file, $0.sheet ?? "", $0.row.map(String.init) ?? "", $0.date].joined(separator: "\u{1F}") }
    }

    private static func counts(_ text: String) -> CatalogueMetadata.Counts? {
        let n = text.split(separator: ",").compactMap { Int($0) }
        guard n.count == 5 else { return nil }
        return .init(domains: n[0], items: n[1], futianItems: n[2], points: n[3], standards: n[4])
    }

    private static func list(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "\u{1F}")
    }

    private static func coordinate(_ row: Row, _ lat: Int) -> GeoCoordinate? {
        guard let latitude: Double = row[lat], let longitude: Double = row[lat + 1] else { return nil }
        return GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    /// Every row of a query, mapped in order.
    private static func rows<T>(_ db: Database, _ sql: String, _ map: (Row) -> T?) throws -> [T] {
        var result: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() { if let value = map(row) { result.append(value) } }
        return result
    }

    private static func readCatalogue(_ db: Database) throws -> ServiceCatalogue {
        func value(_ key: String) throws -> String {
            guard let v = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) else {
                throw StoreError.unreadable(path: db.description, reason: "meta \(key) missing")
            }
            return v
        }
        guard let declared = Self.counts(try value("counts")) else { throw StoreError.unreadable(path: db.description, reason: "meta counts malformed") }
        let published = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'published_counts'").flatMap { Self.counts($0) }
        let metadata = CatalogueMetadata(
            name: try value("name"), nameEnglish: try value("name_en"), district: try value("district"),
            districtCode: try value("district_code"), version: try value("version"),
            coordinateDatum: try value("coordinate_datum"), notes: try value("notes"),
            counts: declared, publishedCounts: published)
        let sources = try rows(db, "SELECT id, title, origin, licence, datum, snapshot, reliability, note FROM sources ORDER BY ord") { r in
            SourceInfo(id: r[0], title: r[1], origin: r[2], licence: r[3], datum: r[4], snapshot: r[5], reliability: r[6], note: r[7])
        }
        let pointTypes = try rows(db, "SELECT id, name, name_en, domain FROM point_types ORDER BY ord") { r in
            PointType(id: r[0], name: r[1], nameEnglish: r[2], domainID: r[3])
        }
        let domains = try rows(db, "SELECT id, name, name_en, summary, source FROM domains ORDER BY ord") { r in
            Domain(id: r[0], name: r[1], nameEnglish: r[2], summary: r[3], provenance: provenance(r, 4))
        }
        let items = try rows(db, """
            SELECT id, domain, category, name, recipients, content, standard, funding, lead, futian, point_types, standards, source,
                   provenance, origin
            FROM items ORDER BY ord
            """) { r in
            ServiceItem(id: r[0], domainID: r[1], category: r[2], name: r[3], recipients: r[4], content: r[5], standard: r[6],
                        funding: r[7], lead: r[8], isFutianSpecific: r[9], pointTypeIDs: list(r[10]), standardIDs: list(r[11]),
                        provenance: provenance(r, source: 12, kind: 13), origin: origin(r[14]))
        }
        let points = try rows(db, """
            SELECT id, name, type, items, subdistrict, community, address, phone, hours, lat, lon, source_datum,
                   source_lat, source_lon, note, source, provenance, origin FROM points ORDER BY ord
            """) { r in
            ServicePoint(id: r[0], name: r[1], typeID: r[2], itemIDs: list(r[3]), subdistrictCode: r[4], community: r[5],
                         address: r[6], phone: r[7], hours: r[8], location: coordinate(r, 9),
                         sourceDatum: (r[11] as String?).flatMap(Datum.init(rawValue:)), sourceCoordinate: coordinate(r, 12),
                         note: r[14], provenance: provenance(r, source: 15, kind: 16), origin: origin(r[17]))
        }
        let standards = try rows(db, "SELECT id, code, title, kind, level, issued, effective, items, source, provenance, origin FROM standards ORDER BY ord") { r in
            StandardText(id: r[0], code: r[1], title: r[2], kind: StandardText.Kind(rawValue: r[3]) ?? .standard,
                         level: StandardText.Level(rawValue: r[4]) ?? .district, issued: r[5], effective: r[6],
                         itemIDs: list(r[7]), provenance: provenance(r, source: 8, kind: 9), origin: origin(r[10]))
        }
        let subdistricts = try rows(db, "SELECT code, name, pinyin, communities, lat, lon, centre_note, source FROM subdistricts ORDER BY ord") { r in
            Subdistrict(code: r[0], name: r[1], pinyin: r[2], communities: list(r[3]), centre: coordinate(r, 4),
                        centreNote: r[6], provenance: provenance(r, 7))
        }
        let landmarks = try rows(db, """
            SELECT id, name, kind, lines, lat, lon, source_datum, source_lat, source_lon, source FROM landmarks ORDER BY ord
            """) { r -> Landmark? in
            guard let location = coordinate(r, 4) else { return nil }
            return Landmark(id: r[0], name: r[1], kind: r[2], lines: list(r[3]), location: location,
                            sourceDatum: Datum(rawValue: r[6]) ?? .wgs84, sourceCoordinate: coordinate(r, 7),
                            provenance: provenance(r, 9))
        }
        var boundary = Boundary(polygons: [])
        var subdistrictBoundaries: [SubdistrictBoundary] = []
        let areas = try rows(db, "SELECT kind, code, name, note, source, rings FROM areas ORDER BY ord") { r -> (String, SubdistrictBoundary)? in
            guard let polygons = PolygonText.decode(r[5]) else { return nil }
            return (r[0], SubdistrictBoundary(code: r[1], name: r[2], area: Boundary(polygons: polygons), note: r[3],
                                              provenance: provenance(r, 4)))
        }
        for (kind, area) in areas {
            if kind == "district" { boundary = area.area } else { subdistrictBoundaries.append(area) }
        }
        return ServiceCatalogue(metadata: metadata, sources: sources, pointTypes: pointTypes, domains: domains, items: items,
                                points: points, standards: standards, subdistricts: subdistricts, landmarks: landmarks,
                                boundary: boundary, subdistrictBoundaries: subdistrictBoundaries)
    }

    // MARK: - Writing

    /// Writes a validated catalogue to a new database file at `path` (which must not exist), and
    /// returns the search keys compiled on the way, by text.
    static func write(_ loaded: LoadedCatalogue, meta: [String: String], to path: String) throws -> [String: SearchKey] {
        _ = PageChecksums.isRegistered
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try PageChecksums.reserve(db)
            // The file is new and private until it is renamed over the old one, so a rollback
            // journal and fsyncs would protect nothing: a failed write leaves only a temporary
            // file to delete. A larger page cache keeps the id indexes of a million rows in memory.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        let keys = try queue.write { db in
            try db.execute(sql: schema)
            let c = loaded.catalogue
            var allMeta = meta
            allMeta["name"] = c.metadata.name
            allMeta["name_en"] = c.metadata.nameEnglish
            allMeta["district"] = c.metadata.district
            allMeta["district_code"] = c.metadata.districtCode
            allMeta["version"] = c.metadata.version
            allMeta["coordinate_datum"] = c.metadata.coordinateDatum
            allMeta["notes"] = c.metadata.notes
            let n = c.metadata.counts
            allMeta["counts"] = [n.domains, n.items, n.futianItems, n.points, n.standards].map(String.init).joined(separator: ",")
            allMeta["schema_version"] = String(schemaVersion)
            if let p = c.metadata.publishedCounts {
                allMeta["published_counts"] = [p.domains, p.items, p.futianItems, p.points, p.standards].map(String.init).joined(separator: ",")
            }
            for (key, value) in allMeta.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
            }
            func joined(_ list: [String]) -> String { list.joined(separator: "\u{1F}") }
            let source = { (p: Provenance) in p.sourceID }

            let s1 = try db.makeStatement(sql: "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?)")
            for (i, s) in c.sources.enumerated() {
                try s1.execute(arguments: [i, s.id, s.title, s.origin, s.licence, s.datum, s.snapshot, s.reliability, s.note])
            }
            let s2 = try db.makeStatement(sql: "INSERT INTO point_types VALUES (?,?,?,?,?)")
            for (i, t) in c.pointTypes.enumerated() { try s2.execute(arguments: [i, t.id, t.name, t.nameEnglish, t.domainID]) }
            let s3 = try db.makeStatement(sql: "INSERT INTO domains VALUES (?,?,?,?,?,?)")
            for (i, d) in c.domains.enumerated() { try s3.execute(arguments: [i, d.id, d.name, d.nameEnglish, d.summary, source(d.provenance)]) }
            let s4 = try db.makeStatement(sql: "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, t) in c.items.enumerated() {
                try s4.execute(arguments: [i, t.id, t.domainID, t.category, t.name, t.recipients, t.content, t.standard, t.funding,
                                           t.lead, t.isFutianSpecific, joined(t.pointTypeIDs), joined(t.standardIDs), source(t.provenance),
                                           t.provenance.kind, originText(t.origin)])
            }
            let s5 = try db.makeStatement(sql: "INSERT INTO points VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, p) in c.points.enumerated() {
                try s5.execute(arguments: [i, p.id, p.name, p.typeID, joined(p.itemIDs), p.subdistrictCode, p.community, p.address,
                                           p.phone, p.hours, p.location?.latitude, p.location?.longitude, p.sourceDatum?.rawValue,
                                           p.sourceCoordinate?.latitude, p.sourceCoordinate?.longitude, p.note, source(p.provenance),
                                           p.provenance.kind, originText(p.origin)])
            }
            let s6 = try db.makeStatement(sql: "INSERT INTO standards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, t) in c.standards.enumerated() {
                try s6.execute(arguments: [i, t.id, t.code, t.title, t.kind.rawValue, t.level.rawValue, t.issued, t.effective,
                                           joined(t.itemIDs), source(t.provenance), loaded.bodies[t.id] ?? "",
                                           t.provenance.kind, originText(t.origin)])
            }
            let s7 = try db.makeStatement(sql: "INSERT INTO subdistricts VALUES (?,?,?,?,?,?,?,?,?)")
            for (i, s) in c.subdistricts.enumerated() {
                try s7.execute(arguments: [i, s.code, s.name, s.pinyin, joined(s.communities), s.centre?.latitude, s.centre?.longitude,
                                           s.centreNote, source(s.provenance)])
            }
            let s8 = try db.makeStatement(sql: "INSERT INTO landmarks VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            for (i, l) in c.landmarks.enumerated() {
                try s8.execute(arguments: [i, l.id, l.name, l.kind, joined(l.lines), l.location.latitude, l.location.longitude,
                                           l.sourceDatum.rawValue, l.sourceCoordinate?.latitude, l.sourceCoordinate?.longitude,
                                           source(l.provenance)])
            }
            let s9 = try db.makeStatement(sql: "INSERT INTO areas VALUES (?,?,?,?,?,?,?)")
            try s9.execute(arguments: [0, "district", c.metadata.districtCode, c.metadata.district, nil, nil,
                                       PolygonText.encode(c.boundary.polygons)])
            for (i, b) in c.subdistrictBoundaries.enumerated() {
                try s9.execute(arguments: [i + 1, "subdistrict", b.code, b.name, b.note, source(b.provenance),
                                           PolygonText.encode(b.area.polygons)])
            }
            return try SearchKeyStore.write(c, bodies: loaded.bodies, to: db)
        }
        try queue.close()
        return keys
    }

    static let schema = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sources (ord INTEGER, id TEXT PRIMARY KEY, title TEXT, origin TEXT, licence TEXT, datum TEXT,
        snapshot TEXT, reliability TEXT, note TEXT);
    CREATE TABLE point_types (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, name_en TEXT, domain TEXT);
    CREATE TABLE domains (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, name_en TEXT, summary TEXT, source TEXT);
    CREATE TABLE items (ord INTEGER, id TEXT PRIMARY KEY, domain TEXT, category TEXT, name TEXT, recipients TEXT,
        content TEXT, standard TEXT, funding TEXT, lead TEXT, futian INTEGER, point_types TEXT, standards TEXT, source TEXT,
        provenance TEXT, origin TEXT);
    CREATE TABLE points (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, type TEXT, items TEXT, subdistrict TEXT,
        community TEXT, address TEXT, phone TEXT, hours TEXT, lat REAL, lon REAL, source_datum TEXT, source_lat REAL,
        source_lon REAL, note TEXT, source TEXT, provenance TEXT, origin TEXT);
    CREATE TABLE standards (ord INTEGER, id TEXT PRIMARY KEY, code TEXT, title TEXT, kind TEXT, level TEXT,
        issued TEXT, effective TEXT, items TEXT, source TEXT, body TEXT, provenance TEXT, origin TEXT);
    CREATE TABLE subdistricts (ord INTEGER, code TEXT PRIMARY KEY, name TEXT, pinyin TEXT, communities TEXT,
        lat REAL, lon REAL, centre_note TEXT, source TEXT);
    CREATE TABLE landmarks (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, kind TEXT, lines TEXT, lat REAL, lon REAL,
        source_datum TEXT, source_lat REAL, source_lon REAL, source TEXT);
    CREATE TABLE areas (ord INTEGER PRIMARY KEY, kind TEXT, code TEXT, name TEXT, note TEXT, source TEXT, rings TEXT);
    """
}
