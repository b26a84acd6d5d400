import Foundation
import GlossCore
internal import GRDB

/// A guide version published while a labeling session runs.
public struct GuideUpdate: Sendable, Equatable {
    public var version: Int
    public var author: String
    public var message: String
    public var guide: Guide
}

extension LabelingSession {
    /// The project's newest guide when it is newer than `version`, else nil. It asks
    /// SQLite's `PRAGMA data_version` first (it changes only when another connection
    /// commits), so a poll of an unchanged store reads no table; the first call only
    /// takes that baseline.
    public func newerGuide(than version: Int) throws -> GuideUpdate? {
        let dataVersion = try database.sqlite.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA data_version")
        }
        guard dataVersionWatch.changed(to: dataVersion) else { return nil }
        return try database.sqlite.read { db -> GuideUpdate? in
            let latest = try SQLiteBackend.latestVersion(db, projectID: scope.projectID, project: project)
            guard latest.version > version else { return nil }
            let (guide, _) = try SQLiteBackend.currentGuide(db, projectID: scope.projectID, project: project)
            return GuideUpdate(version: latest.version, author: latest.author, message: latest.message, guide: guide)
        }
    }

    /// Reads the project's team statistics input (the whole project's decisions), safe to
    /// call from another thread: for the labeler's `:stats` dashboard.
    public func statsLoader() -> @Sendable () throws -> StatsInput {
        let database = database, project = project
        return { try database.statsInput(project: project) }
    }
}

/// The last `PRAGMA data_version` a session saw, so a guide poll reads tables only after
/// another connection committed.
final class DataVersionWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Int?

    /// Whether `version` differs from the one seen before (false the first time: the baseline).
    func changed(to version: Int?) -> Bool {
        lock.withLock {
            defer { last = version }
            guard let last else { return false }
            return last != version
        }
    }
}

extension LabelingSession {
    /// Stops the store work in progress on any thread (a write waiting for another
    /// process's lock fails at once with an interruption; nothing of it is stored).
    public func interrupt() {
        database.writer.interrupt()
    }
}
