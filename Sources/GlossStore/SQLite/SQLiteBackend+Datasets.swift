import Foundation
import GlossCore
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
            let known = try String.fetchAll(db, sql: "SELECT name FROM datasets ORDER BY name")
            throw StoreError.unknownDataset(name, known: known)
        }
        return id
    }

    func referenceExamples(dataset: String) throws -> [LabeledItem] {
        try read { db in
            let datasetID = try Self.datasetID(db, dataset)
            var examples: [LabeledItem] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.id, i.external_id, CAST(i.text AS BLOB), r.label, i.text_check
                FROM items i JOIN reference_labels r ON r.item_id = i.id
                WHERE i.dataset_id = ? ORDER BY i.id, r.label
                """, arguments: [datasetID])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let label: String = row[3]
                if examples.last?.rowID == id {
                    examples[examples.count - 1].labels.append(label)
                } else {
                    guard Self.matchesCheck(row[2], row[4]) else {
                        throw DamagedRow(kind: .itemText, rowID: id, item: row[1], scope: dataset)
                    }
                    examples.append(LabeledItem(rowID: id, externalID: row[1], text: Self.text(row[2]), labels: [label],
                                                value: nil))
                }
            }
            return examples
        }
    }

    func decisionExamples(project: String) throws -> [LabeledItem] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            // Each value and item text is verified against its checksum: nothing altered on
            // disk reaches a model (train, eval, the labeler's model).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.id, i.external_id, CAST(i.text AS BLOB), a.value, a.id, a.value_check, i.text_check,
                       CAST(a.value AS BLOB)
                FROM annotations a JOIN items i ON i.id = a.item_id
                WHERE a.project_id = ? AND a.kind = 'label' AND a.superseded_by IS NULL AND a.undone_at IS NULL
                ORDER BY a.id
                """, arguments: [projectID])
            var examples: [LabeledItem] = []
            while let row = try rows.next() {
                guard Self.matchesCheck(row[7], row[5]) else {
                    throw DamagedRow(kind: .decision, rowID: row[4], item: row[1], scope: project)
                }
                guard Self.matchesCheck(row[2], row[6]) else {
                    throw DamagedRow(kind: .itemText, rowID: row[0], item: row[1])
                }
                guard let value = (row[3] as String?).flatMap({ AnnotationValue(json: $0) }) else { continue }
                examples.append(LabeledItem(rowID: row[0], externalID: row[1], text: Self.text(row[2]),
                                            labels: value.labelNames, value: value))
            }
            return examples
        }
    }

    func forEachItem(dataset: String, batchSize: Int, _ body: ([DatasetItem]) throws -> Void) throws {
        let datasetID = try read { try Self.datasetID($0, dataset) }
        var after: Int64 = 0
        while true {
            let batch = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, external_id, CAST(text AS BLOB) FROM items
                    WHERE dataset_id = ? AND id > ? ORDER BY id LIMIT ?
                    """, arguments: [datasetID, after, batchSize]).map {
                    DatasetItem(rowID: $0[0], externalID: $0[1], text: Self.text($0[2]))
                }
            }
            guard let last = batch.last else { return }
            try body(batch)
            after = last.rowID
        }
    }

    /// Whether a column read as bytes (`CAST(… AS BLOB)`, NULL for none) matches its check.
    static func matchesCheck(_ value: DatabaseValue, _ check: DatabaseValue) -> Bool {
        let check = Int64.fromDatabaseValue(check)
        guard let bytes = Data.fromDatabaseValue(value) else { return ValueCheck.matches(nil, check: check) }
        return bytes.withUnsafeBytes { ValueCheck.matches($0.bindMemory(to: UInt8.self), check: check) }
    }

    /// An item's text read as bytes (`CAST(text AS BLOB)`), so a NUL does not cut it short.
    static func text(_ value: DatabaseValue) -> String {
        (Data.fromDatabaseValue(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
