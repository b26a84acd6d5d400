import Foundation
import GlossCore
internal import GRDB

/// Checks and applies the lines of one import inside its transaction; after the first bad
/// line it only checks, so the error lists every problem (up to a limit) at once.
struct AnnotationImporter {
    static let maxProblems = 20

    let db: Database
    let project: String
    let projectID: Int64
    let datasetID: Int64
    let task: TaskType
    let rules: any ValueRules
    let labels: Set<String>
    let guide: Guide
    let latestVersion: Int
    let now = Date()
    var annotatorIDs: [String: Int64] = [:]
    var items: Set<String> = []
    var report = AnnotationImportReport(lines: 0, decisions: 0, undone: 0, adjudications: 0, annotators: 0, items: 0)
    var problems: [AnnotationImportError.Problem] = []
    var badLines = 0

    init(_ db: Database, project: String, rules: ValueRulesLookup) throws {
        self.db = db
        self.project = project
        projectID = try SQLiteBackend.projectID(db, project)
        datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?",
                                       arguments: [projectID]) ?? 0
        let guide = try SQLiteBackend.currentGuide(db, projectID: projectID, project: project)
        task = guide.guide.task
        self.rules = rules(task)
        labels = Set(guide.guide.labels.map(\.name))
        self.guide = guide.guide
        latestVersion = guide.version
    }

    mutating func problem(line: Int, _ message: String) {
        badLines += 1
        if problems.count < Self.maxProblems { problems.append(.init(line: line, message: message)) }
    }

    mutating func apply(_ line: AnnotationLine) throws {
        report.lines += 1
        var record: AnnotationRecord
        let item: (id: Int64, text: String?)
        do throws(AnnotationLineError) {
            record = try line.record.get()
            item = try lookUp(record.item)
            if record.diffFromOriginal { record.value = try withDiff(record.value, item: record.item, itemID: item.id) }
            if let value = record.value {
                try check(value, itemText: item.text, what: "")
                try checkResponses(value, itemID: item.id)
            }
            if let suggestion = record.suggestion {
                try check(suggestion, itemText: item.text, what: "the suggestion: ")
            }
            if let version = record.guideVersion, version > latestVersion {
                throw AnnotationLineError(
                    "guide version \(version) does not exist; \"\(project)\" has versions 1 to \(latestVersion)")
            }
        } catch {
            return problem(line: line.number, error.message)
        }
        guard badLines == 0 else { return }
        try write(record, itemID: item.id)
    }

    /// The item's row id, and its text when the task needs offsets checked.
    func lookUp(_ externalID: String) throws(AnnotationLineError) -> (id: Int64, text: String?) {
        let row = try? Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, CASE WHEN ?3 THEN CAST(text AS BLOB) END FROM items WHERE external_id = ?1 AND dataset_id = ?2
            """), arguments: [externalID, datasetID, rules.checksText])
        guard let row else { throw AnnotationLineError("project \"\(project)\" has no item with id \"\(externalID)\"") }
        let text: DatabaseValue = row[1]
        return (row[0], text.isNull ? nil : SQLiteBackend.text(text))
    }

    /// See `AnnotationRules.check`.
    func check(_ value: AnnotationValue, itemText: String?, what: String) throws(AnnotationLineError) {
        try AnnotationRules.check(value, task: task, rules: rules, labels: labels, guide: guide, project: project, itemText: itemText,
                                  what: what)
    }

    /// A value of a kind that names the item's responses (a ranking) against its models.
    func checkResponses(_ value: AnnotationValue, itemID: Int64) throws(AnnotationLineError) {
        guard rules.checksResponses else { return }
        let models = itemParts(itemID)?.responses.map(\.model) ?? []
        if case .answers(let phrase)? = rules.problem(with: value, responses: models) { throw AnnotationLineError(phrase) }
    }

    /// A correction whose line left out its diff, with the diff from the item's response of
    /// the model it corrects (`TypedText.correcting`, as the labeler stores a correction).
    func withDiff(_ value: AnnotationValue?, item: String, itemID: Int64) throws(AnnotationLineError) -> AnnotationValue? {
        guard case .answers(var answers)? = value, let typed = answers.text, let model = typed.correction?.model else { return value }
        let parts = itemParts(itemID)
        guard let original = parts?.response(of: model)?.text else {
            let models = parts?.responses.map(\.model) ?? []
            throw AnnotationLineError("\"corrects\" names \"\(model)\", but item \"\(item)\" has no response of it to compute "
                + "the \"diff\" from" + (models.isEmpty ? "" : " (its models: \(models.joined(separator: ", ")))"))
        }
        answers.text = .correcting(original, model: model, into: typed.text)
        return .answers(answers)
    }

    /// The item's parts (prompt and responses), nil for an item without them.
    func itemParts(_ itemID: Int64) -> ItemParts? {
        let json = try? String.fetchOne(db.cachedStatement(sql: "SELECT parts FROM items WHERE id = ?"), arguments: [itemID])
        return json.flatMap(ItemParts.init(json:))
    }

    mutating func write(_ record: AnnotationRecord, itemID: Int64) throws {
        let decidedAt = record.decidedAt ?? now
        let isNew = annotatorIDs[record.annotator] == nil
        let annotatorID = try annotatorIDs[record.annotator]
            ?? SQLiteBackend.annotatorID(db, record.annotator, at: decidedAt)
        annotatorIDs[record.annotator] = annotatorID
        if isNew { report.annotators += 1 }
        if items.insert(record.item).inserted { report.items += 1 }
        switch record.record {
        case .adjudication:
            try writeAdjudication(record, itemID: itemID, reviewerID: annotatorID, at: decidedAt)
        case .decision:
            let scope = DecisionWriter.Scope(projectID: projectID, datasetID: datasetID, annotatorID: annotatorID,
                                             guideVersion: record.guideVersion ?? latestVersion, sessionID: nil)
            let value = record.value.map(rules.stored)
            let input = DecisionInput(itemRowID: itemID, kind: record.kind, value: value, comment: record.comment,
                                      shownAt: decidedAt, decidedAt: decidedAt,
                                      activeMilliseconds: record.durationMilliseconds ?? 0,
                                      suggestion: record.suggestion, suggestionAccepted: record.suggestionAccepted)
            // What the file did not measure stays unknown (NULL) instead of a made-up zero.
            _ = try DecisionWriter.insert(db, input, scope: scope,
                                          timing: .fromFile(activeMilliseconds: record.durationMilliseconds))
            report.decisions += 1
            if let undoneAt = record.undoneAt {
                _ = try DecisionWriter.undoLast(db, scope: scope, at: undoneAt)
                report.undone += 1
            }
        }
    }

    /// Appends an adjudication; it supersedes the item's current one unless it came undone.
    mutating func writeAdjudication(_ record: AnnotationRecord, itemID: Int64, reviewerID: Int64,
                                    at date: Date) throws {
        let text = rules.checksText ? try DecisionWriter.itemText(db, itemID) : nil
        let value = record.value.map(rules.stored)?.json(itemText: text)
        try db.execute(sql: """
            INSERT INTO adjudications (project_id, item_id, reviewer_id, value, value_check, comment, decided_at, undone_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [projectID, itemID, reviewerID, value, ValueCheck.of(value), record.comment, date,
                             record.undoneAt])
        let id = db.lastInsertedRowID
        if record.undoneAt == nil {
            try db.execute(sql: """
                UPDATE adjudications SET superseded_by = ?1 WHERE project_id = ?2 AND item_id = ?3 AND id <> ?1
                  AND superseded_by IS NULL AND undone_at IS NULL
                """, arguments: [id, projectID, itemID])
        }
        report.adjudications += 1
    }
}
