import Foundation
import GlossCore
internal import GRDB

extension GlossDatabase {
    /// Imports every source of `request` into its dataset in one transaction: either all
    /// valid records are stored, or (on the first invalid record, unless skipping) nothing.
    ///
    /// Duplicates (same normalized text already in the dataset) are counted and left out,
    /// so importing the same file twice adds nothing. A source that adds nothing leaves no
    /// import batch behind: batches are the dataset's versions.
    public func importItems(_ request: ImportRequest, progress: ImportProgress? = nil) throws -> ImportReport {
        let started = Date()
        var report = ImportReport(dataset: request.dataset)
        do {
            try sqlite.write { db in
                // The unique indexes (content hash, external id) take random inserts: keep them
                // in memory (about 45 MB per million items) rather than re-read spilled pages.
                let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
                let (dataset, created) = try Self.findOrCreateDataset(db, name: request.dataset, at: started)
                let items = try ItemWriter(db, datasetID: dataset, datasetName: request.dataset)
                let foreign = request.sources.contains { $0.format?.isForeign == true }
                    ? try ForeignAnnotationSink(db, project: request.project, datasetID: dataset, datasetName: request.dataset, at: started) : nil
                for source in request.sources {
                    let run = SourceRun(source: source, request: request, writer: items, foreign: foreign, progress: progress)
                    let sourceReport = try run.importSource(db, datasetID: dataset, skipped: &report.skippedSamples)
                    report.sources.append(sourceReport)
                }
                if report.records == 0 {
                    let names = request.sources.map { $0.path == "-" ? "<stdin>" : $0.path }.joined(separator: ", ")
                    throw ImportFailure(source: names, error: InvalidRecord(line: 0, message: "the input holds no records", isFatal: true))
                }
                if report.added == 0, created {
                    throw ImportFailure(source: request.dataset, error: InvalidRecord(line: 0, message: "no valid records; the dataset was not created", isFatal: true))
                }
                try foreign?.finish()
                report.foreign = foreign?.report
            }
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Page cache for imports, in KiB: room for the unique indexes of a million items.
    static let importCacheKiB = 48 * 1024

    /// The dataset's id, and whether this import created it.
    static func findOrCreateDataset(_ db: Database, name: String, at date: Date) throws -> (id: Int64, created: Bool) {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name]) {
            return (id, false)
        }
        try db.execute(sql: "INSERT INTO datasets (name, created_at) VALUES (?, ?)", arguments: [name, date])
        return (db.lastInsertedRowID, true)
    }
}

/// The import of one source inside the transaction.
private struct SourceRun {
    let source: ImportSource
    let request: ImportRequest
    let writer: ItemWriter
    /// Takes the annotations and predictions of another tool's records.
    let foreign: ForeignAnnotationSink?
    let progress: ImportProgress?

    func importSource(_ db: Database, datasetID: Int64, skipped: inout [SkippedRecord]) throws -> SourceReport {
        let started = Date()
        let importID = try insertBatch(db, datasetID: datasetID, started: started)
        writer.importID = importID
        var report: SourceReport
        if source.format == .directory || isDirectory(source.path) {
            report = try DirectoryReader(path: source.path).read { result, name, report in
                try take(result, sourceName: name, report: &report, skipped: &skipped)
            }
        } else {
            report = try readStream(skipped: &skipped)
        }
        report.seconds = Date().timeIntervalSince(started)
        if report.added == 0 {
            try db.execute(sql: "DELETE FROM imports WHERE id = ?", arguments: [importID])
        } else {
            try db.execute(sql: """
                UPDATE imports SET format = ?, sha256 = ?, bytes = ?, records = ?, added = ?, duplicates = ?,
                    skipped = ?, seconds = ? WHERE id = ?
                """, arguments: [report.format.rawValue, report.sha256, report.bytes, report.records, report.added,
                                 report.duplicates, report.skipped, report.seconds, importID])
        }
        return report
    }

    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func insertBatch(_ db: Database, datasetID: Int64, started: Date) throws -> Int64 {
        let fields = request.fields
        var options: [UInt8] = Array("{\"text_field\":".utf8)
        JSONString.appendLiteral(fields.text, to: &options)
        options += Array(",\"id_field\":".utf8)
        JSONString.appendLiteral(fields.id, to: &options)
        if let label = fields.label {
            options += Array(",\"label_field\":".utf8)
            JSONString.appendLiteral(label, to: &options)
        }
        options += Array(",\"skip_invalid\":\(request.skipInvalid)}".utf8)
        let name = source.path == "-" ? "<stdin>" : URL(fileURLWithPath: source.path).standardizedFileURL.path
        try db.execute(sql: """
            INSERT INTO imports (dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                                 options, gloss_version, started_at, seconds)
            VALUES (?, ?, '', '', 0, 0, 0, 0, 0, ?, ?, ?, 0)
            """, arguments: [datasetID, name, String(decoding: options, as: UTF8.self), GlossVersion.current, started])
        return db.lastInsertedRowID
    }

    private func readStream(skipped: inout [SkippedRecord]) throws -> SourceReport {
        let pipeline = RecordPipeline.start(source: source, fields: request.fields)
        defer { pipeline.finish() }
        var report = SourceReport(source: source.path == "-" ? "<stdin>" : source.path, format: .jsonl, sha256: "", bytes: 0)
        while true {
            switch pipeline.next() {
            case .batch(let batch):
                for result in batch.results {
                    try take(result, sourceName: report.source, report: &report, skipped: &skipped)
                }
                progress?.importProgress(source: report.source, bytesRead: batch.bytesRead, totalBytes: batch.totalBytes, records: report.records)
            case .finished(let summary):
                report.format = summary.format
                report.sha256 = summary.sha256
                report.bytes = summary.bytes
                return report
            case .failed(let error):
                throw error
            }
        }
    }

    /// Stores a record or handles its refusal: fatal unless skipping and recoverable.
    func take(_ result: RecordResult, sourceName: String, report: inout SourceReport, skipped: inout [SkippedRecord]) throws {
        report.records += 1
        var failure: InvalidRecord
        switch result {
        case .success(let record):
            do {
                let outcome = try writer.insert(record)
                switch outcome {
                case .added: report.added += 1
                case .duplicate: report.duplicates += 1
                }
                if let task = record.foreign, let foreign {
                    try foreign.take(task, record: record, itemRowID: writer.lastItemRowID, added: outcome == .added, source: sourceName)
                }
                return
            } catch let error as InvalidRecord {
                failure = error
            }
        case .failure(let error):
            failure = error
        }
        guard request.skipInvalid, !failure.isFatal else {
            throw ImportFailure(source: sourceName, error: failure)
        }
        report.skipped += 1
        if skipped.count < ImportReport.skippedSampleLimit {
            skipped.append(SkippedRecord(source: sourceName, error: failure))
        }
    }
}
