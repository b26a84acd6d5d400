import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend {
    func datasetName(project: String) throws -> String {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try String.fetchOne(db, sql: "SELECT d.name FROM projects p JOIN datasets d ON d.id = p.dataset_id WHERE p.id = ?",
                                       arguments: [projectID]) ?? ""
        }
    }

    func recordExport(project: String, format: ExportFormat, options: String, destination: String, items: Int,
                      manifest: String, at time: Date) throws -> Int64 {
        try writeRetrying { db in
            let projectID = try Self.projectID(db, project)
            try db.execute(sql: """
                INSERT INTO exports (project_id, format, options, destination, items, manifest, gloss_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [projectID, format.rawValue, options, destination, items, manifest, GlossVersion.current, time])
            return db.lastInsertedRowID
        }
    }

    func exports(project: String) throws -> [ExportEntry] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try Row.fetchAll(db, sql: """
                SELECT id, format, destination, items, options, gloss_version, created_at, manifest
                FROM exports WHERE project_id = ? ORDER BY id
                """, arguments: [projectID]).map {
                ExportEntry(id: $0[0], format: $0[1], destination: $0[2], items: $0[3], options: $0[4],
                            glossVersion: $0[5], createdAt: $0[6], manifest: $0[7])
            }
        }
    }

    func exportID(manifest: String) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM exports WHERE manifest = ? ORDER BY id DESC LIMIT 1", arguments: [manifest])
        }
    }
}
