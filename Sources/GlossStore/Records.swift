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

/// A project: a dataset labeled under a versioned guide.
public struct ProjectSummary: Codable, Sendable, Equatable {
    public var name: String
    public var dataset: String
    public var task: TaskType
    public var overlap: Int
    /// The order the labeler serves items in unless `--order` says otherwise.
    public var itemOrder: ItemOrder
    public var guideVersion: Int
    public var items: Int
    public var annotations: Int
    public var createdAt: Date
}

/// One immutable published version of a project's guide.
public struct GuideVersion: Codable, Sendable, Equatable {
    public var version: Int
    public var sha256: String
    public var author: String
    public var message: String
    public var createdAt: Date
    public var text: String
}
