import GlossCore

/// Agreement on label sets: two annotators' Cohen's κ with each set as one nominal value,
/// and present/absent agreement per label either of them used (by name).
public struct MultilabelAgreement: AgreementMeasure {
    public init() {}

    public func pairTally() -> any PairAgreementTally { Pair() }

    final class Pair: PairAgreementTally {
        private var kappa = CohensKappaTally()
        private var presence = LabelPresenceTallies(growing: true)
        private var labels = CategoryNumbers()
        private var names: [String] = []

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String) {
            add(first, second, itemText: itemText, times: 1)
        }

        func add(_ first: AgreementValue, _ second: AgreementValue, itemText: String, times: Int) {
            kappa.add(first.category, second.category, times: times)
            let used = Array(Set(first.value.labelNames)) + Array(Set(second.value.labelNames))
            presence.add(size: 2, labels: used.map(number), times: times)
        }

        private func number(_ label: String) -> Int {
            let number = labels.number(for: label)
            if number == names.count { names.append(label) }
            return number
        }

        func fill(_ pair: inout PairAgreement) {
            pair.cohensKappa = kappa.kappa
            pair.perLabel = presence.results.map { $0.tally.agreement(label: names[$0.label]) }
                .sorted { $0.label < $1.label }
        }
    }
}
