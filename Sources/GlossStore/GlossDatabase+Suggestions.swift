import Foundation
import GlossCore
internal import GRDB

/// A suggestion kept in the store for an item of a project: another tool's model
/// prediction, imported with its source and score, which the labeler offers when its own
/// model has nothing to say.
public struct StoredSuggestion: Sendable, Equatable {
    /// Where it came from, e.g. "label-studio:bert-v2".
    public var source: String
    public var value: AnnotationValue
    public var score: Double?
    public var createdAt: Date

    public init(source: String, value: AnnotationValue, score: Double?, createdAt: Date) {
        self.source = source
        self.value = value
        self.score = score
        self.createdAt = createdAt
    }
}

extension GlossDatabase {
    /// Saves a suggestion for the item with external id `item` of `project`, replacing the
    /// one from the same source. Returns false when the stored one was already the same.
    @discardableResult
    public func saveSuggestion(project: String, item: String, _ suggestion: StoredSuggestion) throws -> Bool {
        try sqlite.write { db in
            let projectID = try Self.projectID(db, project)
            guard let itemID = try Int64.fetchOne(db, sql: """
                SELECT i.id FROM items i JOIN projects p ON p.dataset_id = i.dataset_id WHERE p.id = ? AND i.external_id = ?
                """, arguments: [projectID, item])
            else { throw ProjectError.unknownItem(project: project, id: item) }
            let text = try DecisionWriter.itemText(db, itemID)
            return try Self.saveSuggestion(db, projectID: projectID, itemID: itemID, suggestion, itemText: text)
        }
    }

    /// The suggestion the labeler shows for an item: the highest score, then the newest.
    public func suggestion(project: String, itemRowID: Int64) throws -> StoredSuggestion? {
        try sqlite.read { db in try Self.suggestion(db, projectID: Self.projectID(db, project), itemID: itemRowID) }
    }

    /// Every stored suggestion of an item, by source.
    public func suggestions(project: String, itemRowID: Int64) throws -> [StoredSuggestion] {
        try sqlite.read { db in
            try Row.fetchAll(db, sql: """
                SELECT source, value, score, created_at FROM suggestions WHERE project_id = ? AND item_id = ? ORDER BY source
                """, arguments: [Self.projectID(db, project), itemRowID]).compactMap(Self.storedSuggestion)
        }
    }

    /// Inserts or replaces (same project, item and source) inside the caller's transaction;
    /// false when the row already held this value and score.
    static func saveSuggestion(_ db: Database, projectID: Int64, itemID: Int64, _ suggestion: StoredSuggestion, itemText: String?) throws -> Bool {
        let json = suggestion.value.json(itemText: itemText)
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT value, score FROM suggestions WHERE project_id = ? AND item_id = ? AND source = ?
            """), arguments: [projectID, itemID, suggestion.source]),
           (row[0] as String) == json, (row[1] as Double?) == suggestion.score {
            return false
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO suggestions (project_id, item_id, source, value, score, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [projectID, itemID, suggestion.source, json, suggestion.score, suggestion.createdAt])
        return true
    }

    /// One lookup on the primary key's (project, item) prefix: a few rows at most, never a scan.
    static func suggestion(_ db: Database, projectID: Int64, itemID: Int64) throws -> StoredSuggestion? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT source, value, score, created_at FROM suggestions
            WHERE project_id = ? AND item_id = ?
            ORDER BY score IS NULL, score DESC, created_at DESC, source LIMIT 1
            """), arguments: [projectID, itemID]).flatMap(storedSuggestion)
    }

    private static func storedSuggestion(_ row: Row) -> StoredSuggestion? {
        guard let value = AnnotationValue(json: row[1]) else { return nil }
        return StoredSuggestion(source: row[0], value: value, score: row[2], createdAt: row[3])
    }
}
