import GlossCore

/// Agreement on one label per item: two annotators' Cohen's κ over the items both labeled.
public struct ClassifyAgreement: AgreementMeasure {
    public init() {}

    public func pairTally() -> any PairAgreementTally { Pair() }

    final class Pair: PairAgreementTally {
        private var kappa = CohensKappaTally()

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            kappa.add(first.category, second.category)
        }

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String, times: Int) {
            kappa.add(first.category, second.category, times: times)
        }

        func fill(_ pair: inout PairAgreement) {
            pair.cohensKappa = kappa.kappa
        }
    }
}
