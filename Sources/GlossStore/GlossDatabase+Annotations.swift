import Foundation
import GlossCore
internal import GRDB

extension GlossDatabase {
    /// Stores one decision under the project's current guide version, outside any labeling
    /// session (it replaces the annotator's current decision on the item); returns its row id.
    @discardableResult
    public func recordAnnotation(
        project: String, itemID: String, annotator: String, kind: AnnotationKind = .label,
        value: AnnotationValue?, comment: String? = nil, decidedAt: Date = Date()
    ) throws -> Int64 {
        try sqlite.write { db in
            let projectID = try Self.projectID(db, project)
            guard let item = try Row.fetchOne(db, sql: """
                SELECT i.id, i.dataset_id FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
                WHERE p.id = ? AND i.external_id = ?
                """, arguments: [projectID, itemID])
            else { throw ProjectError.unknownItem(project: project, id: itemID) }
            let scope = DecisionWriter.Scope(
                projectID: projectID, datasetID: item[1], annotatorID: try Self.annotatorID(db, annotator, at: decidedAt),
                guideVersion: try Self.latestVersion(db, projectID: projectID, project: project).version, sessionID: nil)
            let input = DecisionInput(itemRowID: item[0], kind: kind, value: value, comment: comment,
                                      shownAt: decidedAt, decidedAt: decidedAt)
            return try DecisionWriter.insert(db, input, scope: scope).annotationID
        }
    }

    /// The sessions of a project, newest first.
    public func sessions(project: String) throws -> [SessionRecord] {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT s.*, n.name AS annotator FROM sessions s JOIN annotators n ON n.id = s.annotator_id
                WHERE s.project_id = ? ORDER BY s.id DESC
                """, arguments: [projectID]).map { row in
                SessionRecord(
                    id: row["id"], project: project, annotator: row["annotator"], startedAt: row["started_at"],
                    endedAt: row["ended_at"], endReason: row["end_reason"], host: row["host"],
                    terminalWidth: row["terminal_width"], terminalHeight: row["terminal_height"],
                    labels: row["labels"], skips: row["skips"], flags: row["flags"], changes: row["changes"],
                    undos: row["undos"], keystrokes: row["keystrokes"], keyP50Milliseconds: row["key_p50_ms"],
                    keyP99Milliseconds: row["key_p99_ms"], keyMaxMilliseconds: row["key_max_ms"],
                    firstDrawMilliseconds: row["first_draw_ms"], peakRSSKilobytes: row["peak_rss_kb"])
            }
        }
    }

    static func annotatorID(_ db: Database, _ name: String, at date: Date) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM annotators WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO annotators (name, created_at) VALUES (?, ?)", arguments: [name, date])
        return db.lastInsertedRowID
    }
}
