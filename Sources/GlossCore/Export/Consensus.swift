/// Why an export left a decided item out; the raw values are the keys of the manifest's
/// left-out counts.
public enum ExportLeftOutReason: String, Sendable, Codable, CaseIterable {
    case tie
    case skipped
    case flagged
    case notUnanimous = "not unanimous"
    case belowMinAgreement = "below min agreement"
    case notAdjudicated = "not adjudicated"
    /// No label decision, or none (no label, no span) met the policy's bar.
    case noLabel = "no label"

    /// Whether the item has no consensus value (so a model may label it under
    /// `--include-predictions`); skips, flags and low agreement keep their verdict.
    public var wantsPrediction: Bool {
        switch self {
        case .tie, .notUnanimous, .notAdjudicated, .noLabel: true
        case .skipped, .flagged, .belowMinAgreement: false
        }
    }
}

/// The final value of an item, or why it has none.
public enum ConsensusResult: Sendable, Equatable {
    case value(AnnotationValue)
    case leftOut(ExportLeftOutReason)
}

/// Combines the annotators' label decisions on an item into one value under a
/// `ConsensusPolicy` (see its cases for the rules). What every task shares is here: an
/// adjudication-only export, an item with no label decision, the agreement; how values of
/// the project's kind combine and what their canonical order is belongs to its `ConsensusRule`.
public struct Consensus: Sendable {
    public let rule: any ConsensusRule
    public let policy: ConsensusPolicy

    public init(rule: any ConsensusRule, policy: ConsensusPolicy) {
        self.rule = rule
        self.policy = policy
    }

    /// Whether each annotator's value is a row of its own (`.all` on a judging kind).
    public var keepsEachAnnotator: Bool { policy == .all && rule.allKeepsEachAnnotator }

    /// `value` in the canonical order an export writes (see `ConsensusRule.normalized`).
    public func normalized(_ value: AnnotationValue) -> AnnotationValue {
        rule.normalized(value)
    }

    /// The final value of normalized label decisions given oldest first, or why there is none.
    /// Under `.adjudicated` nothing but an adjudication counts, so the answer is always no.
    public func combine(_ values: [AnnotationValue]) -> ConsensusResult {
        if policy == .adjudicated { return .leftOut(.notAdjudicated) }
        guard !values.isEmpty else { return .leftOut(.noLabel) }
        return rule.combine(values, policy: policy)
    }

    /// The share of `values` equal to `final` (as sets for multilabel and spans, both being
    /// normalized); nil when there are no values.
    public func agreement(of values: [AnnotationValue], with final: AnnotationValue) -> Double? {
        guard !values.isEmpty else { return nil }
        var equal = 0
        for value in values where value == final { equal += 1 }
        return Double(equal) / Double(values.count)
    }
}
