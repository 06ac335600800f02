import Catalogue
import ChineseText
import GRDB

/// Compiles the search keys and stores the body-search index when a catalogue is compiled, so
/// pinyin (ICU, ~0.1 ms a string) is never computed at start-up: the keys go, packed into the
/// search index and the place-name table, into the start-up file (`CatalogueImageFile`).
///
/// Table: `search_bodies` is an FTS5 trigram table of the standard bodies (queries of three
/// characters or more use its index; shorter ones, which trigrams cannot find, scan its content).
public enum SearchKeyStore {
    static let schema = """
    CREATE VIRTUAL TABLE search_bodies USING fts5(id UNINDEXED, body, tokenize = 'trigram');
    """

    /// Creates the body table in `db` and fills it (standard id → Markdown), and returns a key for
    /// every text `SearchIndex.texts(of:)` and `LocationResolver.placeNames(of:)` list.
    @discardableResult
    public static func write(_ catalogue: ServiceCatalogue, bodies: [String: String], to db: Database) throws -> [String: SearchKey] {
        try db.execute(sql: schema)
        let insertBody = try db.makeStatement(sql: "INSERT INTO search_bodies(id, body) VALUES (?, ?)")
        for (id, body) in bodies.sorted(by: { $0.key < $1.key }) {
            try insertBody.execute(arguments: [id, body])
        }
        return keys(of: catalogue)
    }

    /// A key for every searchable text and place name of `catalogue`. Place names (stations,
    /// subdistricts) are keyed too, so "nearby at shiminzhongxin" needs no transcription at run time.
    public static func keys(of catalogue: ServiceCatalogue) -> [String: SearchKey] {
        var transcriber = PinyinTranscriber()
        var keys: [String: SearchKey] = [:]
        for text in SearchIndex.texts(of: catalogue) + LocationResolver.placeNames(of: catalogue) where keys[text] == nil {
            keys[text] = transcriber.key(for: text)
        }
        return keys
    }
}
