import Foundation
import GlossCore

/// What an export's manifest says about where its data came from.
public struct ExportProvenance: Sendable, Equatable {
    public var dataset: String
    public var task: TaskType
    public var guideVersion: Int
    public var labels: [String]
    /// The dataset's import batches, oldest first: its version history up to the export.
    public var imports: [ImportBatch]
}

/// A recorded export, as `gloss exports` lists it.
public struct ExportEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var format: String
    public var destination: String
    public var items: Int
    public var options: String
    public var glossVersion: String
    public var createdAt: Date
    /// The manifest as written (JSON text).
    public var manifest: String

    enum CodingKeys: String, CodingKey {
        case id, format, destination, items, options, manifest
        case glossVersion = "gloss_version"
        case createdAt = "created_at"
    }
}

/// What a backend does for exports (see `StoreBackend`).
protocol ExportBackend {
    /// The name of the dataset a project labels.
    func datasetName(project: String) throws -> String
    /// Stores a finished export's record; its id.
    func recordExport(project: String, format: ExportFormat, options: String, destination: String, items: Int,
                      manifest: String, at time: Date) throws -> Int64
    /// The project's recorded exports, oldest first.
    func exports(project: String) throws -> [ExportEntry]
    /// The newest recorded export whose manifest is exactly `manifest`.
    func exportID(manifest: String) throws -> Int64?
    /// One scan of the project's export records (see `GlossDatabase.forEachExportRecord`).
    func forEachExportRecord(project: String, query: ExportQuery, rule: any ConsensusRule,
                             predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)?,
                             _ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary
}

extension GlossDatabase {
    /// The dataset, task, current guide (version and label names) and import batches of a
    /// project, for an export's manifest and writers.
    public func exportProvenance(project: String) throws -> ExportProvenance {
        let (guide, version) = try currentGuide(project: project)
        // The dataset's name alone: the project summary would count every decision.
        let dataset = try backend.datasetName(project: project)
        return ExportProvenance(dataset: dataset, task: guide.task, guideVersion: version, labels: guide.labels.map(\.name),
                                imports: try importLog(dataset: dataset))
    }

    /// Records a finished export; its id.
    @discardableResult
    public func recordExport(project: String, format: ExportFormat, options: String, destination: String,
                             items: Int, manifest: String, at time: Date = Date()) throws -> Int64 {
        try backend.recordExport(project: project, format: format, options: options, destination: destination,
                                 items: items, manifest: manifest, at: time)
    }

    /// The project's exports, oldest first.
    public func exports(project: String) throws -> [ExportEntry] {
        try backend.exports(project: project)
    }

    /// The recorded export whose manifest is exactly `manifest`, if any.
    public func exportID(manifest: String) throws -> Int64? {
        try backend.exportID(manifest: manifest)
    }

    /// Streams a project's export records in item order (ascending row id) with flat memory:
    /// the current decisions and adjudications are read with cursors in item order and
    /// combined under `query.policy` by `rule`, the project's task kind's (which also names
    /// the strata of a stratified split); items left out are counted in the summary. With
    /// `predict`, every item of the dataset with no consensus value (and no skip/flag that
    /// leaves it out) is offered to it, and a value it returns is written as a prediction.
    ///
    /// The scan runs in one read transaction, except with a stratified split: new items'
    /// splits are remembered in `split_assignments` so that they never move, which makes it
    /// one write transaction (other writers wait for it). On a store opened read-only the
    /// new splits are assigned the same way but not remembered.
    ///
    /// A value or item text that no longer matches its checksum stops the scan with
    /// `StoreDamaged` (naming the row and this store) before it reaches `body`.
    public func forEachExportRecord(project: String, query: ExportQuery, rule: any ConsensusRule,
                                    predict: ((UnlabeledItem) throws -> (AnnotationValue, Double)?)? = nil,
                                    _ body: (ExportRecord) throws -> Void) throws -> ExportScanSummary {
        try namingDamage(scope: project) {
            try backend.forEachExportRecord(project: project, query: query, rule: rule, predict: predict, body)
        }
    }
}
