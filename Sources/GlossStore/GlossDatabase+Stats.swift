import Foundation
import GlossCore

/// What a backend reads for team statistics and session reports (see `StoreBackend`).
protocol StatsBackend {
    func statsInput(project: String, since: Date?, agreement: (TaskType) -> any AgreementMeasure) throws -> StatsInput
    func teamStats(project: String, filter: StatsFilter,
                   agreement: (TaskType) -> any AgreementMeasure) throws -> TeamStatsResult
    func sessions(project: String) throws -> [SessionRecord]
}

/// A project's team statistics, and who made decisions in the period they cover.
public struct TeamStatsResult: Sendable {
    public var report: StatsReport
    /// Everyone with a decision row in the period (the report may show only one of them).
    public var annotators: [String]
}

extension GlossDatabase {
    /// A project's team statistics (`gloss stats`, the labeler's `:stats`), computed in one
    /// pass over its decisions in item order without holding them, so a million decisions
    /// take a fraction of a second in little memory. `agreement` gives the measure of the
    /// project's task kind (read in the same transaction). The figures are those of
    /// `TeamStats.report` over `statsInput`, to the bit.
    public func teamStats(project: String, filter: StatsFilter = StatsFilter(),
                          agreement: (TaskType) -> any AgreementMeasure) throws -> TeamStatsResult {
        try backend.teamStats(project: project, filter: filter, agreement: agreement)
    }

    /// Everything `TeamStats.report` needs about a project, read in one transaction and held
    /// in memory (`teamStats` is the way for large projects): its decision rows in id order
    /// (decided at or after `since` when given), gold answers, current adjudications, task,
    /// overlap, item total and guide labels; when the task's `agreement` measure reads item
    /// texts (token-level span agreement), also the texts of items two or more annotators labeled.
    public func statsInput(project: String, since: Date? = nil,
                           agreement: (TaskType) -> any AgreementMeasure) throws -> StatsInput {
        try backend.statsInput(project: project, since: since, agreement: agreement)
    }

    /// The sessions of a project, newest first.
    public func sessions(project: String) throws -> [SessionRecord] {
        try backend.sessions(project: project)
    }
}
