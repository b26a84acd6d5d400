import Foundation
import GlossCore
internal import GRDB

/// What `importAnnotations` stored.
public struct AnnotationImportReport: Sendable, Equatable, Codable {
    /// Non-blank lines read.
    public var lines: Int
    /// Decision rows written (each through the decision writer), and how many of them came undone.
    public var decisions: Int
    public var undone: Int
    public var adjudications: Int
    /// Distinct annotators (and reviewers) and items the lines name.
    public var annotators: Int
    public var items: Int

    public init(lines: Int, decisions: Int, undone: Int, adjudications: Int, annotators: Int, items: Int) {
        self.lines = lines
        self.decisions = decisions
        self.undone = undone
        self.adjudications = adjudications
        self.annotators = annotators
        self.items = items
    }
}

/// An annotations file with bad lines: each problem names file:line; nothing was written.
public struct AnnotationImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public var source: String
    /// The first problems found (at most `AnnotationTransfer.maxProblems`).
    public var problems: [Problem]
    /// All bad lines, listed or not.
    public var total: Int

    public var description: String {
        var lines = problems.map { "\(source):\($0.line): \($0.message)." }
        if total > problems.count { lines.append("… and \(total - problems.count) more bad line\(total - problems.count == 1 ? "" : "s").") }
        lines.append("Nothing was imported; fix the line\(total == 1 ? "" : "s") and run the import again.")
        return TerminalText.visible(lines.joined(separator: "\n"))
    }
}

extension GlossDatabase {
    /// Imports decisions (and adjudications) from JSONL (`path`, or "-" for standard input)
    /// into a project, in one transaction: every line is checked (JSON, item in the project's
    /// dataset, labels of the current guide, span offsets, guide version) and any bad line
    /// leaves the store unchanged. Lines are applied in file order through the decision
    /// writer, so a later decision of an annotator on an item supersedes the earlier one,
    /// and a line with `undone_at` is undone as the labeler would.
    public func importAnnotations(project: String, from path: String) throws -> AnnotationImportReport {
        let source = try ByteSource(path: path)
        return try sqlite.write { db in
            var importer = try AnnotationImporter(db, project: project)
            var splitter = LineSplitter()
            let handle: (UnsafeBufferPointer<UInt8>, Int) throws -> Void = { bytes, line in
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                try importer.apply(String(decoding: bytes, as: UTF8.self), line: line)
            }
            do {
                _ = try source.forEachChunk { chunk in try splitter.feed(chunk, handle) }
                try splitter.finish(handle)
            } catch let invalid as InvalidRecord {
                importer.problem(line: invalid.line, invalid.message)
            } catch let failure as ImportFailure {
                throw AnnotationImportError(source: source.displayName, problems: [.init(line: failure.error.line, message: failure.error.message)], total: 1)
            }
            if importer.badLines > 0 {
                throw AnnotationImportError(source: source.displayName, problems: importer.problems, total: importer.badLines)
            }
            return importer.report
        }
    }
}

/// Checks and applies the lines of one import inside its transaction; after the first bad
/// line it only checks, so the error lists every problem (up to a limit) at once.
struct AnnotationImporter {
    static let maxProblems = 20

    let db: Database
    let project: String
    let projectID: Int64
    let datasetID: Int64
    let task: TaskType
    let labels: Set<String>
    let latestVersion: Int
    let now = Date()
    var annotatorIDs: [String: Int64] = [:]
    var items: Set<String> = []
    var report = AnnotationImportReport(lines: 0, decisions: 0, undone: 0, adjudications: 0, annotators: 0, items: 0)
    var problems: [AnnotationImportError.Problem] = []
    var badLines = 0

    init(_ db: Database, project: String) throws {
        self.db = db
        self.project = project
        projectID = try GlossDatabase.projectID(db, project)
        datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?", arguments: [projectID]) ?? 0
        let guide = try GlossDatabase.currentGuide(db, projectID: projectID, project: project)
        task = guide.guide.task
        labels = Set(guide.guide.labels.map(\.name))
        latestVersion = guide.version
    }

    mutating func problem(line: Int, _ message: String) {
        badLines += 1
        if problems.count < Self.maxProblems { problems.append(.init(line: line, message: message)) }
    }

    mutating func apply(_ text: String, line: Int) throws {
        report.lines += 1
        let record: AnnotationRecord
        let item: (id: Int64, text: String?)
        do throws(AnnotationLineError) {
            record = try AnnotationRecord.parse(text)
            item = try lookUp(record.item)
            if let value = record.value { try check(value, itemText: item.text, what: "") }
            if let suggestion = record.suggestion { try check(suggestion, itemText: item.text, what: "the suggestion: ") }
            if let version = record.guideVersion, version > latestVersion {
                throw AnnotationLineError("guide version \(version) does not exist; \"\(project)\" has versions 1 to \(latestVersion)")
            }
        } catch {
            return problem(line: line, error.message)
        }
        guard badLines == 0 else { return }
        try write(record, itemID: item.id)
    }

