import Foundation
import GlossCore
internal import GRDB

/// What an export's manifest says about where its data came from.
public struct ExportProvenance: Sendable, Equatable {
    public var dataset: String
    public var task: TaskType
    public var guideVersion: Int
    public var labels: [String]
    /// The dataset's import batches, oldest first: its version history up to the export.
    public var imports: [ImportBatch]
}

/// A recorded export, as `gloss exports` lists it.
public struct ExportEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var format: String
    public var destination: String
    public var items: Int
    public var options: String
    public var glossVersion: String
    public var createdAt: Date
    /// The manifest as written (JSON text).
    public var manifest: String

    enum CodingKeys: String, CodingKey {
        case id, format, destination, items, options, manifest
        case glossVersion = "gloss_version"
        case createdAt = "created_at"
    }
}

extension GlossDatabase {
    /// The dataset, task, current guide (version and label names) and import batches of a
    /// project, for an export's manifest and writers.
    public func exportProvenance(project: String) throws -> ExportProvenance {
        let (guide, version) = try currentGuide(project: project)
        // The dataset's name alone: the project summary would count every decision.
        let dataset = try sqlite.read { db in
            let projectID = try SQLiteBackend.projectID(db, project)
            return try String.fetchOne(db, sql: "SELECT d.name FROM projects p JOIN datasets d ON d.id = p.dataset_id WHERE p.id = ?",
                                       arguments: [projectID]) ?? ""
        }
        return ExportProvenance(dataset: dataset, task: guide.task, guideVersion: version, labels: guide.labels.map(\.name),
                                imports: try importLog(dataset: dataset))
    }

    /// Records a finished export; its id.
    @discardableResult
    public func recordExport(project: String, format: ExportFormat, options: String, destination: String,
                             items: Int, manifest: String, at time: Date = Date()) throws -> Int64 {
        try sqlite.writeRetrying { db in
            let projectID = try SQLiteBackend.projectID(db, project)
            try db.execute(sql: """
                INSERT INTO exports (project_id, format, options, destination, items, manifest, gloss_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, format.rawValue, options, destination, items, manifest, GlossVersion.current, time])
            return db.lastInsertedRowID
        }
    }

    /// The project's exports, oldest first.
    public func exports(project: String) throws -> [ExportEntry] {
        try sqlite.read { db in
            let projectID = try SQLiteBackend.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT id, format, destination, items, options, gloss_version, created_at, manifest
                FROM exports WHERE project_id = ? ORDER BY id
                """, arguments: [projectID]).map {
                ExportEntry(id: $0[0], format: $0[1], destination: $0[2], items: $0[3], options: $0[4],
                            glossVersion: $0[5], createdAt: $0[6], manifest: $0[7])
            }
        }
    }

    /// The recorded export whose manifest is exactly `manifest`, if any.
    public func exportID(manifest: String) throws -> Int64? {
        try sqlite.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM exports WHERE manifest = ? ORDER BY id DESC LIMIT 1", arguments: [manifest])
        }
    }
}
