/// The judging section of a report (`judging` in `gloss stats --json`), for kinds whose
/// agreement measure asks for it (pairwise and rating): the model leaderboard, agreement on
/// pairwise outcomes, α per rating criterion and position bias per annotator, all over each
/// annotator's current judgment of each item (`JudgingTally`).
public struct JudgingStats: Sendable, Equatable, Codable {
    /// Bradley–Terry strengths and win rates; nil without a pairwise judgment.
    public var leaderboard: Leaderboard?
    /// Agreement on pairwise outcomes (winner, tie, neither) whatever the sides; nil without
    /// a pairwise judgment.
    public var outcomes: OutcomeAgreement?
    /// Krippendorff's α ordinal and interval per criterion of the guide, in guide order
    /// (per response ratings: a unit is one item × response × criterion).
    public var ratings: [CriterionAgreement]
    /// How often the left side won, per annotator with a pairwise judgment, by name.
    public var positionBias: [PositionBias]

    public init(leaderboard: Leaderboard?, outcomes: OutcomeAgreement?, ratings: [CriterionAgreement],
                positionBias: [PositionBias]) {
        self.leaderboard = leaderboard
        self.outcomes = outcomes
        self.ratings = ratings
        self.positionBias = positionBias
    }
}

/// Agreement on pairwise outcomes over the items judged twice or more (`PairwiseOutcomeTally`).
public struct OutcomeAgreement: Sendable, Equatable, Codable {
    public var items: Int
    public var percent: Double?
    /// Nominal Krippendorff's α over `winner:MODEL`, `tie` and `neither`.
    public var alpha: Double?

    public init(items: Int, percent: Double?, alpha: Double?) {
        self.items = items
        self.percent = percent
        self.alpha = alpha
    }
}
