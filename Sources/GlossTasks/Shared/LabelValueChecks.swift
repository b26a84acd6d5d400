import GlossCore

/// Checks every kind whose values name guide labels shares.
enum LabelValueChecks {
    /// The first label of `value` that is not one of `labels`, as a problem.
    static func unknownLabel(in value: AnnotationValue, labels: Set<String>) -> ValueProblem? {
        value.labelNames.first { !labels.contains($0) }.map(ValueProblem.unknownLabel)
    }
}
