import Foundation
import GlossCore
internal import GRDB

/// The labeling session's write transactions on SQLite: opening a session, claiming items,
/// saving and undoing decisions, the session row's counters.
extension SQLiteBackend: LabelingBackend {
    func startSession(project: String, annotator: String, host: String, terminalWidth: Int, terminalHeight: Int,
                      order: String, at date: Date) throws -> SessionOpening {
        try writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            let datasetID = try Int64.fetchOne(db, sql: "SELECT dataset_id FROM projects WHERE id = ?",
                                               arguments: [projectID]) ?? 0
            let (guide, guideVersion) = try Self.currentGuide(db, projectID: projectID, project: project)
            let annotatorID = try Self.annotatorID(db, annotator, at: date)
            try db.execute(sql: """
                INSERT INTO sessions (project_id, annotator_id, started_at, host, terminal_width, terminal_height,
                    item_order, gloss_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, annotatorID, date, host, terminalWidth, terminalHeight, order,
                                 GlossVersion.current])
            let scope = LabelingScope(projectID: projectID, datasetID: datasetID, annotatorID: annotatorID,
                                      guideVersion: guideVersion, sessionID: db.lastInsertedRowID)
            let total = try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(added), 0) FROM imports WHERE dataset_id = ?",
                                         arguments: [datasetID]) ?? 0
            let decided = try DecisionWriter.progress(db, scope: scope).decided
            return SessionOpening(scope: scope, guide: guide, total: total, decided: decided)
        }
    }

    func nextItem(_ scope: LabelingScope, preferring preferred: [Int64], lease: TimeInterval,
                  at date: Date) throws -> StoredItem? {
        try writeRetrying { db in
            try scope.cancellation.check()
            return try claimNext(db, scope, settings: ClaimQueue.settings(db, projectID: scope.projectID), preferred: preferred,
                          lease: lease, now: date)
        }
    }

    func claimOpen(_ scope: LabelingScope, rowIDs: [Int64], limit: Int, lease: TimeInterval,
                   at date: Date) throws -> [StoredItem] {
        try writeRetrying { db in
            try scope.cancellation.check()
            let settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            var found: [StoredItem] = []
            for id in rowIDs where found.count < limit {
                guard try ClaimQueue.isOpen(db, scope: scope, itemID: id, overlap: settings.overlap, now: date),
                      let item = try Self.storedItem(db, scope, rowID: id) else { continue }
                found.append(item)
            }
            try ClaimQueue.claim(db, scope: scope, itemIDs: found.map(\.rowID), now: date, lease: lease)
            return found
        }
    }

    func renewClaims(_ scope: LabelingScope, lease: TimeInterval, at date: Date) throws {
        try writeRetrying { db in
            try scope.cancellation.check()
            _ = try ClaimQueue.renew(db, scope: scope, now: date, lease: lease)
        }
    }

    /// Now and then an unseen gold item (at the project's gold rate), else the first open
    /// one of `preferred`, else the queue's first open item; claimed for the session.
    private func claimNext(_ db: Database, _ scope: LabelingScope, settings: ClaimQueue.Settings, preferred: [Int64],
                           lease: TimeInterval, now: Date) throws -> StoredItem? {
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
        return try chosen.flatMap { try Self.storedItem(db, scope, rowID: $0) }
    }

    func save(_ scope: LabelingScope, project: String, _ input: DecisionInput, stats: KeystrokeStats,
              historyAfter: Int64?, preferring preferred: [Int64], lease: TimeInterval) throws -> SaveOutcome {
        try writeRetrying { db in
            try scope.cancellation.check()
            var settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            let now = input.decidedAt
            guard try ClaimQueue.mayDecide(db, scope: scope, itemID: input.itemRowID, overlap: settings.overlap, now: now)
            else {
                let id = try String.fetchOne(db, sql: "SELECT external_id FROM items WHERE id = ?",
                                             arguments: [input.itemRowID]) ?? "?"
                throw LabelingError.itemFull(externalID: id, overlap: settings.overlap)
            }
            var scope = scope
            scope.guideVersion = try input.guideVersion
                ?? Self.latestVersion(db, projectID: scope.projectID, project: project).version
            var outcome = try DecisionWriter.insert(db, input, scope: scope)
            try ClaimQueue.release(db, scope: scope, itemID: input.itemRowID)
            settings.fullFrontier = try ClaimQueue.advanceFullFrontier(db, scope: scope, settings: settings)
            if let historyAfter,
               let (id, item) = try Self.historyEntry(db, scope, after: historyAfter, before: outcome.annotationID) {
                outcome.next = item
                outcome.nextHistoryID = id
            } else {
                outcome.next = try claimNext(db, scope, settings: settings, preferred: preferred, lease: lease, now: now)
            }
            var added = SessionCounts()
            if outcome.replaced { added.changes = 1 }
            switch input.kind {
            case .label: added.labels = 1
            case .skip: added.skips = 1
            case .flag: added.flags = 1
            }
            try Self.addCounts(db, scope, added, stats: stats)
            return outcome
        }
    }

    func undoLast(_ scope: LabelingScope, stats: KeystrokeStats, lease: TimeInterval,
                  at date: Date) throws -> UndoOutcome? {
        try writeRetrying { db -> UndoOutcome? in
            try scope.cancellation.check()
            guard let undone = try DecisionWriter.undoLast(db, scope: scope, at: date) else { return nil }
            if !undone.restored {
                // The item is open again: the frontier comes back to it, and it stays on
                // this annotator's screen under a claim.
                try ClaimQueue.reopen(db, scope: scope, itemID: undone.itemID)
                try ClaimQueue.claim(db, scope: scope, itemIDs: [undone.itemID], now: date, lease: lease)
            }
            var added = SessionCounts()
            added.undos = 1
            try Self.addCounts(db, scope, added, stats: stats)
            guard let item = try Self.storedItem(db, scope, rowID: undone.itemID) else { return nil }
            return UndoOutcome(item: item, decided: undone.decided, undone: undone.undone)
        }
    }

    func recordSession(_ scope: LabelingScope, stats: KeystrokeStats, firstDrawMilliseconds: Double?) throws {
        try writeRetrying { db in
            try Self.addCounts(db, scope, SessionCounts(), stats: stats)
            if let firstDrawMilliseconds {
                try db.execute(sql: "UPDATE sessions SET first_draw_ms = ? WHERE id = ?",
                               arguments: [firstDrawMilliseconds, scope.sessionID])
            }
        }
    }

    func finishSession(_ scope: LabelingScope, reason: String, stats: KeystrokeStats, peakRSSKilobytes: Int?,
                       at date: Date) throws {
        try writeRetrying { db in
            try Self.addCounts(db, scope, SessionCounts(), stats: stats)
            try ClaimQueue.release(db, scope: scope)
            try db.execute(sql: "UPDATE sessions SET ended_at = ?, end_reason = ?, peak_rss_kb = ? WHERE id = ?",
                           arguments: [date, reason, peakRSSKilobytes, scope.sessionID])
        }
    }

    /// Adds `c` to the session row's counters and stores the key timings so far.
    private static func addCounts(_ db: Database, _ scope: LabelingScope, _ c: SessionCounts,
                                  stats: KeystrokeStats) throws {
        try db.cachedStatement(sql: """
            UPDATE sessions SET labels = labels + ?, skips = skips + ?, flags = flags + ?, changes = changes + ?,
                undos = undos + ?, keystrokes = ?, key_p50_ms = ?, key_p99_ms = ?, key_max_ms = ? WHERE id = ?
            """).execute(arguments: [c.labels, c.skips, c.flags, c.changes, c.undos, stats.keystrokes,
                                     stats.p50Milliseconds, stats.p99Milliseconds, stats.maxMilliseconds,
                                     scope.sessionID])
    }
}
