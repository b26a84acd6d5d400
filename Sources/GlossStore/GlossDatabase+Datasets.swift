import Foundation
import GlossCore

/// A named collection of items, grown by import batches.
public struct DatasetSummary: Codable, Sendable, Equatable {
    public var name: String
    public var items: Int
    public var imports: Int
    public var createdAt: Date
    public var lastImportAt: Date?
}

/// One import batch: a file (or stdin) added to a dataset; together they are its history.
public struct ImportBatch: Codable, Sendable, Equatable {
    public var id: Int64
    public var source: String
    public var format: String
    public var sha256: String
    public var bytes: Int64
    public var records: Int
    public var added: Int
    public var duplicates: Int
    public var skipped: Int
    public var options: String
    public var glossVersion: String
    public var startedAt: Date
    public var seconds: Double
}

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

/// What a backend reads about datasets and their items, for listings, training and prediction
/// (see `StoreBackend`).
protocol DatasetsBackend {
    func datasets() throws -> [DatasetSummary]
    func importLog(dataset: String) throws -> [ImportBatch]
    func referenceExamples(dataset: String) throws -> [LabeledItem]
    func decisionExamples(project: String) throws -> [LabeledItem]
    func forEachItem(dataset: String, batchSize: Int, _ body: ([DatasetItem]) throws -> Void) throws
}

extension GlossDatabase {
    /// Every dataset with its item count, number of import batches and last import time.
    public func datasets() throws -> [DatasetSummary] {
        try backend.datasets()
    }

    /// The import batches of a dataset, oldest first: its version history.
    public func importLog(dataset: String) throws -> [ImportBatch] {
        try backend.importLog(dataset: dataset)
    }

    /// The dataset's items that have reference labels, in dataset order, with their labels.
    /// An item whose text no longer matches its checksum stops it with `StoreDamaged`.
    public func referenceExamples(dataset: String) throws -> [LabeledItem] {
        try namingDamage(scope: dataset) { try backend.referenceExamples(dataset: dataset) }
    }

    /// Every current (not superseded, not undone) label decision of the project, of every
    /// annotator, oldest first. Skips and flags are not examples.
    /// A value or item text that no longer matches its checksum stops it with `StoreDamaged`.
    public func decisionExamples(project: String) throws -> [LabeledItem] {
        try namingDamage(scope: project) { try backend.decisionExamples(project: project) }
    }

    /// Calls `body` with the dataset's items in dataset order, `batchSize` at a time, reading
    /// as it goes (memory stays flat with the dataset's size; each batch is its own read, so
    /// a slow `body` holds no transaction open).
    public func forEachItem(dataset: String, batchSize: Int = 1000, _ body: ([DatasetItem]) throws -> Void) throws {
        try backend.forEachItem(dataset: dataset, batchSize: batchSize, body)
    }
}
