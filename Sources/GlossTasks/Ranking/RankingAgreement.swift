import GlossCore

/// Agreement on rankings: Kendall's τ-b of two annotators, averaged over the items both
/// ranked (`tau_b` in the pair's figures), and over the project (`RankingAgreementTally`):
/// Kendall's W per item averaged (`kendall_w`), and the mean of each pair of annotators'
/// mean τ-b (`mean_pairwise_tau`). Responses are ranked by mid-ranks (ties share the mean
/// of their places) over the models in name order; an item whose rankings name other
/// models than the first one's adds nothing.
struct RankingAgreement: AgreementMeasure {
    func pairTally() -> any PairAgreementTally { Pair() }
    func unitTally() -> (any UnitAgreementTally)? { Units() }

    /// The rankings' mid-ranks over the first one's models in name order; nil when they differ in models.
    static func ranks(_ values: [AgreementValue]) -> [[Double]]? {
        let rankings = values.compactMap { RankingAnswer.ranking($0.value) }
        guard rankings.count == values.count, let models = rankings.first?.modelsByName else { return nil }
        var all: [[Double]] = []
        for ranking in rankings {
            guard let ranks = ranking.midranks(of: models) else { return nil }
            all.append(ranks)
        }
        return all
    }

    final class Pair: PairAgreementTally {
        private var sum = 0.0
        private var items = 0

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            guard let ranks = RankingAgreement.ranks([first, second]), let tau = KendallTau.b(ranks[0], ranks[1]) else { return }
            sum += tau
            items += 1
        }

        func fill(_ pair: inout PairAgreement) {
            pair.figures = [AgreementFigure(name: "tau_b", value: items == 0 ? nil : sum / Double(items))]
        }
    }

    final class Units: UnitAgreementTally {
        private var tally = RankingAgreementTally()

        func add(_ unit: [AgreementValue], itemText: String) {
            guard let ranks = RankingAgreement.ranks(unit) else { return }
            tally.add(zip(unit, ranks).map { (judge: String($0.judge), ranks: $1) })
        }

        func fill(_ agreement: inout ProjectAgreement) {
            agreement.figures = [AgreementFigure(name: "kendall_w", value: tally.meanW),
                                 AgreementFigure(name: "mean_pairwise_tau", value: tally.meanPairwiseTau)]
        }
    }
}
