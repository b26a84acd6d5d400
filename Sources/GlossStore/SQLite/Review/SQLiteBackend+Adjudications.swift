import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend {
    /// Stores `value` as the final answer on an item, by `reviewer` (an annotator row, made
    /// when new), in one transaction. The item's current adjudication, whoever made it, is
    /// superseded (kept as history, never deleted).
    func adjudicate(project: String, itemRowID: Int64, reviewer: String, value: AnnotationValue,
                           comment: String?, at date: Date) throws -> Adjudication {
        try write { db in
            let projectID = try Self.projectID(db, project)
            guard let text = try Self.projectItemText(db, projectID: projectID, itemRowID: itemRowID) else {
                throw ReviewError.unknownItemRow(project: project, rowID: itemRowID)
            }
            let reviewerID = try Self.annotatorID(db, reviewer, at: date)
            let previous = try Self.currentAdjudicationID(db, projectID: projectID, itemRowID: itemRowID)
            let json = value.json(itemText: text)
            try db.execute(sql: """
                INSERT INTO adjudications (project_id, item_id, reviewer_id, value, value_check, comment, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, itemRowID, reviewerID, json, ValueCheck.of(json), comment, date])
            let id = db.lastInsertedRowID
            if let previous {
                try db.execute(sql: "UPDATE adjudications SET superseded_by = ? WHERE id = ?", arguments: [id, previous])
            }
            guard let stored = try Self.adjudications(db, where: "j.id = ?", [id]).first else {
                throw ReviewError.unknownItemRow(project: project, rowID: itemRowID)
            }
            return stored
        }
    }

    /// Marks `reviewer`'s newest current adjudication in the project undone (the row stays);
    /// the adjudication it superseded becomes current again. Nil when there is none to undo.
    func undoLastAdjudication(project: String, reviewer: String, at date: Date) throws -> AdjudicationUndo? {
        try write { db in
            let projectID = try Self.projectID(db, project)
            guard let reviewerID = try Int64.fetchOne(db, sql: "SELECT id FROM annotators WHERE name = ?", arguments: [reviewer]),
                  let last = try Self.adjudications(db, where: """
                      j.project_id = ? AND j.reviewer_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL
                      ORDER BY j.id DESC LIMIT 1
                      """, [projectID, reviewerID]).first
            else { return nil }
            try db.execute(sql: "UPDATE adjudications SET undone_at = ? WHERE id = ?", arguments: [date, last.id])
            let restored = try Self.adjudications(db, where: """
                j.project_id = ? AND j.item_id = ? AND j.superseded_by = ? AND j.undone_at IS NULL
                """, [projectID, last.itemRowID, last.id]).first
            if let restored {
                try db.execute(sql: "UPDATE adjudications SET superseded_by = NULL WHERE id = ?", arguments: [restored.id])
            }
            return AdjudicationUndo(undone: last, restored: restored)
        }
    }

    /// The item's current (not superseded, not undone) adjudication, if any.
    func currentAdjudication(project: String, itemRowID: Int64) throws -> Adjudication? {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try Self.adjudications(db, where: """
                j.project_id = ? AND j.item_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL
                """, [projectID, itemRowID]).first
        }
    }

    /// Every current adjudication of the project, oldest first.
    func adjudications(project: String) throws -> [Adjudication] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try Self.adjudications(db, where: """
                j.project_id = ? AND j.superseded_by IS NULL AND j.undone_at IS NULL ORDER BY j.id
                """, [projectID])
        }
    }

    /// Adjudications matching `condition` (a WHERE clause over `adjudications j`, which may
    /// end in ORDER BY / LIMIT). Rows whose value does not parse are left out.
    static func adjudications(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [Adjudication] {
        try Row.fetchAll(db, sql: """
            SELECT j.id, j.item_id, i.external_id, n.name, j.value, j.comment, j.decided_at
            FROM adjudications j JOIN items i ON i.id = j.item_id JOIN annotators n ON n.id = j.reviewer_id
            WHERE \(condition)
            """, arguments: arguments).compactMap { row in
            guard let value = AnnotationValue(json: row[4]) else { return nil }
            return Adjudication(id: row[0], itemRowID: row[1], externalID: row[2], reviewer: row[3], value: value,
                                comment: row[5], decidedAt: row[6])
        }
    }

    static func currentAdjudicationID(_ db: Database, projectID: Int64, itemRowID: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM adjudications WHERE project_id = ? AND item_id = ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [projectID, itemRowID])
    }

    /// The text of an item of the project's dataset (as bytes, so a NUL does not cut it),
    /// or nil when the item is not in it.
    static func projectItemText(_ db: Database, projectID: Int64, itemRowID: Int64) throws -> String? {
        try Row.fetchOne(db, sql: """
            SELECT CAST(i.text AS BLOB) FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
            WHERE p.id = ? AND i.id = ?
            """, arguments: [projectID, itemRowID]).map { Self.text($0[0]) }
    }
}
