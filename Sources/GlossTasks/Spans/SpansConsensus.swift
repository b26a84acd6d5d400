import GlossCore

/// Spans' consensus: each decision is a set of spans, compared by start, end and label
/// (`ConsensusVote.sets`). Canonical order is by start, end and label with exact duplicates
/// merged; the stratum is the distinct labels of the spans, sorted.
struct SpansConsensus: ConsensusRule {
    func normalized(_ value: AnnotationValue) -> AnnotationValue {
        guard case .spans(let spans) = value else { return value }
        if zip(spans, spans.dropFirst()).allSatisfy({ Self.precedes($0, $1) }) { return value }
        var merged: [LabeledRange] = []
        for span in spans.sorted(by: Self.precedes) where merged.last != span { merged.append(span) }
        return .spans(merged)
    }

    func combine(_ values: [AnnotationValue], policy: ConsensusPolicy) -> ConsensusResult {
        ConsensusVote.sets(values, policy: policy, elements: { value -> [SpanKey] in
            guard case .spans(let spans) = value else { return [] }
            return spans.map(SpanKey.init)
        }, make: { keys in
            .spans(keys.map(\.range).sorted(by: Self.precedes))
        })
    }

    func stratum(of value: AnnotationValue) -> String {
        StratifiedSplitter.stratum(Set(value.labelNames).sorted())
    }

    static func precedes(_ a: LabeledRange, _ b: LabeledRange) -> Bool {
        (a.start, a.end, a.label) < (b.start, b.end, b.label)
    }

    /// A span as a set element: start, end and label (its text follows from the offsets).
    private struct SpanKey: Hashable {
        var start: Int, end: Int, label: String
        init(_ range: LabeledRange) { (start, end, label) = (range.start, range.end, range.label) }
        var range: LabeledRange { LabeledRange(start: start, end: end, label: label) }
    }
}
