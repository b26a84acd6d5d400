import GlossCore

/// Pairwise consensus: each judgment is one choice about a pair of models, told whatever
/// sides it was shown on, so `normalized` puts the pair in name order (the smaller name on
/// the left, the outcome turned with it) and equal judgments compare equal. The most
/// frequent judgment wins (`ConsensusVote.choice`: a tie at the top is left out under
/// `majority`); judgments of different pairs (an item with three or more responses) are
/// different choices. Judgments with ratings (a guide with questions) vote by their
/// judgment alone; the result carries the judgment voted for and, for each response and
/// criterion, the median of the judges' points (the lower of the two middle ones for an
/// even count). The stratum is the outcome by model: `winner:MODEL`, `tie`, `neither`.
struct PairwiseConsensus: ConsensusRule {
    var allKeepsEachAnnotator: Bool { true }

    func normalized(_ value: AnnotationValue) -> AnnotationValue {
        switch value {
        case .pairwise(let judgment) where judgment.left > judgment.right:
            return .pairwise(judgment.swapped)
        case .answers(var answers):
            if let judgment = answers.pairwise, judgment.left > judgment.right { answers.pairwise = judgment.swapped }
            return .answers(answers)
        default:
            return value
        }
    }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        guard values.contains(where: { if case .answers = $0 { true } else { false } }) else {
            return ConsensusVote.choice(values, policy: policy)
        }
        if values.count == 1 { return .value(values[0]) }
        let judgments = values.compactMap { $0.pairwiseJudgment.map(AnnotationValue.pairwise) }
        guard case .value(.pairwise(let judgment)) = ConsensusVote.choice(judgments, policy: policy) else {
            return ConsensusVote.choice(judgments, policy: policy)
        }
        var points: [String: [String: [Int]]] = [:]
        for case .answers(let answers) in values {
            guard case .responses(let byModel)? = answers.ratings else { continue }
            for (model, ratings) in byModel where model == judgment.left || model == judgment.right {
                for (criterion, point) in ratings { points[model, default: [:]][criterion, default: []].append(point) }
            }
        }
        let medians = points.mapValues { $0.mapValues { list in list.sorted()[(list.count - 1) / 2] } }
        return .value(.answers(QuestionAnswers(pairwise: judgment, ratings: medians.isEmpty ? nil : .responses(medians))))
    }

    func stratum(of value: AnnotationValue) -> String {
        guard let judgment = value.pairwiseJudgment else { return StratifiedSplitter.stratum(value.labelNames) }
        return StratifiedSplitter.stratum([judgment.winner.map { "winner:" + $0 } ?? judgment.outcome.rawValue])
    }
}
