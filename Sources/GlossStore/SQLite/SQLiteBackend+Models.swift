import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: ModelsBackend {
    func saveModel(project: String, kind: ModelKind, source: String, examples: Int, heldOut: Int, options: String,
                   metrics: ModelMetrics?, seconds: Double, bytes: [UInt8]) throws -> ModelSummary {
        let metricsJSON = try metrics.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try write { db in
            let projectID = try Self.projectID(db, project)
            let guideVersion = try Self.latestVersion(db, projectID: projectID, project: project).version
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM models WHERE project_id = ?",
                                            arguments: [projectID]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO models (project_id, version, kind, source, examples, held_out, guide_version, options,
                                    metrics, seconds, bytes, sha256, gloss_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, version, kind.rawValue, source, examples, heldOut, guideVersion,
                                 options, metricsJSON, seconds, Data(bytes), SHA256.hex(of: bytes),
                                 GlossVersion.current, Date()])
            return try Self.modelSummaries(db, projectID: projectID, project: project, version: version)[0]
        }
    }

    func models(project: String) throws -> [ModelSummary] {
        try read { db in
            try Self.modelSummaries(db, projectID: try Self.projectID(db, project), project: project, version: nil)
        }
    }

    func model(project: String, version: Int?) throws -> StoredModel {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let versions = try Int.fetchAll(db, sql: "SELECT version FROM models WHERE project_id = ? ORDER BY version",
                                            arguments: [projectID])
            guard let newest = versions.last else { throw ModelStoreError.noModel(project: project) }
            let wanted = version ?? newest
            guard versions.contains(wanted) else {
                throw ModelStoreError.unknownVersion(project: project, version: wanted, versions: versions)
            }
            let summary = try Self.modelSummaries(db, projectID: projectID, project: project, version: wanted)[0]
            let data = try Data.fetchOne(db, sql: "SELECT bytes FROM models WHERE project_id = ? AND version = ?",
                                         arguments: [projectID, wanted]) ?? Data()
            return StoredModel(summary: summary, bytes: [UInt8](data))
        }
    }

    static func modelSummaries(_ db: Database, projectID: Int64, project: String,
                               version: Int?) throws -> [ModelSummary] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT version, kind, source, examples, held_out, guide_version, options, metrics, seconds,
                   LENGTH(bytes) AS size, sha256, gloss_version, created_at
            FROM models WHERE project_id = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY version
            """, arguments: [projectID, version])
        return rows.map { row in
            let metricsJSON: String? = row["metrics"]
            return ModelSummary(
                project: project, version: row["version"], kind: ModelKind(rawValue: row["kind"]) ?? .text,
                source: row["source"], examples: row["examples"], heldOut: row["held_out"],
                guideVersion: row["guide_version"], options: row["options"],
                metrics: metricsJSON.flatMap { try? JSONDecoder().decode(ModelMetrics.self, from: Data($0.utf8)) },
                seconds: row["seconds"], size: row["size"], sha256: row["sha256"], glossVersion: row["gloss_version"],
                createdAt: row["created_at"])
        }
    }

    func saveSuggestion(project: String, item: String, _ suggestion: StoredSuggestion) throws -> Bool {
        try write { db in
            let projectID = try Self.projectID(db, project)
            guard let itemID = try Int64.fetchOne(db, sql: """
                SELECT i.id FROM items i JOIN projects p ON p.dataset_id = i.dataset_id
                WHERE p.id = ? AND i.external_id = ?
                """, arguments: [projectID, item])
            else { throw ProjectError.unknownItem(project: project, id: item) }
            let text = try DecisionWriter.itemText(db, itemID)
            return try Self.saveSuggestion(db, projectID: projectID, itemID: itemID, suggestion, itemText: text)
        }
    }

    func suggestion(project: String, itemRowID: Int64) throws -> StoredSuggestion? {
        try read { db in try Self.suggestion(db, projectID: Self.projectID(db, project), itemID: itemRowID) }
    }

    func suggestions(project: String, itemRowID: Int64) throws -> [StoredSuggestion] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT source, value, score, created_at FROM suggestions
                WHERE project_id = ? AND item_id = ? ORDER BY source
                """, arguments: [Self.projectID(db, project), itemRowID]).compactMap(Self.storedSuggestion)
        }
    }

    /// Inserts or replaces (same project, item and source) inside the caller's transaction;
    /// false when the row already held this value and score.
    static func saveSuggestion(_ db: Database, projectID: Int64, itemID: Int64, _ suggestion: StoredSuggestion,
                               itemText: String?) throws -> Bool {
        let json = suggestion.value.json(itemText: itemText)
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT value, score FROM suggestions WHERE project_id = ? AND item_id = ? AND source = ?
            """), arguments: [projectID, itemID, suggestion.source]),
           (row[0] as String) == json, (row[1] as Double?) == suggestion.score {
            return false
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO suggestions (project_id, item_id, source, value, score, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [projectID, itemID, suggestion.source, json, suggestion.score,
                                     suggestion.createdAt])
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
