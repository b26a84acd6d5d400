import Foundation
import GlossApp
import GlossCore
import GlossStore
import GlossTestSupport

extension GlossDatabase {
    /// The store's file, read with the `sqlite3` command.
    var file: SQLiteShell { SQLiteShell(path) }

    /// One integer from a query, for assertions.
    func int(_ sql: String) throws -> Int {
        try file.int(sql)
    }

    /// The texts of a dataset by external id, read as bytes (so a NUL does not end them).
    func texts(_ dataset: String) throws -> [String: String] {
        let rows = try file.rows("""
            SELECT external_id, CAST(text AS BLOB) AS text FROM items JOIN datasets d ON d.id = items.dataset_id
            WHERE d.name = '\(dataset)'
            """)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["external_id"].string ?? "", $0["text"].string ?? "") })
    }

    /// The row id of the item with this external id, as the store's readers give it.
    func rowID(_ externalID: String, dataset: String) throws -> Int64 {
        var found: Int64 = -1
        try forEachItem(dataset: dataset) { batch in
            if let item = batch.first(where: { $0.externalID == externalID }) { found = item.rowID }
        }
        return found
    }

    /// The row ids of a dataset's items, in dataset order.
    func itemRowIDs(_ dataset: String) throws -> [Int64] {
        var ids: [Int64] = []
        try forEachItem(dataset: dataset) { ids += $0.map(\.rowID) }
        return ids
    }

    /// Imports files into a dataset with default options.
    @discardableResult
    func importFiles(_ paths: [String], into dataset: String, format: ImportFormat? = nil,
                     fields: ImportFields = ImportFields(), skipInvalid: Bool = false) throws -> ImportReport {
        try importItems(ImportRequest(dataset: dataset, sources: paths.map { ImportSource(path: $0, format: format) },
                                      fields: fields, skipInvalid: skipInvalid))
    }

    /// Everything the listing commands show, to compare before and after a failed import.
    func snapshot() throws -> [String] {
        try file.column("""
            SELECT 'dataset ' || name FROM datasets
            UNION ALL SELECT 'item ' || external_id || ' ' || text FROM items
            UNION ALL SELECT 'import ' || id || ' ' || added FROM imports
            UNION ALL SELECT 'label ' || item_id || ' ' || label FROM reference_labels
            ORDER BY 1
            """).map { $0.string ?? "" }
    }
}

/// `count` JSONL lines with distinct texts.
func jsonLines(_ count: Int, prefix: String = "item") -> String {
    (1...count).map { "{\"id\": \"\(prefix)-\($0)\", \"text\": \"text number \($0) of \(prefix)\"}" }.joined(separator: "\n") + "\n"
}
