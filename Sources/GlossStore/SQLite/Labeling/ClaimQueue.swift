import Foundation
internal import GRDB

/// The project's shared queue: overlap, leases and gold items.
///
/// An item may go to at most `overlap` distinct annotators. An annotator *holds* an item
/// when they have a current decision on it or a live claim (a lease that has not expired).
/// An item is open to annotator A when A does not hold it yet and fewer than `overlap`
/// others hold it. Gold items lie outside the overlap: every annotator gets each of them,
/// at the project's gold rate, and the regular queue never serves them.
///
/// Every function runs inside the caller's transaction, and the callers are IMMEDIATE
/// write transactions, so two annotators can never both take an item's last place.
/// Walks start at the larger of the annotator's frontier (every smaller item decided by
/// them) and the project's full frontier (every smaller item full), so they pass only
/// over the few items in flight, never over the dataset.
enum ClaimQueue {
    struct Settings {
        var overlap: Int
        var goldRate: Double
        var fullFrontier: Int64
    }

    static func settings(_ db: Database, projectID: Int64) throws -> Settings {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT overlap, gold_rate, full_frontier FROM projects WHERE id = ?"),
                                         arguments: [projectID])
        else { return Settings(overlap: 1, goldRate: 0, fullFrontier: 0) }
        return Settings(overlap: row[0], goldRate: row[1], fullFrontier: row[2])
    }

    /// Whether `itemID` is open to the annotator now (see the type's rules); gold items
    /// are open to anyone who has not decided them.
    static func isOpen(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64, overlap: Int, now: Date) throws -> Bool {
        try DecisionWriter.currentDecisionID(db, scope: scope, itemID: itemID) == nil
            && hasRoom(db, scope: scope, itemID: itemID, overlap: overlap, now: now)
    }

    /// Whether one more annotator fits: gold items always, others below `overlap`.
    private static func hasRoom(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64, overlap: Int, now: Date) throws -> Bool {
        try isGold(db, projectID: scope.projectID, itemID: itemID) || othersHolding(db, scope: scope, itemID: itemID, now: now) < overlap
    }

    /// Whether the annotator may store a decision on `itemID`: they hold it already (a
    /// decision to change, or a live claim), or it is open to them.
    static func mayDecide(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64, overlap: Int, now: Date) throws -> Bool {
        if try DecisionWriter.currentDecisionID(db, scope: scope, itemID: itemID) != nil { return true }
        if try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM claims WHERE project_id = ? AND item_id = ? AND annotator_id = ? AND expires_at > ?
            """), arguments: [scope.projectID, itemID, scope.annotatorID, now]) != nil { return true }
        return try hasRoom(db, scope: scope, itemID: itemID, overlap: overlap, now: now)
    }

    /// The first item open to the annotator at or after `from` (nil: none is left now).
    static func openHead(_ db: Database, scope: DecisionWriter.Scope, settings: Settings, from: Int64, now: Date) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT i.id FROM items i
            WHERE i.id >= ? AND i.dataset_id = ?
              AND NOT EXISTS (
                SELECT 1 FROM annotations a INDEXED BY annotations_by_annotator_item
                WHERE a.project_id = ? AND a.annotator_id = ? AND a.item_id = i.id
                  AND a.superseded_by IS NULL AND a.undone_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.project_id = ? AND g.item_id = i.id)
              AND (SELECT COUNT(*) FROM (
                    SELECT b.annotator_id FROM annotations b INDEXED BY annotations_by_item
                    WHERE b.project_id = ? AND b.item_id = i.id AND b.annotator_id <> ?
                      AND b.superseded_by IS NULL AND b.undone_at IS NULL
                    UNION
                    SELECT c.annotator_id FROM claims c
                    WHERE c.project_id = ? AND c.item_id = i.id AND c.annotator_id <> ? AND c.expires_at > ?)) < ?
            ORDER BY i.id LIMIT 1
            """), arguments: [from, scope.datasetID, scope.projectID, scope.annotatorID, scope.projectID,
                              scope.projectID, scope.annotatorID, scope.projectID, scope.annotatorID, now, settings.overlap])
    }

    /// Where the annotator's walk starts: past their own decided run and past full items.
    static func walkStart(_ db: Database, scope: DecisionWriter.Scope, settings: Settings) throws -> Int64 {
        max(try DecisionWriter.progress(db, scope: scope).frontier, settings.fullFrontier)
    }

    /// The first gold item the annotator has not decided (gold items are few).
    static func nextGold(_ db: Database, scope: DecisionWriter.Scope) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT g.item_id FROM gold_items g
            WHERE g.project_id = ? AND NOT EXISTS (
                SELECT 1 FROM annotations a INDEXED BY annotations_by_annotator_item
                WHERE a.project_id = ? AND a.annotator_id = ? AND a.item_id = g.item_id
                  AND a.superseded_by IS NULL AND a.undone_at IS NULL)
            ORDER BY g.item_id LIMIT 1
            """), arguments: [scope.projectID, scope.projectID, scope.annotatorID])
    }

    static func isGold(_ db: Database, projectID: Int64, itemID: Int64) throws -> Bool {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM gold_items WHERE project_id = ? AND item_id = ?"),
                           arguments: [projectID, itemID]) != nil
    }

    /// Distinct other annotators holding the item: a current decision or a live claim.
    static func othersHolding(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64, now: Date) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM (
                SELECT annotator_id FROM annotations INDEXED BY annotations_by_item
                WHERE project_id = ? AND item_id = ? AND annotator_id <> ? AND superseded_by IS NULL AND undone_at IS NULL
                UNION
                SELECT annotator_id FROM claims WHERE project_id = ? AND item_id = ? AND annotator_id <> ? AND expires_at > ?)
            """), arguments: [scope.projectID, itemID, scope.annotatorID, scope.projectID, itemID, scope.annotatorID, now]) ?? 0
    }

    // MARK: Claims

    /// Replaces the session's claims by claims on `itemIDs`, each lasting `lease`.
    static func claim(_ db: Database, scope: DecisionWriter.Scope, itemIDs: [Int64], now: Date, lease: TimeInterval) throws {
        try release(db, scope: scope)
        for id in itemIDs {
            try db.cachedStatement(sql: """
                INSERT INTO claims (project_id, item_id, annotator_id, session_id, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id, item_id, annotator_id) DO UPDATE SET
                    session_id = excluded.session_id, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                """).execute(arguments: [scope.projectID, id, scope.annotatorID, scope.sessionID, now, now.addingTimeInterval(lease)])
        }
    }

    /// Drops the session's claims (the annotator's, for a write without a session).
    static func release(_ db: Database, scope: DecisionWriter.Scope) throws {
        if let session = scope.sessionID {
            try db.cachedStatement(sql: "DELETE FROM claims WHERE session_id = ?").execute(arguments: [session])
        } else {
            try db.cachedStatement(sql: "DELETE FROM claims WHERE project_id = ? AND annotator_id = ? AND session_id IS NULL")
                .execute(arguments: [scope.projectID, scope.annotatorID])
        }
    }

    /// Drops the annotator's claim on one item (it was just decided).
    static func release(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM claims WHERE project_id = ? AND item_id = ? AND annotator_id = ?")
            .execute(arguments: [scope.projectID, itemID, scope.annotatorID])
    }

    /// Extends the session's live claims to `lease` from `now`. Returns how many it renewed.
    @discardableResult
    static func renew(_ db: Database, scope: DecisionWriter.Scope, now: Date, lease: TimeInterval) throws -> Int {
        guard let session = scope.sessionID else { return 0 }
        try db.cachedStatement(sql: "UPDATE claims SET expires_at = ? WHERE session_id = ? AND expires_at > ?")
            .execute(arguments: [now.addingTimeInterval(lease), session, now])
        return db.changesCount
    }

    // MARK: The full frontier

    /// Moves the project's full frontier past the items that now have `overlap` current
    /// decisions (or are gold). It stops at the first item that is not full, so after the
    /// first call it checks one or two items per decision. Returns the frontier now.
    @discardableResult
    static func advanceFullFrontier(_ db: Database, scope: DecisionWriter.Scope, settings: Settings) throws -> Int64 {
        let next = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT i.id FROM items i
            WHERE i.id >= ? AND i.dataset_id = ?
              AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.project_id = ? AND g.item_id = i.id)
              AND (SELECT COUNT(*) FROM annotations b INDEXED BY annotations_by_item
                   WHERE b.project_id = ? AND b.item_id = i.id AND b.superseded_by IS NULL AND b.undone_at IS NULL) < ?
            ORDER BY i.id LIMIT 1
            """), arguments: [settings.fullFrontier, scope.datasetID, scope.projectID, scope.projectID, settings.overlap])
            ?? ((try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM items") ?? 0) + 1)
        if next != settings.fullFrontier { try setFullFrontier(db, projectID: scope.projectID, next) }
        return next
    }

    /// An undone decision may open its item again: the frontier comes back to it.
    static func reopen(_ db: Database, scope: DecisionWriter.Scope, itemID: Int64) throws {
        try db.cachedStatement(sql: "UPDATE projects SET full_frontier = ? WHERE id = ? AND full_frontier > ?")
            .execute(arguments: [itemID, scope.projectID, itemID])
    }

    static func setFullFrontier(_ db: Database, projectID: Int64, _ value: Int64) throws {
        try db.cachedStatement(sql: "UPDATE projects SET full_frontier = ? WHERE id = ?").execute(arguments: [value, projectID])
    }
}
