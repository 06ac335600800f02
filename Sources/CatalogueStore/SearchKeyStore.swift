import Catalogue
import ChineseText
import GRDB

/// Stores the search keys and the body-search index when a catalogue is compiled, and reads the
/// keys back, so pinyin (ICU, ~0.1 ms a string) is never computed at start-up.
///
/// Tables: `search_keys(text, key)` holds one `SearchKey.serialised` per distinct searchable
/// text; `search_bodies` is an FTS5 trigram table of the standard bodies (queries of three
/// characters or more use its index; shorter ones, which trigrams cannot find, scan its content).
public enum SearchKeyStore {
    static let schema = """
    CREATE TABLE search_keys (text TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE search_bodies USING fts5(id UNINDEXED, body, tokenize = 'trigram');
    """

    /// Creates the search tables in `db` and fills them: a key for every text
    /// `SearchIndex.texts(of:)` lists, and every body (standard id → Markdown).
    public static func write(_ catalogue: ServiceCatalogue, bodies: [String: String], to db: Database) throws {
        try db.execute(sql: schema)
        var transcriber = PinyinTranscriber()
        let insertKey = try db.makeStatement(sql: "INSERT INTO search_keys(text, key) VALUES (?, ?)")
        // Place names (stations, subdistricts) are keyed too, so "nearby at shiminzhongxin"
        // needs no transcription at run time.
        var seen = Set<String>()
        for text in SearchIndex.texts(of: catalogue) + LocationResolver.placeNames(of: catalogue) where seen.insert(text).inserted {
            try insertKey.execute(arguments: [text, transcriber.key(for: text).serialised])
        }
        let insertBody = try db.makeStatement(sql: "INSERT INTO search_bodies(id, body) VALUES (?, ?)")
        for (id, body) in bodies.sorted(by: { $0.key < $1.key }) {
            try insertBody.execute(arguments: [id, body])
        }
    }

    /// The stored keys by text. A key that does not parse is left out (the index then compiles
    /// that text itself).
    public static func read(from db: Database) throws -> [String: SearchKey] {
        var keys: [String: SearchKey] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT text, key FROM search_keys")
        while let row = try rows.next() {
            let text: String = row[0]
            let serialised: String = row[1]
            if let key = SearchKey(serialised: serialised) { keys[text] = key }
        }
        return keys
    }

    /// The stored keys of a compiled catalogue, by text.
    public static func keys(of database: CatalogueDatabase) throws(StoreError) -> [String: SearchKey] {
        do {
            return try database.read { db in try read(from: db) }
        } catch let error as StoreError {
            if case .damaged = error { throw error }
            throw StoreError.unreadable(path: database.path, reason: "search keys: \(error)")
        } catch {
            throw StoreError.unreadable(path: database.path, reason: "search keys: \(error)")
        }
    }

    /// The search index of a compiled catalogue, built from its stored keys.
    public static func index(of database: CatalogueDatabase, catalogue: ServiceCatalogue) throws(StoreError) -> SearchIndex {
        SearchIndex(catalogue: catalogue, keys: try keys(of: database))
    }
}
