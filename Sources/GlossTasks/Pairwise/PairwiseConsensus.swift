import GlossCore

/// Pairwise consensus: each judgment is one choice about a pair of models, told whatever
/// sides it was shown on, so `normalized` puts the pair in name order (the smaller name on
/// the left, the outcome turned with it) and equal judgments compare equal. The most
/// frequent judgment wins (`ConsensusVote.choice`: a tie at the top is left out under
/// `majority`); judgments of different pairs (an item with three or more responses) are
/// different choices. The stratum is the outcome by model: `winner:MODEL`, `tie`, `neither`.
struct PairwiseConsensus: ConsensusRule {
    func normalized(_ value: AnnotationValue) -> AnnotationValue {
        guard case .pairwise(let judgment) = value, judgment.left > judgment.right else { return value }
        return .pairwise(judgment.swapped)
    }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        ConsensusVote.choice(values, policy: policy)
    }

    func stratum(of value: AnnotationValue) -> String {
        guard case .pairwise(let judgment) = value else { return StratifiedSplitter.stratum(value.labelNames) }
        return StratifiedSplitter.stratum([judgment.winner.map { "winner:" + $0 } ?? judgment.outcome.rawValue])
    }
}
