import Foundation
import GlossClassifier
import GlossApp
import GlossCore
import GlossFormats
import GlossStore

/// One `gloss export`: scan, write, hash, manifest, swap into place, record in the store.
enum ExportRun {
    struct Request {
        var project: String
        var format: ExportFormat
        /// Nil: standard output.
        var destination: String?
        var replace: Bool
        var query: ExportQuery
    }

    struct Outcome {
        var manifest: ExportManifest
        var exportID: Int64
    }

    /// The options as the store records them.
    struct RecordedOptions: Codable {
        var format: String
        var policy: String
        var split: String
        var seed: UInt32
        var stratify: Bool
        var filter: ExportFilter
    }

    static func run(_ request: Request, database: GlossDatabase) throws -> Outcome {
        let provenance = try database.exportProvenance(project: request.project)
        let plan = request.query.split
        let context = ExportContext(project: request.project, task: provenance.task, labels: provenance.labels,
                                    splits: plan?.splits ?? [], guideVersion: provenance.guideVersion)
        var writer = try request.format.makeWriter(context: context)
        if let destination = request.destination { try ExportDestination.check(destination, replace: request.replace) }
        let prediction = try request.query.filter.includePredictions ? ExportPredictor(database, project: request.project) : nil
        var files = try ExportFiles(names: writer.files, directory: request.destination)
        var counter = ExportCounter()
        let summary: ExportScanSummary
        let digests: [ExportFileDigest]
        do {
            try writer.begin(&files)
            summary = try database.forEachExportRecord(project: request.project, query: request.query,
                                                       predict: prediction.map { p in { p.predict($0) } }) { record in
                counter.add(record)
                try writer.write(record, &files)
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
                                           records: $0.records, added: $0.added, importedAt: ISODate.string($0.startedAt))
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
        let options = RecordedOptions(format: request.format.rawValue, policy: request.query.policy.rawValue,
                                      split: plan?.description ?? "none", seed: plan?.seed ?? 0,
                                      stratify: plan?.stratify ?? false, filter: request.query.filter)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let id = try database.recordExport(
            project: request.project, format: request.format,
            options: String(decoding: try encoder.encode(options), as: UTF8.self),
            destination: request.destination.map(absolutePath) ?? "-", items: counts.items,
            manifest: String(decoding: manifestBytes, as: UTF8.self))
        return Outcome(manifest: manifest, exportID: id)
    }

    /// The summary: on standard error when the data went to standard output.
    static func report(_ outcome: Outcome, request: Request) {
        let m = outcome.manifest
        var lines: [String] = []
        let place = request.destination.map { TerminalText.visible($0) } ?? "standard output"
        let splitText = m.split.map { "\($0.shares) seed \($0.seed)\($0.stratify ? " stratified" : "")" } ?? "no split"
        lines.append("Exported \(NumberText.grouped(m.counts.items)) items of \(TerminalText.visible(m.project)) to \(place) (\(m.format.rawValue), \(m.policy.rawValue), \(splitText)).")
        if !m.counts.splits.isEmpty {
            lines.append("  " + ExportSplit.allCases.compactMap { s in m.counts.splits[s.rawValue].map { "\(s.rawValue) \(NumberText.grouped($0))" } }.joined(separator: " · "))
        }
        if let predicted = m.counts.sources[ExportSource.prediction.rawValue], predicted > 0 {
            lines.append("  \(NumberText.grouped(predicted)) of them are the model's predictions (v\(m.model?.version ?? 0)).")
        }
        let leftOut = m.counts.leftOut.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        if !leftOut.isEmpty {
            lines.append("  Left out: " + leftOut.map { "\(NumberText.grouped($0.value)) \($0.key)" }.joined(separator: ", ") + ".")
        }
        let check = request.destination.map { " Check it with: gloss export --verify \(TerminalText.visible($0))" } ?? ""
        lines.append("Recorded as export #\(outcome.exportID) (gloss exports \(TerminalText.visible(m.project))).\(check)")
        let text = lines.joined(separator: "\n") + "\n"
        if request.destination == nil {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(text, terminator: "")
        }
    }

    static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
