import Foundation
import GlossCore
internal import GRDB

extension SQLiteBackend: ProjectsBackend {
    func createProject(name: String, dataset: String, guide: Guide, author: String, overlap: Int,
                       itemOrder: ItemOrder) throws -> ProjectSummary {
        try write { db in
            let datasetID = try Self.datasetID(db, dataset)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM projects WHERE name = ?", arguments: [name]) == true {
                throw ProjectError.projectExists(name)
            }
            try Self.checkResponses(db, task: guide.task, datasetID: datasetID, dataset: dataset)
            try Self.insertProject(db, name: name, datasetID: datasetID, guide: guide, author: author, overlap: overlap,
                                   itemOrder: itemOrder, at: Date())
            return try Self.projectSummaries(db, name: name, totals: hasStatsAggregates)[0]
        }
    }

    func projects() throws -> [ProjectSummary] {
        try read { try Self.projectSummaries($0, name: nil, totals: hasStatsAggregates) }
    }

    func project(named name: String) throws -> ProjectSummary {
        try read { db in
            guard let project = try Self.projectSummaries(db, name: name, totals: hasStatsAggregates).first else {
                throw try Self.unknownProject(db, name)
            }
            return project
        }
    }

    func setItemOrder(project: String, order: ItemOrder) throws -> ProjectSummary {
        try write { db in
            let id = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET item_order = ? WHERE id = ?", arguments: [order.rawValue, id])
            return try Self.projectSummaries(db, name: project, totals: hasStatsAggregates)[0]
        }
    }

    /// Sets the overlap and moves the full frontier (see `ClaimQueue`) back to the start.
    func setOverlap(project: String, overlap: Int) throws -> ProjectSummary {
        try writeRetrying { db in
            let id = try Self.projectID(db, project)
            try db.execute(sql: "UPDATE projects SET overlap = ?, full_frontier = 0 WHERE id = ?",
                           arguments: [overlap, id])
            return try Self.projectSummaries(db, name: project, totals: hasStatsAggregates)[0]
        }
    }

    /// Inserts a project row and its guide as version 1, inside the caller's transaction
    /// (`createProject`, and an import that creates the project it imports into).
    static func insertProject(_ db: Database, name: String, datasetID: Int64, guide: Guide, author: String,
                              overlap: Int = 1, itemOrder: ItemOrder = .sequential, at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO projects (name, dataset_id, task, overlap, item_order, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [name, datasetID, guide.task.rawValue, overlap, itemOrder.rawValue, date])
        try insertVersion(db, projectID: db.lastInsertedRowID, version: 1, text: guide.text, author: author,
                          message: "Initial version", at: date)
    }

    /// The projects' summaries (one, or every project with `name` nil). Their current
    /// decisions are counted from the statistics totals when the store keeps them
    /// (`totals`), so that listing projects does not read their decisions.
    static func projectSummaries(_ db: Database, name: String?, totals: Bool) throws -> [ProjectSummary] {
        let decisions = totals
            ? "SELECT IFNULL(SUM(s.decisions), 0) FROM stats_annotators s WHERE s.project_id = p.id"
            : "SELECT COUNT(*) FROM annotations a WHERE a.project_id = p.id AND a.superseded_by IS NULL AND a.undone_at IS NULL"
        return try DecodedRow<ProjectSummary>.fetchAll(db, sql: """
            SELECT p.name, d.name AS dataset, p.task, p.overlap, p.item_order AS itemOrder, p.created_at AS createdAt,
                   (SELECT MAX(version) FROM guide_versions g WHERE g.project_id = p.id) AS guideVersion,
                   (SELECT IFNULL(SUM(m.added), 0) FROM imports m WHERE m.dataset_id = p.dataset_id) AS items,
                   (\(decisions)) AS annotations
            FROM projects p JOIN datasets d ON d.id = p.dataset_id
            WHERE ?1 IS NULL OR p.name = ?1
            ORDER BY p.name
            """, arguments: [name]).map(\.record)
    }

    /// The row id of the project named `name`, or an error naming the projects there are.
    static func projectID(_ db: Database, _ name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM projects WHERE name = ?", arguments: [name]) else {
            throw try unknownProject(db, name)
        }
        return id
    }

    /// Refuses a dataset with an item that has no two responses to compare (pairwise and
    /// ranking tasks need them on every item), or, for a ranking, more responses than its
    /// digits reach, naming the first such item and how many there are.
    static func checkResponses(_ db: Database, task: TaskType, datasetID: Int64, dataset: String) throws {
        guard task == .pairwise || task == .ranking else { return }
        let lacking = "dataset_id = ? AND (parts IS NULL OR json_array_length(parts, '$.responses') < 2)"
        if let first = try String.fetchOne(db, sql: "SELECT external_id FROM items WHERE \(lacking) ORDER BY id LIMIT 1",
                                           arguments: [datasetID]) {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items WHERE \(lacking)", arguments: [datasetID]) ?? 1
            throw ProjectError.itemsWithoutPair(dataset: dataset, item: first, count: count)
        }
        guard task == .ranking else { return }
        let most = Ranking.maxResponses
        let over = "dataset_id = ? AND json_array_length(parts, '$.responses') > \(most)"
        if let first = try String.fetchOne(db, sql: "SELECT external_id FROM items WHERE \(over) ORDER BY id LIMIT 1",
                                           arguments: [datasetID]) {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items WHERE \(over)", arguments: [datasetID]) ?? 1
            throw ProjectError.tooManyResponses(dataset: dataset, item: first, count: count, most: most)
        }
    }

    /// The dataset a project labels: its id and name.
    static func dataset(_ db: Database, projectID: Int64) throws -> (Int64, String) {
        let row = try Row.fetchOne(db, sql: """
            SELECT d.id, d.name FROM projects p JOIN datasets d ON d.id = p.dataset_id WHERE p.id = ?
            """, arguments: [projectID])
        return (row?[0] ?? 0, row?[1] ?? "")
    }

    static func unknownProject(_ db: Database, _ name: String) throws -> ProjectError {
        .unknownProject(name, known: try String.fetchAll(db, sql: "SELECT name FROM projects ORDER BY name"))
    }

    func publishGuide(project: String, guide: Guide, author: String, message: String,
                      allowRemoval: Bool) throws -> PublishOutcome {
        try write { db in
            let projectID = try Self.projectID(db, project)
            let current = try Self.latestVersion(db, projectID: projectID, project: project)
            if current.text == guide.text { return .unchanged(version: current.version) }
            let changes = GuideRules.changes(from: current.text, to: guide)
            if !allowRemoval {
                try GuideRules.checkPublishable(
                    changes, project: project, uses: { try Self.uses(db, projectID: projectID, label: $0) },
                    annotations: {
                        try Int.fetchOne(db, sql: """
                            SELECT COUNT(*) FROM annotations
                            WHERE project_id = ? AND superseded_by IS NULL AND undone_at IS NULL
                            """, arguments: [projectID]) ?? 0
                    })
            }
            if changes.taskChange != nil {
                let (datasetID, dataset) = try Self.dataset(db, projectID: projectID)
                try Self.checkResponses(db, task: guide.task, datasetID: datasetID, dataset: dataset)
            }
            try Self.insertVersion(db, projectID: projectID, version: current.version + 1, text: guide.text,
                                   author: author, message: message, at: Date())
            try db.execute(sql: "UPDATE projects SET task = ? WHERE id = ?",
                           arguments: [guide.task.rawValue, projectID])
            return .published(version: current.version + 1, changes: changes)
        }
    }

    func guideVersions(project: String) throws -> [GuideVersion] {
        try read { db in
            let projectID = try Self.projectID(db, project)
            return try DecodedRow<GuideVersion>.fetchAll(db, sql: """
                SELECT version, sha256, author, message, created_at AS createdAt, text
                FROM guide_versions WHERE project_id = ? ORDER BY version
                """, arguments: [projectID]).map(\.record)
        }
    }

    func guideVersion(project: String, version: Int?) throws -> GuideVersion {
        try read { db in
            let projectID = try Self.projectID(db, project)
            let latest = try Self.latestVersion(db, projectID: projectID, project: project)
            guard let version, version != latest.version else { return latest }
            guard let found = try DecodedRow<GuideVersion>.fetchOne(db, sql: """
                SELECT version, sha256, author, message, created_at AS createdAt, text
                FROM guide_versions WHERE project_id = ? AND version = ?
                """, arguments: [projectID, version])?.record
            else { throw ProjectError.unknownVersion(project: project, version: version, latest: latest.version) }
            return found
        }
    }

    func currentGuide(project: String) throws -> (guide: Guide, version: Int) {
        try read { db in try Self.currentGuide(db, projectID: try Self.projectID(db, project), project: project) }
    }

    /// The project's newest guide, parsed (see `GuideRules.parse`), and its version.
    static func currentGuide(_ db: Database, projectID: Int64, project: String) throws -> (guide: Guide, version: Int) {
        let latest = try latestVersion(db, projectID: projectID, project: project)
        return (try GuideRules.parse(latest, project: project), latest.version)
    }

    static func latestVersion(_ db: Database, projectID: Int64, project: String) throws -> GuideVersion {
        guard let latest = try DecodedRow<GuideVersion>.fetchOne(db, sql: """
            SELECT version, sha256, author, message, created_at AS createdAt, text
            FROM guide_versions WHERE project_id = ? ORDER BY version DESC LIMIT 1
            """, arguments: [projectID])?.record
        else { throw ProjectError.unknownProject(project, known: []) }
        return latest
    }

    /// How many current annotations of a project use a label.
    static func uses(_ db: Database, projectID: Int64, label: String) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM annotation_labels l JOIN annotations a ON a.id = l.annotation_id
            WHERE l.label = ? AND a.project_id = ? AND a.superseded_by IS NULL AND a.undone_at IS NULL
            """, arguments: [label, projectID]) ?? 0
    }

    static func insertVersion(_ db: Database, projectID: Int64, version: Int, text: String, author: String,
                              message: String, at date: Date) throws {
        var sha = SHA256()
        sha.update(text)
        try db.execute(sql: """
            INSERT INTO guide_versions (project_id, version, text, sha256, author, message, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [projectID, version, text, sha.hexDigest(), author, message, date])
    }
}
