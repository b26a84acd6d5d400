import Foundation
import GlossCore
internal import GRDB

/// One annotator labeling one project: the session row, the queue, decisions, undo,
/// history and search. Every query is an index lookup or a bounded walk; none scans the
/// dataset except `search`, which stops at the first match. It keeps no state of its own
/// beyond what the session opened with: each call is one transaction, its answer the facts
/// as the store has them. Use it from one thread.
public final class LabelingSession {
    public let project: String
    public let annotator: String
    /// The guide in force when the session opened, and its version (a decision records
    /// the version its `DecisionInput` names).
    public let guide: Guide
    public let guideVersion: Int
    /// Items in the project's dataset, and how many this annotator had decided at the start.
    public let total: Int
    public let decidedAtStart: Int
    public let sessionID: Int64

    let database: GlossDatabase
    let scope: DecisionWriter.Scope
    /// How long a claim on an item lasts without activity (see `ClaimQueue`).
    public let lease: TimeInterval
    /// The default lease: ten minutes idle.
    public static let defaultLease: TimeInterval = 600
    let dataVersionWatch = DataVersionWatch()

    private init(database: GlossDatabase, project: String, annotator: String, guide: Guide, guideVersion: Int,
                 total: Int, decided: Int, scope: DecisionWriter.Scope, lease: TimeInterval) {
        self.database = database
        self.project = project
        self.annotator = annotator
        self.guide = guide
        self.guideVersion = guideVersion
        self.total = total
        decidedAtStart = decided
        self.scope = scope
        self.lease = lease
        sessionID = scope.sessionID ?? 0
    }

