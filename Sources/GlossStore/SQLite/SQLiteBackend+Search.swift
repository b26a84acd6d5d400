import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: SearchBackend {
    func indexForSearch(limit: Int) throws -> SearchIndexProgress {
        try writeRetrying { db in
            let through = try Self.searchIndexedThrough(db)
            let last = try Int64.fetchOne(db, sql: """
                SELECT MAX(id) FROM (SELECT id FROM items WHERE id > ? ORDER BY id LIMIT ?)
                """, arguments: [through, limit])
            guard let last else { return SearchIndexProgress(indexed: 0, remaining: 0) }
            try db.execute(sql: """
                INSERT INTO item_search (rowid, text) SELECT id, text FROM items WHERE id > ? AND id <= ? ORDER BY id
                """, arguments: [through, last])
            let indexed = db.changesCount
            try db.execute(sql: "UPDATE item_search_progress SET through_item = ? WHERE id = 1", arguments: [last])
            // Items above the last indexed id, counted by id (no scan of them): ids are dense
            // but for items a failed import left out, so this may count a few too many.
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM items") ?? last
            return SearchIndexProgress(indexed: indexed, remaining: Int(max(0, newest - last)))
        }
    }

    /// The last item id the word index holds (items are indexed in id order).
    static func searchIndexedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT through_item FROM item_search_progress WHERE id = 1") ?? 0
    }

    /// The dataset's first item with an id in `lo+1...hi` whose text has every word of
    /// `query` (words match from their start, so "sam" finds "Samsung" and "삼성" finds
    /// "삼성전자가"): through the word index for indexed items, by reading the others. A
    /// query with no word (only punctuation) is looked for as it is, ignoring ASCII case.
    static func firstMatch(_ db: Database, datasetID: Int64, query: String, after lo: Int64, through hi: Int64) throws
        -> Int64? {
        let words = SearchWords.words(query)
        guard !words.isEmpty else { return try firstByReading(db, datasetID: datasetID, query: query, lo, hi) }
        let indexed = try searchIndexedThrough(db)
        var found: Int64?
        if lo < indexed {
            let match = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
                .joined(separator: " AND ")
            found = try Int64.fetchOne(db, sql: """
                SELECT s.rowid FROM item_search s JOIN items i ON i.id = s.rowid
                WHERE item_search MATCH ? AND s.rowid > ? AND s.rowid <= ? AND i.dataset_id = ?
                ORDER BY s.rowid LIMIT 1
                """, arguments: [match, lo, min(hi, indexed), datasetID])
        }
        if found == nil, hi > indexed {
            found = try firstByReading(db, datasetID: datasetID, words: words, max(lo, indexed), hi)
        }
        return found
    }

    /// Items not yet indexed: read in id order, each word looked for at the start of a word,
    /// case folded (diacritics must match here; the index ignores them).
    private static func firstByReading(_ db: Database, datasetID: Int64, words: [String], _ lo: Int64, _ hi: Int64) throws
        -> Int64? {
        let wanted = words.map(fold)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM items WHERE dataset_id = ? AND id > ? AND id <= ? ORDER BY id",
                                       arguments: [datasetID, lo, hi])
        while let row = try rows.next() {
            let textWords = SearchWords.words(row[1]).map(fold)
            if wanted.allSatisfy({ word in textWords.contains { $0.hasPrefix(word) } }) { return row[0] }
        }
        return nil
    }

    private static func firstByReading(_ db: Database, datasetID: Int64, query: String, _ lo: Int64, _ hi: Int64) throws
        -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM items WHERE dataset_id = ? AND id > ? AND id <= ?
            AND instr(lower(CAST(text AS BLOB)), lower(CAST(? AS BLOB))) > 0 ORDER BY id LIMIT 1
            """, arguments: [datasetID, lo, hi, query])
    }

    private static func fold(_ word: String) -> String { word.lowercased() }
}
