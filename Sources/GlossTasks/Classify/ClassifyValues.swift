import GlossCore

/// Classify values: one label of the guide; reference data gives one when an item has
/// exactly one reference label.
struct ClassifyValues: ValueRules {
    var field: String { "label" }
    var checksText: Bool { false }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .label = value else { return .wrongShape }
        return LabelValueChecks.unknownLabel(in: value, labels: labels)
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue { value }

    func referenceAnswer(_ labels: [String]) -> AnnotationValue? {
        labels.count == 1 ? .label(labels[0]) : nil
    }
}
