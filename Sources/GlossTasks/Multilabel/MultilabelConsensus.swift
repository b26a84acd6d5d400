import GlossCore

/// Multilabel's consensus: each decision is a set of labels (`ConsensusVote.sets`: labels
/// chosen by more than half, the union or the intersection). Canonical order is guide order,
/// then labels the guide no longer has, sorted; the stratum is the labels in that order.
struct MultilabelConsensus: ConsensusRule {
    /// Guide position of each label of the current guide.
    private let position: [String: Int]

    init(labels: [String]) {
        var position: [String: Int] = [:]
        for (index, label) in labels.enumerated() where position[label] == nil { position[label] = index }
        self.position = position
    }

    func normalized(_ value: AnnotationValue) -> AnnotationValue {
        guard case .labels(let names) = value else { return value }
        if zip(names, names.dropFirst()).allSatisfy({ precedes($0, $1) }) { return value }
        return .labels(Array(Set(names)).sorted(by: precedes))
    }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        ConsensusVote.sets(values, policy: policy, elements: \.labelNames) { .labels($0.sorted(by: precedes)) }
    }

    func stratum(of value: AnnotationValue) -> String {
        StratifiedSplitter.stratum(value.labelNames)
    }

    private func precedes(_ a: String, _ b: String) -> Bool {
        let left = position[a] ?? Int.max, right = position[b] ?? Int.max
        return left != right ? left < right : a < b
    }
}