    /// Opens a session of `annotator` on `project` under its newest guide version and
    /// records its row (host, terminal size, order).
    public static func start(
        database: GlossDatabase, project: String, annotator: String, host: String,
        terminalWidth: Int, terminalHeight: Int, order: String = ItemOrder.sequential.rawValue, lease: TimeInterval = LabelingSession.defaultLease,
        at date: Date = Date()
    ) throws -> LabelingSession {
        try database.sqlite.writeRetrying { db in
            let projectID = try SQLiteBackend.projectID(db, project)
            let datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?", arguments: [projectID]) ?? 0
            let (guide, guideVersion) = try SQLiteBackend.currentGuide(db, projectID: projectID, project: project)
            let annotatorID = try SQLiteBackend.annotatorID(db, annotator, at: date)
            try db.execute(sql: """
                INSERT INTO sessions (project_id, annotator_id, started_at, host, terminal_width, terminal_height,
                    item_order, gloss_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, annotatorID, date, host, terminalWidth, terminalHeight, order, GlossVersion.current])
            let scope = DecisionWriter.Scope(projectID: projectID, datasetID: datasetID, annotatorID: annotatorID,
                                             guideVersion: guideVersion, sessionID: db.lastInsertedRowID)
            let total = try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(added), 0) FROM imports WHERE dataset_id = ?", arguments: [datasetID]) ?? 0
            let decided = try DecisionWriter.progress(db, scope: scope).decided
            return LabelingSession(database: database, project: project, annotator: annotator, guide: guide,
                                   guideVersion: guideVersion, total: total, decided: decided, scope: scope, lease: lease)
        }
    }

    // MARK: Reading items

    /// Reads for the model worker, usable from another thread.
    public func sampler() throws -> ItemSampler {
        try ItemSampler(database: database, scope: scope, project: project)
    }

    /// The item to show next, claimed for this session (its other claims released): now
    /// and then an unseen gold item (at the project's gold rate), else the first of
    /// `preferred` (the model's picks) still open to this annotator, else the queue's
    /// first open item; nil when nothing is open now.
    public func nextItem(preferring preferred: [Int64] = [], at date: Date = Date()) throws -> StoredItem? {
        try database.sqlite.writeRetrying { db in
            try claimNext(db, settings: ClaimQueue.settings(db, projectID: scope.projectID), preferred: preferred, now: date)
        }
    }

    /// Those of `rowIDs` still open to this annotator, in order, all claimed for this
    /// session (confirm mode shows them together); its other claims are released.
    public func claimOpen(rowIDs: [Int64], limit: Int, at date: Date = Date()) throws -> [StoredItem] {
        try database.sqlite.writeRetrying { db in
            let settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            var found: [StoredItem] = []
            for id in rowIDs where found.count < limit {
                guard try ClaimQueue.isOpen(db, scope: scope, itemID: id, overlap: settings.overlap, now: date),
                      let item = try item(db, rowID: id) else { continue }
                found.append(item)
            }
            try ClaimQueue.claim(db, scope: scope, itemIDs: found.map(\.rowID), now: date, lease: lease)
            return found
        }
    }

    /// Extends this session's claims by a full lease from `date` (the annotator is active).
    public func renewClaims(at date: Date = Date()) throws {
        try database.sqlite.writeRetrying { db in _ = try ClaimQueue.renew(db, scope: scope, now: date, lease: lease) }
    }

    private func claimNext(_ db: Database, settings: ClaimQueue.Settings, preferred: [Int64], now: Date) throws -> StoredItem? {
        var chosen: Int64?
        if settings.goldRate > 0, Double.random(in: 0..<1) < settings.goldRate {
            chosen = try ClaimQueue.nextGold(db, scope: scope)
        }
        if chosen == nil {
            for id in preferred where try ClaimQueue.isOpen(db, scope: scope, itemID: id, overlap: settings.overlap, now: now) {
                chosen = id
                break
            }
        }
        if chosen == nil {
            let start = try ClaimQueue.walkStart(db, scope: scope, settings: settings)
            chosen = try ClaimQueue.openHead(db, scope: scope, settings: settings, from: start, now: now)
        }
        try ClaimQueue.claim(db, scope: scope, itemIDs: chosen.map { [$0] } ?? [], now: now, lease: lease)
        return try chosen.flatMap { try item(db, rowID: $0) }
    }

    /// The item with this row id in the project's dataset.
    public func item(rowID: Int64) throws -> StoredItem? {
        try database.sqlite.read { try item($0, rowID: rowID) }
    }

    /// The item with this id in the dataset (`items.external_id`).
    public func item(externalID: String) throws -> StoredItem? {
        try database.sqlite.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE external_id = ? AND dataset_id = ?",
                               arguments: [externalID, scope.datasetID]).flatMap { try item(db, rowID: $0) }
        }
    }

    /// The first item after `after` (wrapping around) whose text contains `query`, ignoring
    /// ASCII case. It reads items in order until the first match.
    public func search(_ query: String, after: Int64?) throws -> StoredItem? {
        try database.sqlite.read { db in
            let sql = """
                SELECT id FROM items WHERE dataset_id = ? AND id > ? AND id <= ?
                AND instr(lower(CAST(text AS BLOB)), lower(CAST(? AS BLOB))) > 0 ORDER BY id LIMIT 1
                """
            let start = after ?? 0
            let found = try Int64.fetchOne(db, sql: sql, arguments: [scope.datasetID, start, Int64.max, query])
                ?? Int64.fetchOne(db, sql: sql, arguments: [scope.datasetID, 0, start, query])
            return try found.flatMap { try item(db, rowID: $0) }
        }
    }

    /// The annotator's current decision older than `before` (the newest when nil) and its item.
    public func history(before: Int64?) throws -> (annotationID: Int64, item: StoredItem)? {
        try historyStep(sql: """
            SELECT id, item_id FROM annotations INDEXED BY annotations_timeline
            WHERE project_id = ? AND annotator_id = ? AND id < ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """, bound: before ?? Int64.max)
    }

    /// The annotator's current decision newer than `after`, and its item; nil past the newest.
    public func history(after: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        try database.sqlite.read { try historyEntry($0, after: after, before: Int64.max) }
    }

    private func historyStep(sql: String, bound: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        try database.sqlite.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [scope.projectID, scope.annotatorID, bound]),
                  let item = try item(db, rowID: row[1])
            else { return nil }
            return (row[0], item)
        }
    }

    /// The oldest current decision with an id strictly between `after` and `before`.
    private func historyEntry(_ db: Database, after: Int64, before: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, item_id FROM annotations INDEXED BY annotations_timeline
            WHERE project_id = ? AND annotator_id = ? AND id > ? AND id < ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id LIMIT 1
            """), arguments: [scope.projectID, scope.annotatorID, after, before]),
              let item = try item(db, rowID: row[1])
        else { return nil }
        return (row[0], item)
    }

