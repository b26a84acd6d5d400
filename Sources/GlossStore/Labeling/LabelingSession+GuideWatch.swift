import Foundation
import GlossCore
internal import GRDB

/// A guide version published while a labeling session runs.
public struct GuideUpdate: Sendable, Equatable {
    public var version: Int
    public var author: String
    public var message: String
    public var guide: Guide
    /// What changed since the session's version, one phrase each ("added label spam").
    public var changes: [String]
}

extension LabelingSession {
    /// Whether another process published a newer guide version for the project. It asks
    /// SQLite's `PRAGMA data_version` first (it changes only when another connection
    /// commits), so a poll of an unchanged store reads no table. On a new version the
    /// session switches to it: later decisions record that version.
    public func checkGuide() throws -> GuideUpdate? {
        let version = try database.sqlite.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA data_version")
        }
        defer { dataVersion = version }
        guard let before = dataVersion, before != version else { return nil }
        let found = try database.sqlite.read { db -> (GuideVersion, Guide)? in
            let latest = try SQLiteBackend.latestVersion(db, projectID: scope.projectID, project: project)
            guard latest.version > guideVersion else { return nil }
            let (guide, _) = try SQLiteBackend.currentGuide(db, projectID: scope.projectID, project: project)
            return (latest, guide)
        }
        guard let (latest, newGuide) = found else { return nil }
        let delta = GuideChanges.between(guide, newGuide)
        var changes = delta.labels.map(\.description)
        if delta.instructionsChanged { changes.insert("instructions changed", at: 0) }
        if let task = delta.taskChange { changes.insert("task changed from \(task.from.rawValue) to \(task.to.rawValue)", at: 0) }
        if changes.isEmpty { changes = ["text edited"] }
        adopt(guide: newGuide, version: latest.version)
        return GuideUpdate(version: latest.version, author: latest.author, message: latest.message, guide: newGuide, changes: changes)
    }
}

extension LabelingSession {
    /// Reads the project's team statistics input (the whole project's decisions), safe to
    /// call from another thread: for the labeler's `:stats` dashboard.
    public func statsLoader() -> @Sendable () throws -> StatsInput {
        let database = database, project = project
        return { try database.statsInput(project: project) }
    }
}
