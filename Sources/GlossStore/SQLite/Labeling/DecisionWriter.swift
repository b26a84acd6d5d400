import Foundation
import GlossCore
internal import GRDB

/// The one place decisions are written: it supersedes the annotator's current decision on
/// the item (never deleting it), keeps `annotator_progress` (queue frontier, decided count)
/// exact, and lists every label the decision uses.
enum DecisionWriter {
    typealias Scope = LabelingScope

    /// What a decision's timing columns hold: the labeler's measures, or only the active time
    /// a file gave (nil when it gave none), its display time and keystrokes unknown (NULL).
    enum Timing {
        case measured
        case fromFile(activeMilliseconds: Int?)
    }

    /// Inserts `input` and returns what it did. Runs inside the caller's transaction. The row
    /// is written whole at once (never fixed up after): each write to `annotations` runs the
    /// statistics triggers.
    static func insert(_ db: Database, _ input: DecisionInput, scope: Scope,
                       timing: Timing = .measured) throws -> SaveOutcome {
        let previous = try currentDecisionID(db, scope: scope, itemID: input.itemRowID)
        let text = try input.value.flatMap { value -> String? in
            guard case .spans = value else { return nil }
            return try itemText(db, input.itemRowID)
        }
        let value = input.value?.json(itemText: text)
        try db.cachedStatement(sql: """
            INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, value_check, guide_version,
                shown_at, decided_at, active_ms, keystrokes, suggestion, suggestion_accepted, note, session_id, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                scope.projectID, input.itemRowID, scope.annotatorID, input.kind.rawValue,
                value, ValueCheck.of(value), scope.guideVersion, timing.measured ? input.shownAt : nil,
                input.decidedAt, timing.activeMilliseconds(input), timing.measured ? input.keystrokes : nil,
                input.suggestion?.json(itemText: text),
                input.suggestionAccepted, input.note, scope.sessionID, input.comment,
            ])
        let annotationID = db.lastInsertedRowID
        for label in Set(input.value?.labelNames ?? []).sorted() {
            try db.cachedStatement(sql: "INSERT INTO annotation_labels (annotation_id, label) VALUES (?, ?)")
                .execute(arguments: [annotationID, label])
        }
        if let previous {
            try db.cachedStatement(sql: "UPDATE annotations SET superseded_by = ? WHERE id = ?")
                .execute(arguments: [annotationID, previous])
        }
        var progress = try self.progress(db, scope: scope)
        if previous == nil { progress.decided += 1 }
        let head = try queueHead(db, scope: scope, from: progress.frontier)
        progress.frontier = try head ?? ((Int64.fetchOne(db, sql: "SELECT MAX(id) FROM items") ?? 0) + 1)
        try saveProgress(db, scope: scope, progress)
        return SaveOutcome(annotationID: annotationID, replaced: previous != nil, decided: progress.decided, next: nil, nextHistoryID: nil)
    }

    /// Marks the annotator's newest current decision undone; a decision it replaced
    /// becomes current again. Returns the undone decision's item and what it was, or nil
    /// with none to undo.
    static func undoLast(_ db: Database, scope: Scope, at date: Date)
        throws -> (itemID: Int64, restored: Bool, decided: Int, undone: StoredDecision)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, item_id, kind, value, comment, note FROM annotations INDEXED BY annotations_timeline
            WHERE project_id = ? AND annotator_id = ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [scope.projectID, scope.annotatorID])
        else { return nil }
        let annotationID: Int64 = row[0]
        let itemID: Int64 = row[1]
        try db.execute(sql: "UPDATE annotations SET undone_at = ? WHERE id = ?", arguments: [date, annotationID])
        // The replaced decision is the same annotator's on the same item: an index lookup.
        let restored = try Int64.fetchOne(db, sql: """
            SELECT id FROM annotations INDEXED BY annotations_by_annotator_item
            WHERE project_id = ? AND annotator_id = ? AND item_id = ? AND superseded_by = ? AND undone_at IS NULL
            """, arguments: [scope.projectID, scope.annotatorID, itemID, annotationID])
        var progress = try self.progress(db, scope: scope)
        if let restored {
            try db.execute(sql: "UPDATE annotations SET superseded_by = NULL WHERE id = ?", arguments: [restored])
        } else {
            progress.decided -= 1
            progress.frontier = min(progress.frontier, itemID)
        }
        try saveProgress(db, scope: scope, progress)
        let undone = StoredDecision(annotationID: annotationID, kind: AnnotationKind(rawValue: row[2]) ?? .label,
                                    value: (row[3] as String?).flatMap { AnnotationValue(json: $0) }, comment: row[4],
                                    note: row[5])
        return (itemID, restored != nil, progress.decided, undone)
    }

    /// The first item at or after `from`, in project order, that the annotator has not decided.
    static func queueHead(_ db: Database, scope: Scope, from: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT i.id FROM items i
            WHERE i.id >= ? AND i.dataset_id = ? AND NOT EXISTS (
                SELECT 1 FROM annotations a INDEXED BY annotations_by_annotator_item
                WHERE a.project_id = ? AND a.annotator_id = ? AND a.item_id = i.id
                  AND a.superseded_by IS NULL AND a.undone_at IS NULL)
            ORDER BY i.id LIMIT 1
            """), arguments: [from, scope.datasetID, scope.projectID, scope.annotatorID])
    }

    static func currentDecisionID(_ db: Database, scope: Scope, itemID: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM annotations INDEXED BY annotations_by_annotator_item
            WHERE project_id = ? AND annotator_id = ? AND item_id = ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """), arguments: [scope.projectID, scope.annotatorID, itemID])
    }

    struct Progress { var frontier: Int64; var decided: Int }

    static func progress(_ db: Database, scope: Scope) throws -> Progress {
        if let row = try Row.fetchOne(db.cachedStatement(sql:
            "SELECT frontier, decided FROM annotator_progress WHERE project_id = ? AND annotator_id = ?"),
            arguments: [scope.projectID, scope.annotatorID]) {
            return Progress(frontier: row[0], decided: row[1])
        }
        return Progress(frontier: 0, decided: 0)
    }

    static func saveProgress(_ db: Database, scope: Scope, _ progress: Progress) throws {
        try db.cachedStatement(sql: """
            INSERT INTO annotator_progress (project_id, annotator_id, frontier, decided) VALUES (?, ?, ?, ?)
            ON CONFLICT (project_id, annotator_id) DO UPDATE SET frontier = excluded.frontier, decided = excluded.decided
            """).execute(arguments: [scope.projectID, scope.annotatorID, progress.frontier, progress.decided])
    }

    /// An item's text read as bytes, so an embedded NUL does not end it.
    static func itemText(_ db: Database, _ itemID: Int64) throws -> String? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT CAST(text AS BLOB) FROM items WHERE id = ?"), arguments: [itemID])
            .map { String(decoding: $0, as: UTF8.self) }
    }
}

extension DecisionWriter.Timing {
    var measured: Bool {
        if case .measured = self { return true }
        return false
    }

    func activeMilliseconds(_ input: DecisionInput) -> Int? {
        switch self {
        case .measured: input.activeMilliseconds
        case .fromFile(let milliseconds): milliseconds
        }
    }
}
