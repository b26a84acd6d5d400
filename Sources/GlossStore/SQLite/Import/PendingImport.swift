import Foundation
import GlossCore
internal import GRDB

/// The one item import allowed to write rows that readers do not see yet (see migration
/// v9-pending-imports): it claims the store, commits its rows in chunks, and publishes
/// them in one short commit, or removes them.
struct PendingImport {
    /// The marks readers stop at, as they were when the import claimed the store.
    let throughItem: Int64
    let throughImport: Int64
    let throughDataset: Int64
    /// A pending import whose last chunk is older than this was killed: its rows are removed.
    static let staleAfter: TimeInterval = 120
    /// Rows removed per transaction when a failed or killed import is cleaned away.
    static let removalChunk = 20_000

    /// Who is importing, as the claim records it.
    static var claimant: String { "process \(ProcessInfo.processInfo.processIdentifier) on \(HostName.current)" }

    /// Claims the store for an import, inside the caller's write transaction. A pending import
    /// that is still writing makes it fail; one that stopped writing long ago (killed) is
    /// removed first.
    static func claim(_ db: Database, path: String, at date: Date) throws -> PendingImport {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT through_item, through_import, through_dataset, pending_import, pending_beat FROM item_visibility
            WHERE id = 1
            """) else { preconditionFailure("migration v9 inserts the visibility row") }
        var marks = PendingImport(throughItem: row[0], throughImport: row[1], throughDataset: row[2])
        if let owner: String = row[3] {
            let beat: Date = row[4] ?? .distantPast
            let age = date.timeIntervalSince(beat)
            guard age > staleAfter else {
                throw StoreError.importRunning(path: path, by: owner, secondsAgo: max(0, Int(age.rounded())))
            }
            try marks.removeRows(db, limit: nil)
        }
        marks = PendingImport(throughItem: try maximum(db, "item_rows"), throughImport: try maximum(db, "import_rows"),
                              throughDataset: try maximum(db, "dataset_rows"))
        try db.execute(sql: """
            UPDATE item_visibility SET through_item = ?, through_import = ?, through_dataset = ?, pending_import = ?,
                pending_beat = ? WHERE id = 1
            """, arguments: [marks.throughItem, marks.throughImport, marks.throughDataset, claimant, date])
        return marks
    }

    /// Records that the import is alive (with each chunk's commit).
    static func beat(_ db: Database, at date: Date) throws {
        try db.execute(sql: "UPDATE item_visibility SET pending_beat = ? WHERE id = 1", arguments: [date])
    }

    /// Shows every row to the caller's transaction until `publish` sets the marks.
    static func showEverything(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE item_visibility SET through_item = ?1, through_import = ?1, through_dataset = ?1 WHERE id = 1
            """, arguments: [Int64.max])
    }

    /// Makes every row of the import visible and releases the claim, inside the caller's
    /// transaction (its commit is the moment the items appear).
    static func publish(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE item_visibility SET through_item = (SELECT COALESCE(MAX(id), 0) FROM item_rows),
                through_import = (SELECT COALESCE(MAX(id), 0) FROM import_rows),
                through_dataset = (SELECT COALESCE(MAX(id), 0) FROM dataset_rows), pending_import = NULL,
                pending_beat = NULL
            WHERE id = 1
            """)
    }

    /// Removes what the import wrote, outside any transaction, in chunks so that other
    /// writers pass between them, then releases the claim.
    func discard(_ db: Database) throws {
        while true {
            var removed = 0
            try db.inTransaction(.immediate) {
                removed = try removeRows(db, limit: Self.removalChunk)
                return .commit
            }
            if removed == 0 { break }
        }
        try db.inTransaction(.immediate) {
            try removeRows(db, limit: nil)
            try db.execute(sql: "UPDATE item_visibility SET pending_import = NULL, pending_beat = NULL WHERE id = 1")
            return .commit
        }
    }

    /// Deletes up to `limit` items above the marks (all, and the import's batches and new
    /// datasets, with no limit); returns the items deleted.
    @discardableResult
    private func removeRows(_ db: Database, limit: Int?) throws -> Int {
        let ids = limit.map { "SELECT id FROM item_rows WHERE id > ?1 ORDER BY id LIMIT \($0)" }
            ?? "SELECT id FROM item_rows WHERE id > ?1"
        try db.execute(sql: "DELETE FROM reference_labels WHERE item_id IN (\(ids))", arguments: [throughItem])
        try db.execute(sql: """
            DELETE FROM item_content_keys WHERE (dataset_id, content_hash) IN
                (SELECT dataset_id, content_hash FROM item_rows WHERE id IN (\(ids))) AND item_id > ?1
            """, arguments: [throughItem])
        try db.execute(sql: "DELETE FROM item_rows WHERE id IN (\(ids))", arguments: [throughItem])
        let removed = db.changesCount
        if limit == nil {
            try db.execute(sql: "DELETE FROM import_rows WHERE id > ?", arguments: [throughImport])
            // A project made meanwhile on the new dataset keeps it (empty).
            try db.execute(sql: "DELETE FROM dataset_rows WHERE id > ? AND id NOT IN (SELECT dataset_id FROM projects)",
                           arguments: [throughDataset])
        }
        return removed
    }

    private static func maximum(_ db: Database, _ table: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
    }
}
