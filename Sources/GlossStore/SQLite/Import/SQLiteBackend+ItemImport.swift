import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: ImportBackend {
    /// Items alone are written in chunks (see `PendingImport`); another tool's export, whose
    /// answers must appear with their items, in one transaction.
    func importItems(_ settings: ItemImportSettings, from sources: [any ItemRecordSource], at started: Date,
                     into report: inout ImportReport) throws {
        do {
            try writeWithoutTransaction { db in
                // The pages an import writes again soon: the external id index's (in the ids'
                // order), the content keys' of a chunk (neighbours, see ContentKeys).
                let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
                if settings.foreign {
                    try db.inTransaction(.immediate) {
                        _ = try PendingImport.claim(db, path: path, at: started)
                        // Within this one transaction the import reads its own items (the
                        // answers' offsets need their texts); others see them at its commit.
                        try PendingImport.showEverything(db)
                        try importAll(db, settings, sources, at: started, into: &report, chunks: nil)
                        try PendingImport.publish(db)
                        return .commit
                    }
                    return
                }
                var marks: PendingImport?
                try db.inTransaction(.immediate) {
                    marks = try PendingImport.claim(db, path: path, at: started)
                    return .commit
                }
                let checkpoints = ImportCheckpoints(path: path, isWAL: isWAL)
                checkpoints?.start(writer: db)
                defer { checkpoints?.stop(writer: db) }
                do {
                    let chunks = ImportChunks(db)
                    chunks.afterCommit.append { checkpoints?.catchUp(writer: db) }
                    try importAll(db, settings, sources, at: started, into: &report, chunks: chunks)
                    try chunks.beginIfNeeded()
                    try PendingImport.publish(db)
                    try db.execute(sql: "COMMIT")

                } catch {
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    try? marks?.discard(db)
                    throw error
                }
            }
        } catch let error as DatabaseError {
            throw StoreInspector.translate(error, path: path)
        }
    }

    /// Every source's records, inside the open transaction (committed every chunk of rows
    /// when `chunks` is given).
    private func importAll(_ db: Database, _ settings: ItemImportSettings, _ sources: [any ItemRecordSource],
                           at started: Date, into report: inout ImportReport, chunks: ImportChunks?) throws {
        try chunks?.beginIfNeeded()
        let (dataset, created) = try Self.findOrCreateDataset(db, name: settings.dataset, at: started)
        let items = try ItemWriter(db, datasetID: dataset, datasetName: settings.dataset, newDataset: created,
                                   keyRunLength: settings.contentKeyRunLength, inChunks: chunks != nil)
        chunks?.afterCommit.append { try items.betweenChunks() }
        let foreign = settings.foreign
            ? try ForeignAnnotationSink(db, project: settings.project, answers: settings.foreignAnswers,
                                        datasetID: dataset, datasetName: settings.dataset, at: started)
            : nil
        for source in sources {
            let run = SourceRun(source: source, settings: settings, writer: items, foreign: foreign, chunks: chunks)
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
        try items.finishKeys(chunk: ImportChunks.rows) {
            try chunks?.recordsTaken(ImportChunks.rows)
            try chunks?.beginIfNeeded()
        }
        try foreign?.finish()
        report.foreign = foreign?.report
    }

    /// Page cache for imports, in KiB.
    static let importCacheKiB = 16 * 1024

    /// The dataset's id, and whether this import created it.
    static func findOrCreateDataset(_ db: Database, name: String, at date: Date) throws -> (id: Int64, created: Bool) {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM dataset_rows WHERE name = ?", arguments: [name]) {
            return (id, false)
        }
        try db.execute(sql: "INSERT INTO dataset_rows (name, created_at) VALUES (?, ?)", arguments: [name, date])
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
    /// Commits every chunk of rows (nil: one transaction).
    let chunks: ImportChunks?

    func importSource(_ db: Database, datasetID: Int64, skipped: inout [SkippedRecord]) throws -> SourceReport {
        let started = Date()
        try chunks?.beginIfNeeded()
        let importID = try insertBatch(db, datasetID: datasetID, started: started)
        writer.importID = importID
        var report = SourceReport(source: source.name, format: .jsonl, sha256: "", bytes: 0)
        while let batch = try source.nextBatch() {
            try chunks?.beginIfNeeded()
            for result in batch.records {
                try take(result, sourceName: batch.origin, report: &report, skipped: &skipped)
            }
            try chunks?.recordsTaken(batch.records.count)
        }
        try chunks?.beginIfNeeded()
        let digest = source.digest
        report.format = digest.format
        report.sha256 = digest.sha256
        report.bytes = digest.bytes
        report.seconds = Date().timeIntervalSince(started)
        if report.added == 0 {
            try db.execute(sql: "DELETE FROM import_rows WHERE id = ?", arguments: [importID])
        } else {
            try db.execute(sql: """
                UPDATE import_rows SET format = ?, sha256 = ?, bytes = ?, records = ?, added = ?, duplicates = ?,
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
            INSERT INTO import_rows (dataset_id, source, format, sha256, bytes, records, added, duplicates, skipped,
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

/// The chunks of a pending import: after every `rows` records the open transaction commits
/// (its rows stay invisible, see `PendingImport`), and the next begins only when the next
/// record is written, after a short pause: reading and parsing run outside any transaction,
/// and another process's save, polling for the lock, gets it between two chunks.
final class ImportChunks {
    /// Records per chunk: a few tens of milliseconds of writing.
    static let rows = 5_000
    /// The pause before the next chunk's transaction, longer than a waiting writer's poll.
    static let pause: useconds_t = 2_000
    private let db: Database
    /// Work for the pause between two chunks, when no transaction is open.
    var afterCommit: [() throws -> Void] = []
    private var sinceCommit = 0
    private var open = false

    init(_ db: Database) { self.db = db }

    /// Begins the chunk's transaction unless it is open.
    func beginIfNeeded() throws {
        guard !open else { return }
        usleep(Self.pause)
        try db.execute(sql: "BEGIN IMMEDIATE")
        open = true
    }

    func recordsTaken(_ count: Int) throws {
        sinceCommit += count
        guard open, sinceCommit >= Self.rows else { return }
        sinceCommit = 0
        try PendingImport.beat(db, at: Date())
        try db.execute(sql: "COMMIT")
        open = false
        for work in afterCommit { try work() }
    }
}
