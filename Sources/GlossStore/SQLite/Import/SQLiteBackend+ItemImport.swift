import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: ImportBackend {
    func importItems(_ settings: ItemImportSettings, from sources: [any ItemRecordSource], at started: Date,
                     into report: inout ImportReport) throws {
        do {
            try write { db in
                // The unique indexes (content hash, external id) take random inserts: keep them
                // in memory (about 45 MB per million items) rather than re-read spilled pages.
                let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
                let (dataset, created) = try Self.findOrCreateDataset(db, name: settings.dataset, at: started)
                let items = try ItemWriter(db, datasetID: dataset, datasetName: settings.dataset)
                let foreign = settings.foreign
                    ? try ForeignAnnotationSink(db, project: settings.project, answers: settings.foreignAnswers,
                                                datasetID: dataset, datasetName: settings.dataset, at: started)
                    : nil
                for source in sources {
                    let run = SourceRun(source: source, settings: settings, writer: items, foreign: foreign)
                    report.sources.append(try run.importSource(db, datasetID: dataset, skipped: &report.skippedSamples))
                }
                if report.records == 0 {
                    let names = sources.map(\.name).joined(separator: ", ")
                    throw ImportFailure(source: names, error: InvalidRecord(
                        line: 0, message: "the input holds no records", isFatal: true))
                }
                if report.added == 0, created {
                    throw ImportFailure(source: settings.dataset, error: InvalidRecord(
                        line: 0, message: "no valid records; the dataset was not created", isFatal: true))
                }
                try foreign?.finish()
                report.foreign = foreign?.report
            }
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
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
    let source: any ItemRecordSource
    let settings: ItemImportSettings
    let writer: ItemWriter
    /// Takes the annotations and predictions of another tool's records.
    let foreign: ForeignAnnotationSink?

    func importSource(_ db: Database, datasetID: Int64, skipped: inout [SkippedRecord]) throws -> SourceReport {
        let started = Date()
        let importID = try insertBatch(db, datasetID: datasetID, started: started)
        writer.importID = importID
        var report = SourceReport(source: source.name, format: .jsonl, sha256: "", bytes: 0)
        while let batch = try source.nextBatch() {
            for result in batch.records {
                try take(result, sourceName: batch.origin, report: &report, skipped: &skipped)
            }
        }
        let digest = source.digest
        report.format = digest.format
        report.sha256 = digest.sha256
        report.bytes = digest.bytes
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

    private func insertBatch(_ db: Database, datasetID: Int64, started: Date) throws -> Int64 {
        var options = JSONObjectWriter()
        options.add("text_field", string: settings.fields.text)
        options.add("id_field", string: settings.fields.id)
        options.add("label_field", string: settings.fields.label)
        options.add("skip_invalid", bool: settings.skipInvalid)
        try db.execute(sql: """
            INSERT INTO imports (dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
                                 options, gloss_version, started_at, seconds)
            VALUES (?, ?, '', '', 0, 0, 0, 0, 0, ?, ?, ?, 0)
            """, arguments: [datasetID, source.loggedPath, options.finished(), GlossVersion.current, started])
        return db.lastInsertedRowID
    }

    /// Stores a record or handles its refusal: fatal unless skipping and recoverable.
    func take(_ result: RecordResult, sourceName: String, report: inout SourceReport,
              skipped: inout [SkippedRecord]) throws {
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
                    try foreign.take(task, record: record, itemRowID: writer.lastItemRowID, added: outcome == .added,
                                     source: sourceName)
                }
                return
            } catch let error as InvalidRecord {
                failure = error
            }
        case .failure(let error):
            failure = error
        }
        guard settings.skipInvalid, !failure.isFatal else {
            throw ImportFailure(source: sourceName, error: failure)
        }
        report.skipped += 1
        if skipped.count < ImportReport.skippedSampleLimit {
            skipped.append(SkippedRecord(source: sourceName, error: failure))
        }
    }
}
