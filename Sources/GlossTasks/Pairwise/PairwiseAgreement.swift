import GlossCore

/// Agreement on pairwise judgments: two annotators' Cohen's κ over the items both judged,
/// each judgment one category (its pair and the model preferred, or tie, or neither, whatever
/// the sides: `NominalValue.key`). Pairwise and rating projects get the judging section of
/// the report (leaderboard, outcome and rating α, position bias).
public struct PairwiseAgreement: AgreementMeasure {
    public init() {}

    public var judgingFigures: Bool { true }

    public func pairTally() -> any PairAgreementTally { Pair() }

    final class Pair: PairAgreementTally {
        private var kappa = CohensKappaTally()

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            kappa.add(first.category, second.category)
        }

        func fill(_ pair: inout PairAgreement) {
            pair.cohensKappa = kappa.kappa
        }
    }
}
