import Foundation
import GlossCore

/// What a backend reads for team statistics and session reports (see `StoreBackend`).
protocol StatsBackend {
    func statsInput(project: String, since: Date?) throws -> StatsInput
    func sessions(project: String) throws -> [SessionRecord]
}

extension GlossDatabase {
    /// Everything `TeamStats.report` needs about a project, read in one transaction: its
    /// decision rows in id order (decided at or after `since` when given), gold answers,
    /// current adjudications, task, overlap, item total and guide labels; for span projects
    /// also the texts of items that two or more annotators labeled.
    public func statsInput(project: String, since: Date? = nil) throws -> StatsInput {
        try backend.statsInput(project: project, since: since)
    }

    /// The sessions of a project, newest first.
    public func sessions(project: String) throws -> [SessionRecord] {
        try backend.sessions(project: project)
    }
}
