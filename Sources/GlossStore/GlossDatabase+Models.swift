import Foundation
import GlossCore
internal import GRDB

/// What a model is: a text classifier (classify and multilabel) or a span suggester.
public enum ModelKind: String, Sendable, Codable, Equatable {
    case text, spans
}

/// How a model scored on the examples held out of its training, stored as JSON beside it.
public struct ModelMetrics: Sendable, Codable, Equatable {
    /// One label's precision, recall and F1 over `support` gold examples.
    public struct LabelScore: Sendable, Codable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int

        public init(label: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.label = label
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// Single-label: the share predicted right; multilabel: the share whose label set is exact.
    public var accuracy: Double
    public var macroF1: Double
    public var perLabel: [LabelScore]
    /// Counts, rows gold and columns predicted, in `perLabel` order (single-label only).
    public var confusion: [[Int]]?
    /// How many examples were scored.
    public var heldOut: Int

    public init(accuracy: Double, macroF1: Double, perLabel: [LabelScore], confusion: [[Int]]?, heldOut: Int) {
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.perLabel = perLabel
        self.confusion = confusion
        self.heldOut = heldOut
    }
}

/// One stored model version, without its bytes.
public struct ModelSummary: Sendable, Codable, Equatable {
    public var project: String
    public var version: Int
    public var kind: ModelKind
    /// What it learned from, e.g. "decisions" or "reference".
    public var source: String
    /// Examples it was trained on, and examples held out to score it.
    public var examples: Int
    public var heldOut: Int
    /// The guide version of the project when it was trained.
    public var guideVersion: Int
    /// The training options as JSON text.
    public var options: String
    public var metrics: ModelMetrics?
    /// Training time in seconds.
    public var seconds: Double
    /// Size of the model file in bytes, and its SHA-256.
    public var size: Int
    public var sha256: String
    public var glossVersion: String
    public var createdAt: Date
}

/// A stored model version with the bytes of its model file.
public struct StoredModel: Sendable, Equatable {
    public var summary: ModelSummary
    public var bytes: [UInt8]
}

/// Why a model could not be found or read from the store.
public enum ModelStoreError: Error, Equatable, CustomStringConvertible {
    case noModel(project: String)
    case unknownVersion(project: String, version: Int, versions: [Int])
    case damaged(project: String, version: Int)

    public var description: String {
        switch self {
        case let .noModel(project):
            TerminalText.visible("project \"\(project)\" has no model yet; train one with gloss train \(project).")
        case let .unknownVersion(project, version, versions):
            TerminalText.visible("project \"\(project)\" has no model version \(version); its versions are: \(versions.map(String.init).joined(separator: ", ")).")
        case let .damaged(project, version):
            TerminalText.visible("model version \(version) of \"\(project)\" is damaged (its bytes do not match the SHA-256 stored with it); train a new one with gloss train \(project).")
        }
    }
}

extension GlossDatabase {
    /// Stores a trained model as the project's next version (1 for the first), recording the
    /// guide version it was trained under, the bytes' SHA-256, the time and this Gloss version.
    @discardableResult
    public func saveModel(project: String, kind: ModelKind, source: String, examples: Int, heldOut: Int,
                          options: String, metrics: ModelMetrics?, seconds: Double, bytes: [UInt8]) throws -> ModelSummary {
        let metricsJSON = try metrics.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try sqlite.write { db in
            let projectID = try Self.projectID(db, project)
            let guideVersion = try Self.latestVersion(db, projectID: projectID, project: project).version
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM models WHERE project_id = ?", arguments: [projectID]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO models (project_id, version, kind, source, examples, held_out, guide_version, options, metrics,
                                    seconds, bytes, sha256, gloss_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, version, kind.rawValue, source, examples, heldOut, guideVersion, options, metricsJSON,
                                 seconds, Data(bytes), SHA256.hex(of: bytes), GlossVersion.current, Date()])
            return try Self.modelSummaries(db, projectID: projectID, project: project, version: version)[0]
        }
    }

    /// Every model version of a project, oldest first, without the bytes.
    public func models(project: String) throws -> [ModelSummary] {
        try sqlite.read { db in
            try Self.modelSummaries(db, projectID: try Self.projectID(db, project), project: project, version: nil)
        }
    }

    /// One model version with its bytes (the newest when `version` is nil), checked against
    /// the SHA-256 stored with it.
    public func model(project: String, version: Int? = nil) throws -> StoredModel {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            let versions = try Int.fetchAll(db, sql: "SELECT version FROM models WHERE project_id = ? ORDER BY version", arguments: [projectID])
            guard let newest = versions.last else { throw ModelStoreError.noModel(project: project) }
            let wanted = version ?? newest
            guard versions.contains(wanted) else {
                throw ModelStoreError.unknownVersion(project: project, version: wanted, versions: versions)
            }
            let summary = try Self.modelSummaries(db, projectID: projectID, project: project, version: wanted)[0]
            let data = try Data.fetchOne(db, sql: "SELECT bytes FROM models WHERE project_id = ? AND version = ?",
                                         arguments: [projectID, wanted]) ?? Data()
            let bytes = [UInt8](data)
            guard SHA256.hex(of: bytes) == summary.sha256 else { throw ModelStoreError.damaged(project: project, version: wanted) }
            return StoredModel(summary: summary, bytes: bytes)
        }
    }

    static func modelSummaries(_ db: Database, projectID: Int64, project: String, version: Int?) throws -> [ModelSummary] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT version, kind, source, examples, held_out, guide_version, options, metrics, seconds,
                   LENGTH(bytes) AS size, sha256, gloss_version, created_at
            FROM models WHERE project_id = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY version
            """, arguments: [projectID, version])
        return rows.map { row in
            let metricsJSON: String? = row["metrics"]
            return ModelSummary(
                project: project, version: row["version"], kind: ModelKind(rawValue: row["kind"]) ?? .text, source: row["source"],
                examples: row["examples"], heldOut: row["held_out"], guideVersion: row["guide_version"], options: row["options"],
                metrics: metricsJSON.flatMap { try? JSONDecoder().decode(ModelMetrics.self, from: Data($0.utf8)) },
                seconds: row["seconds"], size: row["size"], sha256: row["sha256"], glossVersion: row["gloss_version"],
                createdAt: row["created_at"])
        }
    }
}
