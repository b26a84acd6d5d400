import Foundation
import GlossCore
internal import GRDB

/// Stores the annotations and predictions of another tool's export inside the item
/// import's transaction, item by item as the records stream past: answers become decisions
/// through the annotations import (`AnnotationImporter`, hence the decision writer),
/// predictions become suggestions. After the first problem it only checks, so the error
/// lists every problem (up to a limit) and the import leaves the store unchanged.
///
/// Without a project it only counts what the file holds.
final class ForeignAnnotationSink {
    private var counts: ForeignImportReport
    /// What the import found and did so far.
    var report: ForeignImportReport {
        var report = counts
        report.annotators = annotators.sorted()
        return report
    }
    private var importer: AnnotationImporter?
    /// How the answers become values of the project's task kind.
    private var rule: (any ForeignAnswerRule)?
    private var problems: [ForeignImportError.Problem] = []
    private var problemCount = 0
    private var annotators: Set<String> = []
    private let db: Database
    private let now: Date

    init(_ db: Database, project: ImportProject?, answers: ((TaskType) -> any ForeignAnswerRule)?, datasetID: Int64,
         datasetName: String, at date: Date) throws {
        self.db = db
        now = date
        counts = ForeignImportReport(project: project?.name)
        guard let project else { return }
        if let row = try Row.fetchOne(db, sql: """
            SELECT p.dataset_id, d.name FROM projects p JOIN datasets d ON d.id = p.dataset_id WHERE p.name = ?
            """, arguments: [project.name]) {
            let projectDataset: Int64 = row[0]
            guard projectDataset == datasetID else {
                let name: String = row[1]
                throw ImportProjectError(message: "Project \"\(project.name)\" labels dataset \"\(name)\", not \"\(datasetName)\"; import with --dataset \(name), or name another project.")
            }
        } else if let guide = project.guide {
            try SQLiteBackend.insertProject(db, name: project.name, datasetID: datasetID, guide: guide, author: project.author, at: date)
            counts.projectCreated = true
        } else {
            let known = try String.fetchAll(db, sql: "SELECT name FROM projects ORDER BY name")
            throw ImportProjectError(message: "There is no project \"\(project.name)\"; pass --guide GUIDE.md to create it on dataset \"\(datasetName)\""
                + (known.isEmpty ? "." : ", or name an existing one: \(known.joined(separator: ", "))."))
        }
        let importer = try AnnotationImporter(db, project: project.name, rules: project.rules)
        guard let answers else { preconditionFailure("another tool's answers go to a project only with their rules") }
        rule = answers(importer.task)
        self.importer = importer
    }

    /// Checks and stores what one record carried; `added` says whether the item is new
    /// (else it was already in the dataset, perhaps with its text written differently).
    func take(_ task: ForeignTask, record: ImportRecord, itemRowID: Int64, added: Bool, source: String) throws {
        counts.annotations += task.annotations.count
        counts.rejected += task.rejected
        counts.predictions += task.predictions.count
        for annotation in task.annotations { annotators.insert(annotation.annotator) }
        guard let rule, !(task.annotations.isEmpty && task.predictions.isEmpty) else { return }
        func problem(_ message: String) {
            problemCount += 1
            if problems.count < ForeignImportError.maxListed {
                problems.append(.init(source: source, line: record.line, location: task.location, message: message))
            }
        }
        var itemText: String?
        if rule.placesOffsets {
            itemText = added ? record.text : try DecisionWriter.itemText(db, itemRowID)
            if itemText != record.text {
                return problem("the text is already in the dataset written differently (white space or Unicode form), so the span offsets cannot be placed on it")
            }
        }
        for annotation in task.annotations {
            let current = try currentDecision(annotator: annotation.annotator, itemID: itemRowID)
            var value: AnnotationValue?
            do throws(AnnotationLineError) {
                if let answer = annotation.value {
                    value = try rule.value(of: answer, current: current?.kind == .label ? current?.value : nil)
                }
                if let value {
                    try importer?.check(value, itemText: itemText, what: "")
                    try importer?.checkResponses(value, itemID: itemRowID)
                }
            } catch {
                problem("\(annotation.annotator): \(error.message)")
                continue
            }
            guard problemCount == 0 else { continue }
            if let current, current.kind == annotation.kind, Self.same(current.value, value) {
                counts.unchanged += 1
                continue
            }
            let decision = AnnotationRecord(item: record.effectiveID, annotator: annotation.annotator, kind: annotation.kind,
                                            value: value, decidedAt: annotation.decidedAt, durationMilliseconds: annotation.durationMilliseconds)
            try importer?.write(decision, itemID: itemRowID)
            counts.decisions += 1
            if annotation.kind == .skip { counts.skips += 1 }
        }
        for prediction in task.predictions {
            let value: AnnotationValue
            do throws(AnnotationLineError) {
                value = try rule.value(of: prediction.value, current: nil)
                try importer?.check(value, itemText: itemText, what: "")
                try importer?.checkResponses(value, itemID: itemRowID)
            } catch {
                problem("prediction \(prediction.source): \(error.message)")
                continue
            }
            guard problemCount == 0, let projectID = importer?.projectID else { continue }
            let suggestion = StoredSuggestion(source: prediction.source, value: importer?.rules.stored(value) ?? value, score: prediction.score,
                                              createdAt: prediction.createdAt ?? now)
            if try SQLiteBackend.saveSuggestion(db, projectID: projectID, itemID: itemRowID, suggestion, itemText: itemText) {
                counts.suggestionsSaved += 1
            } else {
                counts.suggestionsUnchanged += 1
            }
        }
    }

    /// Throws the problems found, if any (the caller's transaction then rolls back).
    func finish() throws {
        if problemCount > 0 { throw ForeignImportError(problems: problems, total: problemCount) }
    }

    private func currentDecision(annotator: String, itemID: Int64) throws -> (kind: AnnotationKind, value: AnnotationValue?)? {
        guard let projectID = importer?.projectID else { return nil }
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.kind, a.value FROM annotators n
            JOIN annotations a INDEXED BY annotations_by_annotator_item ON a.annotator_id = n.id
            WHERE n.name = ? AND a.project_id = ? AND a.item_id = ? AND a.superseded_by IS NULL AND a.undone_at IS NULL
            ORDER BY a.id DESC LIMIT 1
            """), arguments: [annotator, projectID, itemID])
        guard let row else { return nil }
        return (AnnotationKind(rawValue: row[0]) ?? .label, (row[1] as String?).flatMap { AnnotationValue(json: $0) })
    }

    /// Values equal as decisions (see `AnnotationValue.saysTheSame`); no value equals none.
    static func same(_ a: AnnotationValue?, _ b: AnnotationValue?) -> Bool {
        switch (a, b) {
        case (let x?, let y?): x.saysTheSame(as: y)
        case (nil, nil): true
        default: false
        }
    }
}