    /// The item's row id, and its text when the task needs offsets checked.
    func lookUp(_ externalID: String) throws(AnnotationLineError) -> (id: Int64, text: String?) {
        let row = try? Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, CASE WHEN ?3 THEN CAST(text AS BLOB) END FROM items WHERE external_id = ?1 AND dataset_id = ?2
            """), arguments: [externalID, datasetID, task == .spans])
        guard let row else { throw AnnotationLineError("project \"\(project)\" has no item with id \"\(externalID)\"") }
        let text: DatabaseValue = row[1]
        return (row[0], text.isNull ? nil : GlossDatabase.text(text))
    }

    /// The value fits the task, uses the guide's labels and (spans) lies inside the text without overlaps.
    func check(_ value: AnnotationValue, itemText: String?, what: String) throws(AnnotationLineError) {
        let expected = switch task { case .classify: "label"; case .multilabel: "labels"; case .spans: "spans" }
        switch (task, value) {
        case (.classify, .label), (.multilabel, .labels), (.spans, .spans): break
        default: throw AnnotationLineError("\(what)project \"\(project)\" is a \(task.rawValue) task; give \"\(expected)\"")
        }
        if let unknown = value.labelNames.first(where: { !labels.contains($0) }) {
            throw AnnotationLineError("\(what)\"\(unknown)\" is not a label of the current guide of \"\(project)\"; the labels are: \(labels.sorted().joined(separator: ", "))")
        }
        guard case .spans(let spans) = value else { return }
        let length = itemText?.unicodeScalars.count ?? 0
        var previousEnd = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            guard span.start >= 0, span.start < span.end, span.end <= length else {
                throw AnnotationLineError("\(what)span \(span.start)-\(span.end) (\(span.label)) does not fit the item's text of \(length) characters (offsets count Unicode scalars; start < end)")
            }
            guard span.start >= previousEnd else { throw AnnotationLineError("\(what)spans overlap at offset \(span.start)") }
            previousEnd = span.end
        }
    }

    mutating func write(_ record: AnnotationRecord, itemID: Int64) throws {
        let decidedAt = record.decidedAt ?? now
        let isNew = annotatorIDs[record.annotator] == nil
        let annotatorID = try annotatorIDs[record.annotator] ?? GlossDatabase.annotatorID(db, record.annotator, at: decidedAt)
        annotatorIDs[record.annotator] = annotatorID
        if isNew { report.annotators += 1 }
        if items.insert(record.item).inserted { report.items += 1 }
        switch record.record {
        case .adjudication:
            try writeAdjudication(record, itemID: itemID, reviewerID: annotatorID, at: decidedAt)
        case .decision:
            let scope = DecisionWriter.Scope(projectID: projectID, datasetID: datasetID, annotatorID: annotatorID,
                                             guideVersion: record.guideVersion ?? latestVersion, sessionID: nil)
            let value = record.value.map(Self.sorted)
            let input = DecisionInput(itemRowID: itemID, kind: record.kind, value: value, comment: record.comment,
                                      shownAt: decidedAt, decidedAt: decidedAt, activeMilliseconds: record.durationMilliseconds ?? 0,
                                      suggestion: record.suggestion, suggestionAccepted: record.suggestionAccepted)
            let outcome = try DecisionWriter.insert(db, input, scope: scope)
            // What the file did not measure stays unknown (NULL) instead of a made-up zero.
            try db.cachedStatement(sql: "UPDATE annotations SET active_ms = ?, keystrokes = NULL, shown_at = NULL WHERE id = ?")
                .execute(arguments: [record.durationMilliseconds, outcome.annotationID])
            report.decisions += 1
            if let undoneAt = record.undoneAt {
                _ = try DecisionWriter.undoLast(db, scope: scope, at: undoneAt)
                report.undone += 1
            }
        }
    }

    /// Appends an adjudication; it supersedes the item's current one unless it came undone.
    mutating func writeAdjudication(_ record: AnnotationRecord, itemID: Int64, reviewerID: Int64, at date: Date) throws {
        let text = task == .spans ? try DecisionWriter.itemText(db, itemID) : nil
        try db.execute(sql: """
            INSERT INTO adjudications (project_id, item_id, reviewer_id, value, comment, decided_at, undone_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [projectID, itemID, reviewerID, record.value.map(Self.sorted)?.json(itemText: text), record.comment, date, record.undoneAt])
        let id = db.lastInsertedRowID
        if record.undoneAt == nil {
            try db.execute(sql: """
                UPDATE adjudications SET superseded_by = ?1 WHERE project_id = ?2 AND item_id = ?3 AND id <> ?1
                  AND superseded_by IS NULL AND undone_at IS NULL
                """, arguments: [id, projectID, itemID])
        }
        report.adjudications += 1
    }

    /// Spans in text order, as the labeler stores them.
    static func sorted(_ value: AnnotationValue) -> AnnotationValue {
        guard case .spans(let spans) = value else { return value }
        return .spans(spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) })
    }
}
