import GRDB

extension GlossDatabase {
    /// Every dataset with its item count, number of import batches and last import time.
    public func datasets() throws -> [DatasetSummary] {
        try writer.read { db in
            try DatasetSummary.fetchAll(db, sql: """
                SELECT d.name, d.created_at AS createdAt,
                       -- items are never deleted, so the batches' additions are the count
                       (SELECT IFNULL(SUM(m.added), 0) FROM imports m WHERE m.dataset_id = d.id) AS items,
                       (SELECT COUNT(*) FROM imports m WHERE m.dataset_id = d.id) AS imports,
                       (SELECT MAX(m.started_at) FROM imports m WHERE m.dataset_id = d.id) AS lastImportAt
                FROM datasets d ORDER BY d.name
                """)
        }
    }

    /// The import batches of a dataset, oldest first: its version history.
    public func importLog(dataset: String) throws -> [ImportBatch] {
        try writer.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [dataset]) else {
                throw StoreError.unknownDataset(dataset, known: try String.fetchAll(db, sql: "SELECT name FROM datasets ORDER BY name"))
            }
            return try ImportBatch.fetchAll(db, sql: """
                SELECT id, source, format, sha256, bytes, records, added, duplicates, skipped, options,
                       gloss_version AS glossVersion, started_at AS startedAt, seconds
                FROM imports WHERE dataset_id = ? ORDER BY id
                """, arguments: [id])
        }
    }
}
