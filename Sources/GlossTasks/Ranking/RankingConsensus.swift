import GlossCore

/// Ranking consensus by mean rank (Borda with ties): each model's mid-ranks (tied models
/// share the mean of their places) are averaged over the annotators, and the models are
/// ranked by that mean, best first, models with equal means tied. `unanimous` keeps a
/// ranking only when every annotator's is the same; `all` writes each annotator's as a row. A ranking is compared without
/// the order it was shown in (`normalized` drops `shown`); a ranking of other models than
/// the first one's (a changed item) is left out of the mean. The stratum is the top group:
/// `top:MODEL` (tied models joined by `+`).
struct RankingConsensus: ConsensusRule {
    var allKeepsEachAnnotator: Bool { true }

    func normalized(_ value: AnnotationValue) -> AnnotationValue {
        guard case .answers(let answers) = value, let ranking = answers.ranking, !ranking.shown.isEmpty else { return value }
        return .answers(answers.decided)
    }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        if policy == .unanimous || policy == .all || values.count == 1 { return ConsensusVote.choice(values, policy: policy) }
        let rankings = values.compactMap(RankingAnswer.ranking)
        guard let models = rankings.first?.modelsByName else { return .leftOut(.noLabel) }
        var sums = [Double](repeating: 0, count: models.count)
        for ranking in rankings {
            guard let ranks = ranking.midranks(of: models) else { continue }
            for index in models.indices { sums[index] += ranks[index] }
        }
        // Mid-ranks are halves, so their sums are exact and equal means compare equal.
        var groups: [[String]] = []
        var last: Double?
        for index in models.indices.sorted(by: { (sums[$0], $0) < (sums[$1], $1) }) {
            if sums[index] == last { groups[groups.count - 1].append(models[index]) } else { groups.append([models[index]]) }
            last = sums[index]
        }
        return .value(.answers(QuestionAnswers(ranking: Ranking(groups: groups))))
    }

    func stratum(of value: AnnotationValue) -> String {
        guard let top = RankingAnswer.ranking(value)?.groups.first else { return "" }
        return StratifiedSplitter.stratum(["top:" + top.joined(separator: "+")])
    }
}
