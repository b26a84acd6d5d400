import Foundation
import GlossCore
internal import GRDB

/// The labeling session's reads on SQLite: items with the annotator's current decision,
/// search, history, the model's samples and the guide poll.
extension SQLiteBackend {
    func item(_ scope: LabelingScope, rowID: Int64) throws -> StoredItem? {
        try read { try Self.storedItem($0, scope, rowID: rowID) }
    }

    func item(_ scope: LabelingScope, externalID: String) throws -> StoredItem? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE external_id = ? AND dataset_id = ?",
                               arguments: [externalID, scope.datasetID]).flatMap { try Self.storedItem(db, scope, rowID: $0) }
        }
    }

    /// The first match after `after`, wrapping around to the dataset's start.
    func search(_ scope: LabelingScope, _ query: String, after: Int64?) throws -> StoredItem? {
        try read { db in
            let start = after ?? 0
            let found = try Self.firstMatch(db, datasetID: scope.datasetID, query: query, after: start, through: Int64.max)
                ?? Self.firstMatch(db, datasetID: scope.datasetID, query: query, after: 0, through: start)
            return try found.flatMap { try Self.storedItem(db, scope, rowID: $0) }
        }
    }

    /// A walk of the annotator's rows in the project (their timeline index), kept to the session's.
    func standingDecisions(_ scope: LabelingScope) throws -> StandingDecisions {
        try read { db in
            var standing = StandingDecisions()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT kind, COUNT(*) FROM annotations INDEXED BY annotations_timeline
                WHERE project_id = ? AND annotator_id = ? AND session_id = ? AND superseded_by IS NULL
                  AND undone_at IS NULL
                GROUP BY kind
                """, arguments: [scope.projectID, scope.annotatorID, scope.sessionID])
            while let row = try rows.next() {
                switch AnnotationKind(rawValue: row[0]) {
                case .label: standing.labels = row[1]
                case .skip: standing.skips = row[1]
                case .flag: standing.flags = row[1]
                case nil: break
                }
            }
            return standing
        }
    }

    func history(_ scope: LabelingScope, before: Int64?) throws -> (annotationID: Int64, item: StoredItem)? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, item_id FROM annotations INDEXED BY annotations_timeline
                WHERE project_id = ? AND annotator_id = ? AND id < ? AND superseded_by IS NULL AND undone_at IS NULL
                ORDER BY id DESC LIMIT 1
                """), arguments: [scope.projectID, scope.annotatorID, before ?? Int64.max]),
                  let item = try Self.storedItem(db, scope, rowID: row[1])
            else { return nil }
            return (row[0], item)
        }
    }

    func history(_ scope: LabelingScope, after: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        try read { try Self.historyEntry($0, scope, after: after, before: Int64.max) }
    }

    /// The oldest current decision with an id strictly between `after` and `before`.
    static func historyEntry(_ db: Database, _ scope: LabelingScope, after: Int64,
                             before: Int64) throws -> (annotationID: Int64, item: StoredItem)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, item_id FROM annotations INDEXED BY annotations_timeline
            WHERE project_id = ? AND annotator_id = ? AND id > ? AND id < ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id LIMIT 1
            """), arguments: [scope.projectID, scope.annotatorID, after, before]),
              let item = try storedItem(db, scope, rowID: row[1])
        else { return nil }
        return (row[0], item)
    }

    /// The item of the dataset with this row id, with the annotator's current decision and
    /// the suggestion kept for it.
    static func storedItem(_ db: Database, _ scope: LabelingScope, rowID: Int64) throws -> StoredItem? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, external_id, CAST(text AS BLOB), metadata, parts FROM items WHERE id = ? AND dataset_id = ?
            """), arguments: [rowID, scope.datasetID])
        else { return nil }
        let text = (row[2] as Data?).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let decision = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, kind, value, comment, note FROM annotations INDEXED BY annotations_by_annotator_item
            WHERE project_id = ? AND annotator_id = ? AND item_id = ? AND superseded_by IS NULL AND undone_at IS NULL
            ORDER BY id DESC LIMIT 1
            """), arguments: [scope.projectID, scope.annotatorID, rowID]).map { stored in
            StoredDecision(annotationID: stored[0], kind: AnnotationKind(rawValue: stored[1]) ?? .label,
                           value: (stored[2] as String?).flatMap { AnnotationValue(json: $0) }, comment: stored[3],
                           note: stored[4])
        }
        let suggestion = try suggestion(db, projectID: scope.projectID, itemID: rowID)
        return StoredItem(rowID: row[0], externalID: row[1], text: text, metadata: row[3], decision: decision,
                          suggestion: suggestion, parts: (row[4] as String?).flatMap(ItemParts.init(json:)))
    }

    /// `PRAGMA data_version` changes only when another connection commits, so a poll of an
    /// unchanged store reads no table.
    func newerGuide(_ scope: LabelingScope, project: String, than version: Int, watch: GuideWatch) throws -> GuideUpdate? {
        let dataVersion = try writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        guard watch.changed(to: dataVersion) else { return nil }
        return try read { db -> GuideUpdate? in
            let latest = try Self.latestVersion(db, projectID: scope.projectID, project: project)
            guard latest.version > version else { return nil }
            let (guide, _) = try Self.currentGuide(db, projectID: scope.projectID, project: project)
            return GuideUpdate(version: latest.version, author: latest.author, message: latest.message, guide: guide)
        }
    }

    /// Each sample is the first open item at or after a random row id of the dataset (so
    /// items after long decided runs are a little likelier; the pool only needs variety).
    func sampleItems(_ scope: LabelingScope, count: Int, excluding: Set<Int64>,
                     using generator: inout some RandomNumberGenerator) throws -> [PoolCandidate] {
        guard count > 0 else { return [] }
        let now = Date()
        return try read { db in
            let first = try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE dataset_id = ? ORDER BY id LIMIT 1",
                                           arguments: [scope.datasetID])
            let last = try Int64.fetchOne(db, sql: "SELECT id FROM items WHERE dataset_id = ? ORDER BY id DESC LIMIT 1",
                                          arguments: [scope.datasetID])
            guard let first, let last else { return [] }
            let settings = try ClaimQueue.settings(db, projectID: scope.projectID)
            var found: [Int64: PoolCandidate] = [:]
            var probes = 0
            while found.count < count, probes < count * 4 {
                probes += 1
                let start = max(Int64.random(in: first...last, using: &generator), settings.fullFrontier)
                let id = try ClaimQueue.openHead(db, scope: scope, settings: settings, from: start, now: now)
                    ?? ClaimQueue.openHead(db, scope: scope, settings: settings, from: max(first, settings.fullFrontier),
                                           now: now)
                guard let id else { break }  // every item decided
                guard found[id] == nil, !excluding.contains(id), let text = try DecisionWriter.itemText(db, id) else {
                    continue
                }
                found[id] = PoolCandidate(id: id, text: text)
            }
            return found.values.sorted { $0.id < $1.id }
        }
    }
}
