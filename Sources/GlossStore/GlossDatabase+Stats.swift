import Foundation
import GlossCore

/// What a backend reads for team statistics and session reports (see `StoreBackend`).
protocol StatsBackend {
    func statsInput(project: String, since: Date?, agreement: (TaskType) -> any AgreementMeasure) throws -> StatsInput
    func teamStats(project: String, filter: StatsFilter, method: StatsMethod,
                   agreement: (TaskType) -> any AgreementMeasure) throws -> TeamStatsResult
    func sessions(project: String) throws -> [SessionRecord]
}

/// How `teamStats` computes the report.
public enum StatsMethod: Sendable {
    /// From the totals every write keeps up to date, when the store has them (a read-only
    /// open of a store older than migration v12 does not) and no `since` asks for part of
    /// the rows; else as `passOverRows`.
    case totalsWhenKept
    /// One pass over the decision rows (the same figures, read the slow way).
    case passOverRows
}

/// A project's team statistics, and who made decisions in the period they cover.
public struct TeamStatsResult: Sendable {
    public var report: StatsReport
    /// Everyone with a decision row in the period (the report may show only one of them).
    public var annotators: [String]
}

extension GlossDatabase {
    /// A project's team statistics (`gloss stats`, the labeler's `:stats`). By default they
    /// come from totals kept by the writes (a million decisions read as a few thousand
    /// rows); with `since`, on a read-only store older than the totals, or with
    /// `.passOverRows`, from one pass over the decisions in item order without holding them.
    /// `agreement` gives the measure of the project's task kind (read in the same
    /// transaction). The figures are those of `TeamStats.report` over `statsInput`, to the
    /// bit, either way.
    public func teamStats(project: String, filter: StatsFilter = StatsFilter(), method: StatsMethod = .totalsWhenKept,
                          agreement: (TaskType) -> any AgreementMeasure) throws -> TeamStatsResult {
        try backend.teamStats(project: project, filter: filter, method: method, agreement: agreement)
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
