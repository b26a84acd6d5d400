import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: AnnotationTransferBackend {
    func forEachHistoryRow(project: String, currentOnly: Bool, decision: (DecisionHistoryRow) throws -> Void,
                           adjudication: (AdjudicationHistoryRow) throws -> Void) throws {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let standing = currentOnly ? "AND a.superseded_by IS NULL AND a.undone_at IS NULL" : ""
            let decisions = try Row.fetchCursor(db, sql: """
                SELECT a.id, i.external_id, n.name, a.kind, a.value, a.decided_at, a.active_ms, a.guide_version,
                       a.suggestion, a.suggestion_accepted, a.comment, a.superseded_by, a.undone_at, a.session_id
                FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
                WHERE a.project_id = ? \(standing) ORDER BY a.id
                """, arguments: [projectID])
            while let row = try decisions.next() {
                try decision(DecisionHistoryRow(
                    id: row[0], item: row[1], annotator: row[2], kind: row[3], value: row[4], decidedAt: row[5],
                    activeMilliseconds: row[6], guideVersion: row[7], suggestion: row[8], suggestionAccepted: row[9],
                    comment: row[10], supersededBy: row[11], undoneAt: row[12], session: row[13]))
            }
            let adjudications = try Row.fetchCursor(db, sql: """
                SELECT j.id, i.external_id, n.name, j.value, j.comment, j.decided_at, j.superseded_by, j.undone_at
                FROM adjudications j JOIN items i ON i.id = j.item_id JOIN annotators n ON n.id = j.reviewer_id
                WHERE j.project_id = ? \(standing.replacingOccurrences(of: "a.", with: "j.")) ORDER BY j.id
                """, arguments: [projectID])
            while let row = try adjudications.next() {
                try adjudication(AdjudicationHistoryRow(
                    id: row[0], item: row[1], reviewer: row[2], value: row[3], comment: row[4], decidedAt: row[5],
                    supersededBy: row[6], undoneAt: row[7]))
            }
        }
    }

    func importAnnotations(
        project: String, sourceName: String, rules: ValueRulesLookup,
        lines: (_ apply: (AnnotationLine) throws -> Void) throws -> Void
    ) throws -> AnnotationImportReport {
        try write { db in
            var importer = try AnnotationImporter(db, project: project, rules: rules)
            do {
                try lines { line in try importer.apply(line) }
            } catch let invalid as InvalidRecord {
                importer.problem(line: invalid.line, invalid.message)
            } catch let failure as ImportFailure {
                throw AnnotationImportError(source: sourceName, problems: [
                    .init(line: failure.error.line, message: failure.error.message),
                ], total: 1)
            }
            if importer.badLines > 0 {
                throw AnnotationImportError(source: sourceName, problems: importer.problems, total: importer.badLines)
            }
            return importer.report
        }
    }
}
