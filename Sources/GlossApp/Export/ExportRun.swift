import Foundation
import GlossClassifier
import GlossCore
import GlossFormats
import GlossStore
import GlossTasks

/// One `gloss export`: scan, write, hash, manifest, swap into place, record in the store.
public enum ExportRun {
    public struct Request: Sendable {
        public var project: String
        public var format: ExportFormat
        /// Nil: standard output.
        public var destination: String?
        /// Replace an earlier export at the destination.
        public var replace: Bool
        public var query: ExportQuery
        /// `kto`: label responses from their ratings at or above this point (nil: from judgments).
        public var ktoThreshold: Int?

        public init(project: String, format: ExportFormat, destination: String?, replace: Bool = false,
                    query: ExportQuery, ktoThreshold: Int? = nil) {
            self.ktoThreshold = ktoThreshold
            self.project = project
            self.format = format
            self.destination = destination
            self.replace = replace
            self.query = query
        }
    }

    public struct Outcome: Sendable {
        public var manifest: ExportManifest
        /// The export's row in the store; nil when the store was opened read-only (the export
        /// is written all the same, but the store is left as it was: not recorded, and new
        /// items' stratified splits not remembered).
        public var exportID: Int64?
    }

    /// The options as the store records them.
    public struct RecordedOptions: Codable, Sendable {
        public var format: String
        public var policy: String
        public var split: String
        public var seed: UInt32
        public var stratify: Bool
        public var filter: ExportFilter
        public var ktoThreshold: Int?
    }

    /// Checks the destination, scans the project's records through the format's writer into
    /// staged files, writes the manifest, swaps the export into place and records it (unless
    /// the store is read-only). A damaged row stops it (`StoreDamaged`) with nothing in place.
    public static func run(_ request: Request, database: GlossDatabase) throws -> Outcome {
        let provenance = try database.exportProvenance(project: request.project)
        let kind = TaskKinds.kind(for: provenance.task)
        let plan = request.query.split
        let context = ExportContext(project: request.project, task: provenance.task, labels: provenance.labels,
                                    splits: plan?.splits ?? [], guideVersion: provenance.guideVersion,
                                    mapping: kind.exportMapping, ktoThreshold: request.ktoThreshold)
        var writer = try request.format.makeWriter(context: context)
        if let destination = request.destination { try ExportDestination.check(destination, replace: request.replace) }
        let prediction = request.query.filter.includePredictions
            ? try ExportPredictor(database, project: request.project) : nil
        var files = try ExportFiles(names: writer.files, directory: request.destination)
        var counter = ExportCounter(mapping: kind.exportMapping)
        let summary: ExportScanSummary
        let digests: [ExportFileDigest]
        do {
            try writer.begin(&files)
            // The formatting thread owns the writer, the files and the counter until `finish`.
            let formatting = FormattingThread { records in
                for record in records {
                    counter.add(record)
                    try writer.write(record, &files)
                }
            }
            do {
                summary = try database.forEachExportRecord(project: request.project, query: request.query,
                                                           rule: kind.consensusRule(labels: provenance.labels),
                                                           predict: prediction.map { p in { p.predict($0) } }) {
                    try formatting.add($0)
                }
                try formatting.finish()
            } catch {
                formatting.abandon()
                throw error
            }
            try writer.end(&files)
            digests = try files.finish()
        } catch {
            files.abandon()
            throw error
        }
        var counts = counter.counts
        counts.decidedItems = summary.decidedItems
        counts.leftOut = summary.leftOut
        let manifest = ExportManifest(
            glossVersion: GlossVersion.current, createdAt: ISODate.string(Date()), project: request.project,
            dataset: provenance.dataset, task: provenance.task, format: request.format, policy: request.query.policy,
            filter: request.query.filter, split: plan.map(ExportManifest.Split.init),
            guide: .init(current: provenance.guideVersion, decisionsUnder: summary.guideVersions),
            imports: provenance.imports.map {
                ExportManifest.ImportBatch(id: $0.id, source: $0.source, format: $0.format, sha256: $0.sha256,
                                           records: $0.records, added: $0.added,
                                           importedAt: ISODate.string($0.startedAt))
            },
            model: prediction?.model, counts: counts, files: digests)
        let manifestBytes = try manifest.encoded()
        do {
            try files.addFile(ExportDestination.manifestName, contents: manifestBytes)
            try files.commit()
        } catch {
            files.abandon()
            throw error
        }
        guard !database.isReadOnly else { return Outcome(manifest: manifest, exportID: nil) }
        let options = RecordedOptions(format: request.format.rawValue, policy: request.query.policy.rawValue,
                                      split: plan?.description ?? "none", seed: plan?.seed ?? 0,
                                      stratify: plan?.stratify ?? false, filter: request.query.filter,
                                      ktoThreshold: request.ktoThreshold)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let id = try database.recordExport(
            project: request.project, format: request.format,
            options: String(decoding: try encoder.encode(options), as: UTF8.self),
            destination: request.destination.map(absolutePath) ?? "-", items: counts.items,
            manifest: String(decoding: manifestBytes, as: UTF8.self))
        return Outcome(manifest: manifest, exportID: id)
    }

    /// `path` from the root: the current directory before a relative one.
    static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
