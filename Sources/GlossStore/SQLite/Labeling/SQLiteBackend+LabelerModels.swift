import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: LabelerModelBackend {
    func savedLabelerModel(_ scope: LabelingScope, guideVersion: Int, labels: [String]) throws -> SavedLabelerModel? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT state, through_annotation FROM labeler_models
                WHERE project_id = ? AND guide_version = ? AND labels = ?
                """, arguments: [scope.projectID, guideVersion, Self.labelsKey(labels)])
            else { return nil }
            let state: Data = row[0]
            return SavedLabelerModel(state: Array(state), throughAnnotation: row[1])
        }
    }

    func saveLabelerModel(_ scope: LabelingScope, _ model: SavedLabelerModel, guideVersion: Int, labels: [String],
                          at date: Date) throws {
        try writeRetrying { db in
            try db.execute(sql: """
                INSERT INTO labeler_models (project_id, guide_version, labels, state, through_annotation, saved_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET guide_version = excluded.guide_version, labels = excluded.labels,
                    state = excluded.state, through_annotation = excluded.through_annotation, saved_at = excluded.saved_at
                """, arguments: [scope.projectID, guideVersion, Self.labelsKey(labels), Data(model.state),
                                 model.throughAnnotation, date])
        }
    }

    func labelerExamples(_ scope: LabelingScope, after: Int64?) throws -> [LabelerExample] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.id, CAST(i.text AS BLOB), a.value, a.session_id IS ? FROM annotations a
                JOIN items i ON i.id = a.item_id
                WHERE a.project_id = ? AND a.id > ? AND a.kind = 'label' AND a.superseded_by IS NULL
                  AND a.undone_at IS NULL
                ORDER BY a.id
                """, arguments: [scope.sessionID, scope.projectID, after ?? 0])
            var examples: [LabelerExample] = []
            while let row = try rows.next() {
                guard let value = (row[2] as String?).flatMap({ AnnotationValue(json: $0) }) else { continue }
                examples.append(LabelerExample(annotationID: row[0], text: Self.text(row[1]), value: value, own: row[3]))
            }
            return examples
        }
    }

    /// The labels as one key, in guide order (a renamed, added or removed label changes it).
    private static func labelsKey(_ labels: [String]) -> String {
        labels.joined(separator: "\u{1F}")
    }
}
