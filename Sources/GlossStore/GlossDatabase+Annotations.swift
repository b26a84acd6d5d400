import Foundation
import GlossCore
import GRDB

extension GlossDatabase {
    /// Stores one decision under the project's current guide version; returns its row id.
    @discardableResult
    public func recordAnnotation(
        project: String, itemID: String, annotator: String, kind: AnnotationKind = .label,
        value: AnnotationValue?, decidedAt: Date = Date()
    ) throws -> Int64 {
        try writer.write { db in
            let projectID = try Self.projectID(db, project)
            guard let item = try Int64.fetchOne(db, sql: """
                SELECT i.id FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
                WHERE p.id = ? AND i.external_id = ?
                """, arguments: [projectID, itemID])
            else { throw ProjectError.unknownItem(project: project, id: itemID) }
            let annotatorID = try Self.annotatorID(db, annotator, at: decidedAt)
            let version = try Self.latestVersion(db, projectID: projectID, project: project).version
            try db.execute(sql: """
                INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, guide_version, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, item, annotatorID, kind.rawValue, value?.json(), version, decidedAt])
            let annotationID = db.lastInsertedRowID
            for label in Set(value?.labelNames ?? []) {
                try db.execute(sql: "INSERT INTO annotation_labels (annotation_id, label) VALUES (?, ?)", arguments: [annotationID, label])
            }
            return annotationID
        }
    }

    static func annotatorID(_ db: Database, _ name: String, at date: Date) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM annotators WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO annotators (name, created_at) VALUES (?, ?)", arguments: [name, date])
        return db.lastInsertedRowID
    }
}
