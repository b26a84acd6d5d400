import Foundation
import GlossCore
internal import GRDB

extension GlossDatabase {
    /// Creates a project on a dataset; the guide's text becomes version 1.
    @discardableResult
    public func createProject(name: String, dataset: String, guide: Guide, author: String, overlap: Int = 1,
                              itemOrder: ItemOrder = .sequential) throws -> ProjectSummary {
        try sqlite.write { db in
            guard let datasetID = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [dataset]) else {
                throw StoreError.unknownDataset(dataset, known: try String.fetchAll(db, sql: "SELECT name FROM datasets ORDER BY name"))
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM projects WHERE name = ?", arguments: [name]) == true {
                throw ProjectError.projectExists(name)
            }
            try Self.insertProject(db, name: name, datasetID: datasetID, guide: guide, author: author, overlap: overlap,
                                   itemOrder: itemOrder, at: Date())
            return try Self.projectSummaries(db, name: name)[0]
        }
    }

    /// Inserts a project row and its guide as version 1, inside the caller's transaction
    /// (`createProject`, and an import that creates the project it imports into).
    static func insertProject(_ db: Database, name: String, datasetID: Int64, guide: Guide, author: String,
                              overlap: Int = 1, itemOrder: ItemOrder = .sequential, at date: Date) throws {
        try db.execute(sql: "INSERT INTO projects (name, dataset_id, task, overlap, item_order, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [name, datasetID, guide.task.rawValue, overlap, itemOrder.rawValue, date])
        try insertVersion(db, projectID: db.lastInsertedRowID, version: 1, text: guide.text, author: author, message: "Initial version", at: date)
    }

    /// Every project with its dataset, task, current guide version and counts.
    public func projects() throws -> [ProjectSummary] {
        try sqlite.read { try Self.projectSummaries($0, name: nil) }
    }

    /// One project, or an error naming the existing ones.
    public func project(named name: String) throws -> ProjectSummary {
        try sqlite.read { db in
            guard let project = try Self.projectSummaries(db, name: name).first else { throw try Self.unknownProject(db, name) }
            return project
        }
    }

    /// Sets the order the labeler serves the project's items in by default.
    @discardableResult
    public func setItemOrder(project: String, order: ItemOrder) throws -> ProjectSummary {
        try sqlite.write { db in
            let id = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET item_order = ? WHERE id = ?", arguments: [order.rawValue, id])
            return try Self.projectSummaries(db, name: project)[0]
        }
    }

    /// Sets how many different annotators label each item. The full frontier is walked
    /// again from the start, since a larger overlap reopens full items.
    @discardableResult
    public func setOverlap(project: String, overlap: Int) throws -> ProjectSummary {
        try sqlite.writeRetrying { db in
            let id = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET overlap = ?, full_frontier = 0 WHERE id = ?", arguments: [max(1, overlap), id])
            return try Self.projectSummaries(db, name: project)[0]
        }
    }

    static func projectSummaries(_ db: Database, name: String?) throws -> [ProjectSummary] {
        try DecodedRow<ProjectSummary>.fetchAll(db, sql: """
            SELECT p.name, d.name AS dataset, p.task, p.overlap, p.item_order AS itemOrder, p.created_at AS createdAt,
                   (SELECT MAX(version) FROM guide_versions g WHERE g.project_id = p.id) AS guideVersion,
                   (SELECT IFNULL(SUM(m.added), 0) FROM imports m WHERE m.dataset_id = p.dataset_id) AS items,
                   (SELECT COUNT(*) FROM annotations a WHERE a.project_id = p.id AND a.superseded_by IS NULL AND a.undone_at IS NULL) AS annotations
            FROM projects p JOIN datasets d ON d.id = p.dataset_id
            WHERE ?1 IS NULL OR p.name = ?1
            ORDER BY p.name
            """, arguments: [name]).map(\.record)
    }

    static func projectID(_ db: Database, _ name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM projects WHERE name = ?", arguments: [name]) else {
            throw try unknownProject(db, name)
        }
        return id
    }

    static func unknownProject(_ db: Database, _ name: String) throws -> ProjectError {
        .unknownProject(name, known: try String.fetchAll(db, sql: "SELECT name FROM projects ORDER BY name"))
    }

    static func insertVersion(_ db: Database, projectID: Int64, version: Int, text: String, author: String, message: String, at date: Date) throws {
        var sha = SHA256()
        sha.update(text)
        try db.execute(sql: """
            INSERT INTO guide_versions (project_id, version, text, sha256, author, message, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [projectID, version, text, sha.hexDigest(), author, message, date])
    }
}
