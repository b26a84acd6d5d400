import GlossCore

/// What every writer of an export knows before the first record.
public struct ExportContext: Sendable {
    public var project: String
    /// The project's task, named in dataset cards and messages (writers never branch on it:
    /// what differs between tasks comes from `mapping`).
    public var task: TaskType
    /// The labels of the current guide, in guide order (class indexes follow this order).
    public var labels: [String]
    /// The splits the export writes, in order; empty when the export is not split.
    public var splits: [ExportSplit]
    /// The current guide version, for dataset cards.
    public var guideVersion: Int
    /// How the project's task kind writes its values in each format it supports.
    public var mapping: any ExportMapping
    /// `kto`: the rating from which a response is desirable (nil: from pairwise judgments).
    public var ktoThreshold: Int?

    public init(project: String, task: TaskType, labels: [String], splits: [ExportSplit], guideVersion: Int,
                mapping: any ExportMapping, ktoThreshold: Int? = nil) {
        self.ktoThreshold = ktoThreshold
        self.project = project
        self.task = task
        self.labels = labels
        self.splits = splits
        self.guideVersion = guideVersion
        self.mapping = mapping
    }
}

/// Where a writer's bytes go: named files of the export directory (e.g. `train.jsonl`).
/// The sink buffers, hashes and writes them; a writer only appends.
public protocol ExportSink {
    mutating func append(_ bytes: [UInt8], to file: String) throws
    mutating func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws
}

/// One export format: announces its files, then turns records into bytes. A writer knows its
/// format and no task: what a value looks like in the format comes from the kind's facet for
/// it (`JSONLinesMapping`, `CoNLLMapping`, …, found in `ExportContext.mapping`).
public protocol ExportWriter {
    /// Whether the format writes projects whose kind has this mapping: whether the mapping
    /// has the format's facet.
    static func accepts(_ mapping: any ExportMapping) -> Bool
    /// What the format writes, for the message that refuses a project it cannot hold
    /// ("span projects only (one token and its tag per line)").
    static var scope: String { get }
    /// Whether the export is one file (so `--out -` can send it to standard output).
    static func singleFile(splits: [ExportSplit]) -> Bool
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

extension ExportWriter {
    /// Formats whose facet every kind has (`ExportMapping` requires it) write every project.
    public static func accepts(_ mapping: any ExportMapping) -> Bool { true }
}
