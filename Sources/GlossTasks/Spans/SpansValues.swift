import GlossCore

/// Span values: labeled ranges of the guide's labels that lie inside the item's text
/// (Unicode scalar offsets, start < end) and do not overlap; stored in text order.
/// Reference labels say nothing about spans.
struct SpansValues: ValueRules {
    var field: String { "spans" }
    var checksText: Bool { true }

    func problem(with value: AnnotationValue, labels: Set<String>, itemText: String?) -> ValueProblem? {
        guard case .spans(let spans) = value else { return .wrongShape }
        if let unknown = LabelValueChecks.unknownLabel(in: value, labels: labels) { return unknown }
        let length = itemText?.unicodeScalars.count ?? 0
        var previousEnd = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            guard span.start >= 0, span.start < span.end, span.end <= length else {
                return .spanOutside(span, length: length)
            }
            guard span.start >= previousEnd else { return .overlap(at: span.start) }
            previousEnd = span.end
        }
        return nil
    }

    func stored(_ value: AnnotationValue) -> AnnotationValue {
        guard case .spans(let spans) = value else { return value }
        return .spans(spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) })
    }

    func referenceAnswer(_ labels: [String]) -> AnnotationValue? { nil }
}
