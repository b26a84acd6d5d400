import GlossCore

/// Pairwise values: a judgment whose outcome is one of the guide's labels and whose two
/// models differ. Reference labels give no judgment.
struct PairwiseValues: ValueRules {
    var field: String { "winner" }
    var checksText: Bool { false }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .pairwise(let judgment) = value, judgment.left != judgment.right else { return .wrongShape }
        return LabelValueChecks.unknownLabel(in: value, labels: labels)
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue { value }

    func referenceAnswer(_ labels: [String]) -> AnnotationValue? { nil }
}
