import Foundation
import GlossCore
@testable import GlossStore
import GlossTestSupport
import GRDB

extension GlossDatabase {
    /// One integer from a query, for assertions.
    func int(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try sqlite.read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }

    /// The texts of a dataset by external id, read as bytes (GRDB's String stops at a NUL).
    func texts(_ dataset: String) throws -> [String: String] {
        try sqlite.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT external_id, CAST(text AS BLOB) AS text FROM items JOIN datasets d ON d.id = items.dataset_id WHERE d.name = ?
                """, arguments: [dataset])
            return Dictionary(uniqueKeysWithValues: rows.map {
                ($0["external_id"] as String, String(decoding: $0["text"] as Data, as: UTF8.self))
            })
        }
    }

    /// Imports files into a dataset with default options.
    @discardableResult
    func importFiles(_ paths: [String], into dataset: String, format: ImportFormat? = nil, fields: ImportFields = ImportFields(), skipInvalid: Bool = false) throws -> ImportReport {
        try importItems(ImportRequest(dataset: dataset, sources: paths.map { ImportSource(path: $0, format: format) }, fields: fields, skipInvalid: skipInvalid))
    }

    /// Everything the listing commands show, to compare before and after a failed import.
    func snapshot() throws -> [String] {
        try sqlite.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'dataset ' || name FROM datasets
                UNION ALL SELECT 'item ' || external_id || ' ' || text FROM items
                UNION ALL SELECT 'import ' || id || ' ' || added FROM imports
                UNION ALL SELECT 'label ' || item_id || ' ' || label FROM reference_labels
                ORDER BY 1
                """)
        }
    }
}

/// `count` JSONL lines with distinct texts.
func jsonLines(_ count: Int, prefix: String = "item") -> String {
    (1...count).map { "{\"id\": \"\(prefix)-\($0)\", \"text\": \"text number \($0) of \(prefix)\"}" }.joined(separator: "\n") + "\n"
}
