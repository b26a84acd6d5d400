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
            let projectID = try SQLiteBackend.projectID(db, project)
            guard let item = try Row.fetchOne(db, sql: """
                SELECT i.id, i.dataset_id FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
                WHERE p.id = ? AND i.external_id = ?
                """, arguments: [projectID, itemID])
            else { throw ProjectError.unknownItem(project: project, id: itemID) }
            let scope = DecisionWriter.Scope(
                projectID: projectID, datasetID: item[1], annotatorID: try SQLiteBackend.annotatorID(db, annotator, at: decidedAt),
                guideVersion: try SQLiteBackend.latestVersion(db, projectID: projectID, project: project).version, sessionID: nil)
            let input = DecisionInput(itemRowID: item[0], kind: kind, value: value, comment: comment,
                                      shownAt: decidedAt, decidedAt: decidedAt)
            return try DecisionWriter.insert(db, input, scope: scope).annotationID
        }
    }
}
