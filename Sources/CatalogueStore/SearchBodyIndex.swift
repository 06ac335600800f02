import Foundation
import Catalogue
import GRDB

/// Full-text search of a compiled catalogue's standard bodies: FTS5 trigrams for queries of three
/// characters or more, a scan of the stored bodies for one- and two-character queries (most
/// Chinese words), with the snippet and ranking of `BodyTextSearch`.
public struct SearchBodyIndex: StandardBodySearching {
    let database: CatalogueDatabase

    public init(database: CatalogueDatabase) {
        self.database = database
    }

    public func searchBodies(_ query: String, limit: Int) throws -> [BodyHit] {
        let folded = BodyTextSearch.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        let rows: [Row] = try database.read { db in
            if folded.unicodeScalars.count >= 3 {
                let phrase = "\"" + folded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return try Row.fetchAll(db, sql: "SELECT id, body FROM search_bodies WHERE search_bodies MATCH ?",
                                        arguments: [phrase])
            }
            return try Row.fetchAll(db, sql: "SELECT id, body FROM search_bodies WHERE instr(lower(body), ?) > 0",
                                    arguments: [folded])
        }
        let hits = rows.compactMap { row -> BodyHit? in
            BodyTextSearch.hit(id: row[0], body: row[1], foldedQuery: folded)
        }
        return BodyTextSearch.ranked(hits, limit: limit)
    }
}
