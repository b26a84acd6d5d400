import Foundation
import GlossCore
internal import GRDB

/// The outcome of publishing a guide.
public enum PublishOutcome: Sendable, Equatable {
    /// The text equals the current version: nothing was stored.
    case unchanged(version: Int)
    case published(version: Int, changes: GuideChanges)
}

extension GlossDatabase {
    /// Publishes `guide` as the project's next version, unless its text equals the current one.
    /// Refuses, unless `allowRemoval`, to remove or rename labels (or change the task) that
    /// current annotations use.
    public func publishGuide(project: String, guide: Guide, author: String, message: String, allowRemoval: Bool = false) throws -> PublishOutcome {
        try sqlite.write { db in
            let projectID = try Self.projectID(db, project)
            let current = try Self.latestVersion(db, projectID: projectID, project: project)
            if current.text == guide.text { return .unchanged(version: current.version) }
            let previous = GuideParser.lint(current.text).guide
            let changes = previous.map { GuideChanges.between($0, guide) }
                ?? GuideChanges(taskChange: nil, nameChanged: true, instructionsChanged: true, labels: [])
            if !allowRemoval {
                let orphaned = changes.labels.compactMap(\.orphanedLabel)
                let uses = try orphaned.map { ProjectError.LabelUse(label: $0, annotations: try Self.uses(db, projectID: projectID, label: $0)) }
                    .filter { $0.annotations > 0 }
                if !uses.isEmpty { throw ProjectError.labelsInUse(project: project, uses: uses) }
                if let taskChange = changes.taskChange {
                    let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM annotations WHERE project_id = ? AND superseded_by IS NULL AND undone_at IS NULL", arguments: [projectID]) ?? 0
                    if count > 0 { throw ProjectError.taskChange(project: project, from: taskChange.from.rawValue, to: taskChange.to.rawValue, annotations: count) }
                }
            }
            try Self.insertVersion(db, projectID: projectID, version: current.version + 1, text: guide.text, author: author, message: message, at: Date())
            try db.execute(sql: "UPDATE projects SET task = ? WHERE id = ?", arguments: [guide.task.rawValue, projectID])
            return .published(version: current.version + 1, changes: changes)
        }
    }

    /// Every version of a project's guide, oldest first.
    public func guideVersions(project: String) throws -> [GuideVersion] {
        try sqlite.read { db in
            let projectID = try Self.projectID(db, project)
            return try DecodedRow<GuideVersion>.fetchAll(db, sql: """
                SELECT version, sha256, author, message, created_at AS createdAt, text
                FROM guide_versions WHERE project_id = ? ORDER BY version
                """, arguments: [projectID]).map(\.record)
        }
    }

    /// One version (the latest when nil).
    public func guideVersion(project: String, version: Int? = nil) throws -> GuideVersion {
        try sqlite.read { db in
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

    /// The project's newest guide, parsed; a guide that no longer parses is an error naming
    /// its version (so a labeler or a model never runs under a guide it cannot read).
    public func currentGuide(project: String) throws -> (guide: Guide, version: Int) {
        try sqlite.read { db in try Self.currentGuide(db, projectID: try Self.projectID(db, project), project: project) }
    }

    static func currentGuide(_ db: Database, projectID: Int64, project: String) throws -> (guide: Guide, version: Int) {
        let latest = try latestVersion(db, projectID: projectID, project: project)
        let lint = GuideParser.lint(latest.text)
        guard let guide = lint.guide, lint.errors.isEmpty else {
            throw ProjectError.unreadableGuide(project: project, version: latest.version,
                                               problem: lint.errors.first?.description ?? "no guide")
        }
        return (guide, latest.version)
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
}
