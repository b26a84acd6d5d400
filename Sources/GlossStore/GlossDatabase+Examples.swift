import Foundation
import GlossCore
internal import GRDB

/// An item with the labels some source gives it: reference labels that came with the data,
/// or an annotator's current decision.
public struct LabeledItem: Sendable, Equatable {
    public var rowID: Int64
    public var externalID: String
    public var text: String
    /// The labels (classify: one; multilabel: any; spans: the spans' labels).
    public var labels: [String]
    /// The decision's full value (spans with their offsets); nil for reference labels.
    public var value: AnnotationValue?
}

/// An item of a dataset, for prediction.
public struct DatasetItem: Sendable, Equatable {
    public var rowID: Int64
    public var externalID: String
    public var text: String
}

extension GlossDatabase {
    /// The dataset's items that have reference labels, in dataset order, with their labels.
    public func referenceExamples(dataset: String) throws -> [LabeledItem] {
        try sqlite.read { db in
            let datasetID = try SQLiteBackend.datasetID(db, dataset)
            var examples: [LabeledItem] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.id, i.external_id, CAST(i.text AS BLOB), r.label FROM items i JOIN reference_labels r ON r.item_id = i.id
                WHERE i.dataset_id = ? ORDER BY i.id, r.label
                """, arguments: [datasetID])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let label: String = row[3]
                if examples.last?.rowID == id {
                    examples[examples.count - 1].labels.append(label)
                } else {
                    examples.append(LabeledItem(rowID: id, externalID: row[1], text: Self.text(row[2]), labels: [label], value: nil))
                }
            }
            return examples
        }
    }

    /// Every current (not superseded, not undone) label decision of the project, of every
    /// annotator, oldest first. Skips and flags are not examples.
    public func decisionExamples(project: String) throws -> [LabeledItem] {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.id, i.external_id, CAST(i.text AS BLOB), a.value FROM annotations a JOIN items i ON i.id = a.item_id
                WHERE a.project_id = ? AND a.kind = 'label' AND a.superseded_by IS NULL AND a.undone_at IS NULL
                ORDER BY a.id
                """, arguments: [projectID])
            var examples: [LabeledItem] = []
            while let row = try rows.next() {
                guard let value = (row[3] as String?).flatMap({ AnnotationValue(json: $0) }) else { continue }
                examples.append(LabeledItem(rowID: row[0], externalID: row[1], text: Self.text(row[2]),
                                            labels: value.labelNames, value: value))
            }
            return examples
        }
    }

    /// Calls `body` with the dataset's items in dataset order, `batchSize` at a time, reading
    /// as it goes (memory stays flat with the dataset's size).
    public func forEachItem(dataset: String, batchSize: Int = 1000, _ body: ([DatasetItem]) throws -> Void) throws {
        let datasetID = try sqlite.read { try SQLiteBackend.datasetID($0, dataset) }
        var after: Int64 = 0
        while true {
            let batch = try sqlite.read { db in
                try Row.fetchAll(db, sql: "SELECT id, external_id, CAST(text AS BLOB) FROM items WHERE dataset_id = ? AND id > ? ORDER BY id LIMIT ?",
                                 arguments: [datasetID, after, batchSize]).map {
                    DatasetItem(rowID: $0[0], externalID: $0[1], text: Self.text($0[2]))
                }
            }
            guard let last = batch.last else { return }
            try body(batch)
            after = last.rowID
        }
    }

    /// An item's text read as bytes, so a NUL does not cut it short.
    static func text(_ value: DatabaseValue) -> String {
        (Data.fromDatabaseValue(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