    private func item(_ db: Database, rowID: Int64) throws -> StoredItem? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, external_id, CAST(text AS BLOB), metadata FROM items WHERE id = ? AND dataset_id = ?
            """), arguments: [rowID, scope.datasetID])
        else { return nil }
        let text = (row[2] as Data?).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let decision = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, kind, value, comment, note FROM annotations INDEXED BY annotations_by_annotator_item
            WHERE project_id = ? AND annotator_id = ? AND item_id = ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """), arguments: [scope.projectID, scope.annotatorID, rowID]).map { stored in
            StoredDecision(annotationID: stored[0], kind: AnnotationKind(rawValue: stored[1]) ?? .label,
                           value: (stored[2] as String?).flatMap { AnnotationValue(json: $0) }, comment: stored[3], note: stored[4])
        }
        let suggestion = try SQLiteBackend.suggestion(db, projectID: scope.projectID, itemID: rowID)
        return StoredItem(rowID: row[0], externalID: row[1], text: text, metadata: row[3], decision: decision, suggestion: suggestion)
    }

    // MARK: Writing

    /// Commits one decision in its own transaction, with the session row's counters and key
    /// timings, and returns what it did with the item to show next, read in the same
    /// transaction: the history entry after `historyAfter` when the decision changed an
    /// entry of the history (never the decision just written), else the first undecided of
    /// `preferred` (the model's picks for the order in use), else the queue's head.
    /// When this returns the decision is committed: it survives the process being killed
    /// (with `synchronous=NORMAL`, a power cut may still roll back the last commits).
    @discardableResult
    public func save(_ input: DecisionInput, stats: KeystrokeStats, historyAfter: Int64? = nil,
                     preferring preferred: [Int64] = []) throws -> SaveOutcome {
        try database.sqlite.writeRetrying { db in
            var settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            let now = input.decidedAt
            guard try ClaimQueue.mayDecide(db, scope: scope, itemID: input.itemRowID, overlap: settings.overlap, now: now) else {
                let id = try String.fetchOne(db, sql: "SELECT external_id FROM items WHERE id = ?", arguments: [input.itemRowID]) ?? "?"
                throw LabelingError.itemFull(externalID: id, overlap: settings.overlap)
            }
            var scope = self.scope
            scope.guideVersion = try input.guideVersion
                ?? SQLiteBackend.latestVersion(db, projectID: scope.projectID, project: project).version
            var outcome = try DecisionWriter.insert(db, input, scope: scope)
            try ClaimQueue.release(db, scope: scope, itemID: input.itemRowID)
            settings.fullFrontier = try ClaimQueue.advanceFullFrontier(db, scope: scope, settings: settings)
            if let historyAfter, let (id, item) = try historyEntry(db, after: historyAfter, before: outcome.annotationID) {
                outcome.next = item
                outcome.nextHistoryID = id
            } else {
                outcome.next = try claimNext(db, settings: settings, preferred: preferred, now: now)
            }
            var added = SessionCounts()
            if outcome.replaced { added.changes = 1 }
            switch input.kind {
            case .label: added.labels = 1
            case .skip: added.skips = 1
            case .flag: added.flags = 1
            }
            try addCounts(db, added, stats: stats)
            return outcome
        }
    }

    /// Undoes the annotator's newest current decision and returns its item as it is now
    /// (with the decision it replaced, if any) and the annotator's decided count after it;
    /// nil when there is nothing to undo.
    public func undoLast(stats: KeystrokeStats, at date: Date = Date()) throws -> (item: StoredItem, decided: Int)? {
        try database.sqlite.writeRetrying { db -> (item: StoredItem, decided: Int)? in
            guard let undone = try DecisionWriter.undoLast(db, scope: scope, at: date) else { return nil }
            if !undone.restored {
                // The item is open again: the frontier comes back to it, and it stays on
                // this annotator's screen under a claim.
                try ClaimQueue.reopen(db, scope: scope, itemID: undone.itemID)
                try ClaimQueue.claim(db, scope: scope, itemIDs: [undone.itemID], now: date, lease: lease)
            }
            var added = SessionCounts()
            added.undos = 1
            try addCounts(db, added, stats: stats)
            guard let item = try item(db, rowID: undone.itemID) else { return nil }
            return (item, undone.decided)
        }
    }

    /// Stores the key timings (and optionally the first-draw time) on the session row.
    public func record(stats: KeystrokeStats, firstDrawMilliseconds: Double? = nil) throws {
        try database.sqlite.writeRetrying { db in
            try addCounts(db, SessionCounts(), stats: stats)
            if let firstDrawMilliseconds {
                try db.execute(sql: "UPDATE sessions SET first_draw_ms = ? WHERE id = ?", arguments: [firstDrawMilliseconds, sessionID])
            }
        }
    }

    /// Closes the session row (end time, why it ended, final timings and peak memory) and
    /// releases its claims, so its items go back to the queue at once.
    public func finish(reason: String, stats: KeystrokeStats, peakRSSKilobytes: Int?, at date: Date = Date()) throws {
        try database.sqlite.writeRetrying { db in
            try addCounts(db, SessionCounts(), stats: stats)
            try ClaimQueue.release(db, scope: scope)
            try db.execute(sql: "UPDATE sessions SET ended_at = ?, end_reason = ?, peak_rss_kb = ? WHERE id = ?",
                           arguments: [date, reason, peakRSSKilobytes, sessionID])
        }
    }

    /// Adds `c` to the session row's counters and stores the key timings so far.
    private func addCounts(_ db: Database, _ c: SessionCounts, stats: KeystrokeStats) throws {
        try db.cachedStatement(sql: """
            UPDATE sessions SET labels = labels + ?, skips = skips + ?, flags = flags + ?, changes = changes + ?,
                undos = undos + ?, keystrokes = ?, key_p50_ms = ?, key_p99_ms = ?, key_max_ms = ? WHERE id = ?
            """).execute(arguments: [c.labels, c.skips, c.flags, c.changes, c.undos, stats.keystrokes,
                                     stats.p50Milliseconds, stats.p99Milliseconds, stats.maxMilliseconds, sessionID])
    }
}
