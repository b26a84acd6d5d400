import GlossCore

/// What every writer of an export knows before the first record.
public struct ExportContext: Sendable, Equatable {
    public var project: String
    public var task: TaskType
    /// The labels of the current guide, in guide order (class indexes follow this order).
    public var labels: [String]
    /// The splits the export writes, in order; empty when the export is not split.
    public var splits: [ExportSplit]
    /// The current guide version, for dataset cards.
    public var guideVersion: Int

    public init(project: String, task: TaskType, labels: [String], splits: [ExportSplit], guideVersion: Int) {
        self.project = project
        self.task = task
        self.labels = labels
        self.splits = splits
        self.guideVersion = guideVersion
    }
}

/// Where a writer's bytes go: named files of the export directory (e.g. `train.jsonl`).
/// The sink buffers, hashes and writes them; a writer only appends.
public protocol ExportSink {
    mutating func append(_ bytes: [UInt8], to file: String) throws
    mutating func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws
}

/// One export format: announces its files, then turns records into bytes.
public protocol ExportWriter {
    init(context: ExportContext)
    /// The files this writer produces, in the order the manifest lists them. Every one is
    /// created, even when no record goes to it.
    var files: [String] { get }
    /// Writes what comes before the first record (a CSV header, `-DOCSTART-`, `[`).
    mutating func begin(_ sink: inout some ExportSink) throws
    mutating func write(_ record: ExportRecord, _ sink: inout some ExportSink) throws
    /// Writes what comes after the last record (`]`, `label_names.json`, a dataset card).
    mutating func end(_ sink: inout some ExportSink) throws
}
