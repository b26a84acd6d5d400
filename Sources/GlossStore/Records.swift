import Foundation
import GRDB

/// A named collection of items, grown by import batches.
public struct DatasetSummary: Codable, Sendable, Equatable, FetchableRecord {
    public var name: String
    public var items: Int
    public var imports: Int
    public var createdAt: Date
    public var lastImportAt: Date?
}

/// One import batch: a file (or stdin) added to a dataset; together they are its history.
public struct ImportBatch: Codable, Sendable, Equatable, FetchableRecord {
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
