import Foundation
import GlossCore
import GRDB

/// What `exportAnnotations` wrote.
public struct AnnotationExportSummary: Sendable, Equatable, Codable {
    public var decisions: Int
    public var adjudications: Int

    public init(decisions: Int, adjudications: Int) {
        self.decisions = decisions
        self.adjudications = adjudications
    }
}

extension GlossDatabase {
    /// Streams a project's decisions as JSONL lines, one per row in id order with its
    /// history (`superseded_by`, `undone_at`, `session`), then its adjudications marked
    /// `"record":"adjudication"`; with `currentOnly`, only the rows that stand. The lines
    /// re-import with `importAnnotations` (the order of the lines rebuilds the history).
    @discardableResult
    public func exportAnnotations(project: String, currentOnly: Bool = false,
                                  _ line: (String) throws -> Void) throws -> AnnotationExportSummary {
        try writer.read { db in
            let projectID = try Self.projectID(db, project)
            let standing = currentOnly ? "AND a.superseded_by IS NULL AND a.undone_at IS NULL" : ""
            var summary = AnnotationExportSummary(decisions: 0, adjudications: 0)
            let decisions = try Row.fetchCursor(db, sql: """
                SELECT a.id, i.external_id, n.name, a.kind, a.value, a.decided_at, a.active_ms, a.guide_version,
                       a.suggestion, a.suggestion_accepted, a.comment, a.superseded_by, a.undone_at, a.session_id
                FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
                WHERE a.project_id = ? \(standing) ORDER BY a.id
                """, arguments: [projectID])
            while let row = try decisions.next() {
                var out = JSONObjectWriter()
                out.add("record", string: "decision")
                out.add("id", raw: String(row[0] as Int64))
                out.add("item", string: row[1])
                out.add("annotator", string: row[2])
                out.add("kind", string: row[3])
                out.addMembers(of: row[4])
                out.add("decided_at", string: ISODate.string(row[5]))
                out.add("duration_ms", raw: (row[6] as Int64?).map(String.init))
                out.add("guide_version", raw: String(row[7] as Int))
                out.add("suggestion", raw: row[8] as String?)
                out.add("suggestion_accepted", bool: row[9] as Bool?)
                out.add("comment", string: row[10] as String?)
                out.add("superseded_by", raw: (row[11] as Int64?).map(String.init))
                out.add("undone_at", string: (row[12] as Date?).map(ISODate.string))
                out.add("session", raw: (row[13] as Int64?).map(String.init))
                try line(out.finished())
                summary.decisions += 1
            }
            let adjudications = try Row.fetchCursor(db, sql: """
                SELECT j.id, i.external_id, n.name, j.value, j.comment, j.decided_at, j.superseded_by, j.undone_at
                FROM adjudications j JOIN items i ON i.id = j.item_id JOIN annotators n ON n.id = j.reviewer_id
                WHERE j.project_id = ? \(standing.replacingOccurrences(of: "a.", with: "j.")) ORDER BY j.id
                """, arguments: [projectID])
            while let row = try adjudications.next() {
                var out = JSONObjectWriter()
                out.add("record", string: "adjudication")
                out.add("id", raw: String(row[0] as Int64))
                out.add("item", string: row[1])
                out.add("reviewer", string: row[2])
                out.addMembers(of: row[3])
                out.add("comment", string: row[4] as String?)
                out.add("decided_at", string: ISODate.string(row[5]))
                out.add("superseded_by", raw: (row[6] as Int64?).map(String.init))
                out.add("undone_at", string: (row[7] as Date?).map(ISODate.string))
                try line(out.finished())
                summary.adjudications += 1
            }
            return summary
        }
    }
}
