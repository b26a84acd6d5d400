internal import GRDB

extension SQLiteBackend: DatasetsBackend {
    func datasets() throws -> [DatasetSummary] {
        try read { db in
            try DecodedRow<DatasetSummary>.fetchAll(db, sql: """
                SELECT d.name, d.created_at AS createdAt,
                       -- items are never deleted, so the batches' additions are the count
                       (SELECT IFNULL(SUM(m.added), 0) FROM imports m WHERE m.dataset_id = d.id) AS items,
                       (SELECT COUNT(*) FROM imports m WHERE m.dataset_id = d.id) AS imports,
                       (SELECT MAX(m.started_at) FROM imports m WHERE m.dataset_id = d.id) AS lastImportAt
                FROM datasets d ORDER BY d.name
                """).map(\.record)
        }
    }

    func importLog(dataset: String) throws -> [ImportBatch] {
        try read { db in
            let id = try Self.datasetID(db, dataset)
            return try DecodedRow<ImportBatch>.fetchAll(db, sql: """
                SELECT id, source, format, sha256, bytes, records, added, duplicates, skipped, options,
                       gloss_version AS glossVersion, started_at AS startedAt, seconds
                FROM imports WHERE dataset_id = ? ORDER BY id
                """, arguments: [id]).map(\.record)
        }
    }

    /// The row id of the dataset named `name`, or an error naming the datasets there are.
    static func datasetID(_ db: Database, _ name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name]) else {
            throw StoreError.unknownDataset(name, known: try String.fetchAll(db, sql: "SELECT name FROM datasets ORDER BY name"))
        }
        return id
    }
}
