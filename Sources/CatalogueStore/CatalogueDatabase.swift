import Catalogue
import Foundation
import Geodesy
import GRDB

/// A compiled catalogue database: writes a validated catalogue into SQLite and reads it back.
public final class CatalogueDatabase: StandardBodySource, @unchecked Sendable {
    /// Bumped whenever the schema or the compiled content changes meaning; an older file is rebuilt.
    public static let schemaVersion = 3

    /// The open connection; GRDB serialises access, so sharing it across threads is safe.
    let reader: DatabaseQueue
    public let path: String

    /// Opens an existing compiled catalogue read-only.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "fuwu.catalogue"
        do {
            reader = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
        self.path = path
    }

    /// A value of the meta table, such as `source_hash`.
    public func meta(_ key: String) throws(StoreError) -> String? {
        do {
            return try reader.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// The Markdown body of a standard text.
    public func body(ofStandard id: String) throws -> String {
        let found = try reader.read { db in try String.fetchOne(db, sql: "SELECT body FROM standards WHERE id = ?", arguments: [id]) }
        guard let found else { throw StoreError.unknownStandard(id) }
        return found
    }

    /// Runs a read-only block against the database (for other parts of this module).
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        try reader.read(block)
    }

    // MARK: - Reading the catalogue

    /// Reads every record back into catalogue values.
    public func catalogue() throws(StoreError) -> ServiceCatalogue {
        do {
            return try reader.read { db in try Self.readCatalogue(db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
    }

    private static func provenance(_ row: Row) -> Provenance {
        let source: String? = row["source"]
        return source.map { .reference(source: $0) } ?? .sample
    }

    private static func list(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "\u{1F}")
    }

    private static func coordinate(_ row: Row, _ lat: String, _ lon: String) -> GeoCoordinate? {
        guard let latitude: Double = row[lat], let longitude: Double = row[lon] else { return nil }
        return GeoCoordinate(latitude: latitude, longitude: longitude)
    }

    private static func readCatalogue(_ db: Database) throws -> ServiceCatalogue {
        func value(_ key: String) throws -> String {
            guard let v = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) else {
                throw StoreError.unreadable(path: db.description, reason: "meta \(key) missing")
            }
            return v
        }
        let counts = try value("counts").split(separator: ",").compactMap { Int($0) }
        guard counts.count == 5 else { throw StoreError.unreadable(path: db.description, reason: "meta counts malformed") }
        let metadata = CatalogueMetadata(
            name: try value("name"), nameEnglish: try value("name_en"), district: try value("district"),
            districtCode: try value("district_code"), version: try value("version"),
            coordinateDatum: try value("coordinate_datum"), notes: try value("notes"),
            counts: .init(domains: counts[0], items: counts[1], futianItems: counts[2], points: counts[3], standards: counts[4]))
        let sources = try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY ord").map { row in
            SourceInfo(id: row["id"], title: row["title"], origin: row["origin"], licence: row["licence"], datum: row["datum"],
                       snapshot: row["snapshot"], reliability: row["reliability"], note: row["note"])
        }
        let pointTypes = try Row.fetchAll(db, sql: "SELECT * FROM point_types ORDER BY ord").map { row in
            PointType(id: row["id"], name: row["name"], nameEnglish: row["name_en"], domainID: row["domain"])
        }
        let domains = try Row.fetchAll(db, sql: "SELECT * FROM domains ORDER BY ord").map { row in
            Domain(id: row["id"], name: row["name"], nameEnglish: row["name_en"], summary: row["summary"], provenance: provenance(row))
        }
        let items = try Row.fetchAll(db, sql: "SELECT * FROM items ORDER BY ord").map { row in
            ServiceItem(id: row["id"], domainID: row["domain"], category: row["category"], name: row["name"],
                        recipients: row["recipients"], content: row["content"], standard: row["standard"],
                        funding: row["funding"], lead: row["lead"], isFutianSpecific: row["futian"],
                        pointTypeIDs: list(row["point_types"]), standardIDs: list(row["standards"]), provenance: provenance(row))
        }
        let points = try Row.fetchAll(db, sql: "SELECT * FROM points ORDER BY ord").map { row in
            ServicePoint(id: row["id"], name: row["name"], typeID: row["type"], itemIDs: list(row["items"]),
                         subdistrictCode: row["subdistrict"], community: row["community"], address: row["address"],
                         phone: row["phone"], hours: row["hours"], location: coordinate(row, "lat", "lon"),
                         sourceDatum: (row["source_datum"] as String?).flatMap(Datum.init(rawValue:)),
                         sourceCoordinate: coordinate(row, "source_lat", "source_lon"), note: row["note"],
                         provenance: provenance(row))
        }
        let standards = try Row.fetchAll(db, sql: "SELECT id, code, title, kind, level, issued, effective, items, source FROM standards ORDER BY ord").map { row in
            StandardText(id: row["id"], code: row["code"], title: row["title"],
                         kind: StandardText.Kind(rawValue: row["kind"]) ?? .standard,
                         level: StandardText.Level(rawValue: row["level"]) ?? .district,
                         issued: row["issued"], effective: row["effective"], itemIDs: list(row["items"]), provenance: provenance(row))
        }
        let subdistricts = try Row.fetchAll(db, sql: "SELECT * FROM subdistricts ORDER BY ord").map { row in
            Subdistrict(code: row["code"], name: row["name"], pinyin: row["pinyin"], communities: list(row["communities"]),
                        centre: coordinate(row, "lat", "lon"), centreNote: row["centre_note"], provenance: provenance(row))
        }
        let landmarks = try Row.fetchAll(db, sql: "SELECT * FROM landmarks ORDER BY ord").compactMap { row -> Landmark? in
            guard let location = coordinate(row, "lat", "lon") else { return nil }
            return Landmark(id: row["id"], name: row["name"], kind: row["kind"], lines: list(row["lines"]), location: location,
                            sourceDatum: Datum(rawValue: row["source_datum"]) ?? .wgs84,
                            sourceCoordinate: coordinate(row, "source_lat", "source_lon"), provenance: provenance(row))
        }
        return ServiceCatalogue(metadata: metadata, sources: sources, pointTypes: pointTypes, domains: domains, items: items,
                                points: points, standards: standards, subdistricts: subdistricts, landmarks: landmarks)
    }

    // MARK: - Writing

    /// Writes a validated catalogue to a new database file at `path` (which must not exist).
    static func write(_ loaded: LoadedCatalogue, meta: [String: String], to path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
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
            let s4 = try db.makeStatement(sql: "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, t) in c.items.enumerated() {
                try s4.execute(arguments: [i, t.id, t.domainID, t.category, t.name, t.recipients, t.content, t.standard, t.funding,
                                           t.lead, t.isFutianSpecific, joined(t.pointTypeIDs), joined(t.standardIDs), source(t.provenance)])
            }
            let s5 = try db.makeStatement(sql: "INSERT INTO points VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, p) in c.points.enumerated() {
                try s5.execute(arguments: [i, p.id, p.name, p.typeID, joined(p.itemIDs), p.subdistrictCode, p.community, p.address,
                                           p.phone, p.hours, p.location?.latitude, p.location?.longitude, p.sourceDatum?.rawValue,
                                           p.sourceCoordinate?.latitude, p.sourceCoordinate?.longitude, p.note, source(p.provenance),
                                           p.provenance.kind])
            }
            let s6 = try db.makeStatement(sql: "INSERT INTO standards VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            for (i, t) in c.standards.enumerated() {
                try s6.execute(arguments: [i, t.id, t.code, t.title, t.kind.rawValue, t.level.rawValue, t.issued, t.effective,
                                           joined(t.itemIDs), source(t.provenance), loaded.bodies[t.id] ?? ""])
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
            try SearchKeyStore.write(c, bodies: loaded.bodies, to: db)
        }
        try queue.close()
    }

    static let schema = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sources (ord INTEGER, id TEXT PRIMARY KEY, title TEXT, origin TEXT, licence TEXT, datum TEXT,
        snapshot TEXT, reliability TEXT, note TEXT);
    CREATE TABLE point_types (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, name_en TEXT, domain TEXT);
    CREATE TABLE domains (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, name_en TEXT, summary TEXT, source TEXT);
    CREATE TABLE items (ord INTEGER, id TEXT PRIMARY KEY, domain TEXT, category TEXT, name TEXT, recipients TEXT,
        content TEXT, standard TEXT, funding TEXT, lead TEXT, futian INTEGER, point_types TEXT, standards TEXT, source TEXT);
    CREATE TABLE points (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, type TEXT, items TEXT, subdistrict TEXT,
        community TEXT, address TEXT, phone TEXT, hours TEXT, lat REAL, lon REAL, source_datum TEXT, source_lat REAL,
        source_lon REAL, note TEXT, source TEXT, provenance TEXT);
    CREATE TABLE standards (ord INTEGER, id TEXT PRIMARY KEY, code TEXT, title TEXT, kind TEXT, level TEXT,
        issued TEXT, effective TEXT, items TEXT, source TEXT, body TEXT);
    CREATE TABLE subdistricts (ord INTEGER, code TEXT PRIMARY KEY, name TEXT, pinyin TEXT, communities TEXT,
        lat REAL, lon REAL, centre_note TEXT, source TEXT);
    CREATE TABLE landmarks (ord INTEGER, id TEXT PRIMARY KEY, name TEXT, kind TEXT, lines TEXT, lat REAL, lon REAL,
        source_datum TEXT, source_lat REAL, source_lon REAL, source TEXT);
    """
}
