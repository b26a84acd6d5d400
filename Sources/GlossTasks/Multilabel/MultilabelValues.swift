import GlossCore

/// Multilabel values: any set of the guide's labels; reference data gives the item's
/// reference labels, sorted.
struct MultilabelValues: ValueRules {
    var field: String { "labels" }
    var checksText: Bool { false }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .labels = value else { return .wrongShape }
        return LabelValueChecks.unknownLabel(in: value, labels: labels)
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue { value }

    func referenceAnswer(_ labels: [String]) -> AnnotationValue? { .labels(labels.sorted()) }
}
